import Records

/// The entry point for callers (CLI, server): opens a file in any supported format and yields
/// its records one at a time, `.success` for postings and `.failure` for rejects, in constant
/// memory. File-level problems are thrown by `init` as `IngestError`.
///
/// For example:
/// ```swift
/// let reader = try PostingReader(path: "offres.csv", mapping: ["title": "Poste"])
/// for result in reader {
///     switch result {
///     case .success(let posting): store(posting)
///     case .failure(let reject): log(reject)  // file, line, field, French reason
///     }
/// }
/// ```
public final class PostingReader: Sequence, IteratorProtocol {
    public let path: String
    public let format: InputFormat
    private let input: ByteSource
    private let nextRecord: () -> Result<Posting, RecordError>?

    /// - Parameters:
    ///   - format: nil to detect it (extension, then content).
    ///   - source: `Posting.source` for every record; nil keeps the record's own `source`
    ///     (JSON Lines, CSV column) or the format's default (`france-travail-api`, else the
    ///     file name without extension).
    ///   - mapping: CSV only, explicit `field: "Column Name"` pairs (see `CSVHeaderMapping`).
    ///   - chunkSize: read granularity (tests use tiny ones).
    public init(path: String, format: InputFormat? = nil, source: String? = nil, mapping: [String: String] = [:],
                limits: ReaderLimits = ReaderLimits(), chunkSize: Int = ByteSource.defaultChunkSize) throws(IngestError) {
        self.path = path
        let detected: InputFormat
        if let format { detected = format } else { detected = try InputFormat.detect(path: path) }
        let format = detected
        self.format = format
        let input = try ByteSource(path: path, chunkSize: chunkSize)
        self.input = input
        let stem: String = {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
            return String(name[..<dot])
        }()
        switch format {
        case .jsonl:
            let r = JSONLinesReader(input: input, source: source ?? stem, overrides: source != nil, limits: limits)
            nextRecord = { r.next() }
        case .franceTravail:
            let r = FranceTravailReader(input: input, source: source ?? FranceTravailReader.defaultSource, limits: limits)
            nextRecord = { r.next() }
        case .csv:
            let r = try CSVReader(input: input, source: source ?? stem, overrides: source != nil, mapping: mapping, limits: limits)
            nextRecord = { r.next() }
        case .jsonld, .html:
            let r = JSONLDReader(input: input, html: format == .html, source: source ?? stem, limits: limits)
            nextRecord = { r.next() }
        }
    }

    public func next() -> Result<Posting, RecordError>? { nextRecord() }

    /// Bytes read so far, for a progress display.
    public var bytesRead: Int { input.bytesRead }
    /// Size of the file in bytes (nil for pipes and devices).
    public var fileSize: Int? { input.size }
}
