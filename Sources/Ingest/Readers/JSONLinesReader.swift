import Records

/// Reads JSON Lines in the project schema (`id`, `source`, `title`, `description`,
/// `published`, `location`, `department`, `contract`, `rome_code`, `naf`, `company`, `url`,
/// `source_skills`), one record per line, streaming.
///
/// Only `id`, `title` and `description` are required; a numeric `id` becomes its text; null
/// means absent; unknown keys are ignored. Blank lines are skipped. Each bad line is one reject
/// with its line number (invalid JSON or UTF-8, truncated last line, line over
/// `ReaderLimits.maxRecordBytes` — skipped without being buffered) and reading goes on.
public final class JSONLinesReader: Sequence, IteratorProtocol {
    private let input: ByteSource
    private let lines: LineSplitter
    private let source: String
    private let sourceOverride: Bool
    private let limits: ReaderLimits
    private var recordIndex = 0

    /// - Parameters:
    ///   - source: value of `Posting.source`. When `overrides` is false it is only the
    ///     default for lines without a `source` key.
    public init(input: ByteSource, source: String, overrides: Bool = false, limits: ReaderLimits = ReaderLimits()) {
        self.input = input
        self.lines = LineSplitter(source: input, maxLineBytes: limits.maxRecordBytes)
        self.source = source
        self.sourceOverride = overrides
        self.limits = limits
    }

    public func next() -> Result<Posting, RecordError>? {
        while true {
            guard let outcome = lines.next({ event -> Result<Posting, RecordError>? in
                switch event {
                case .oversized(let number, let length, let prefix):
                    recordIndex += 1
                    return .failure(RecordError(code: .tooLarge, file: input.name, line: number, record: recordIndex,
                                                reason: "ligne de \(length) octets, au-delà de la limite de \(limits.maxRecordBytes) octets ; ignorée",
                                                excerpt: excerpt(prefix)))
                case .line(let number, let bytes, let terminated):
                    if isBlank(bytes) { return nil }
                    recordIndex += 1
                    return parseLine(bytes, number: number, terminated: terminated)
                }
            }) else { return nil }
            if let outcome { return outcome }
        }
    }

    private func isBlank(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for c in b where !(c == 0x20 || c == 0x09 || c == 0x0D) { return false }
        return true
    }

    private func parseLine(_ line: UnsafeBufferPointer<UInt8>, number: Int, terminated: Bool) -> Result<Posting, RecordError> {
        // A UTF-8 byte order mark (Windows editors, some exports) before the first object.
        let bom = number == 1 && line.count >= 3 && line[0] == 0xEF && line[1] == 0xBB && line[2] == 0xBF
        let bytes = bom ? UnsafeBufferPointer(rebasing: line[3...]) : line
        let context = RecordContext(file: input.name, line: number, record: recordIndex, excerpt: { excerpt(bytes) })
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes, maxDepth: limits.maxDepth)
        } catch {
            return .failure(context.jsonError(error, truncated: !terminated))
        }
        guard case .object = value else {
            return .failure(context.error(.malformedJSON, "un objet JSON est attendu sur chaque ligne, trouvé : \(value.typeName)"))
        }
        return JSONLinesReader.map(value, source: source, overrides: sourceOverride, limits: limits, context: context)
    }

    /// Maps one object of the project schema (also used for JSON arrays of such objects).
    static func map(_ value: JSONValue, source: String, overrides: Bool, limits: ReaderLimits, context: RecordContext) -> Result<Posting, RecordError> {
        let r = JSONFieldReader(object: value, context: context)
        var f = PostingFields()
        do {
            f.id = try r.string("id", lenient: true).get()
            if !overrides { f.source = try r.string("source").get() }
            f.title = try r.string("title").get()
            f.description = try r.string("description").get()
            f.published = try r.string("published").get()
            f.location = try r.string("location").get()
            f.department = try r.string("department", lenient: true).get()
            f.contract = try r.string("contract").get()
            f.romeCode = try r.string("rome_code").get()
            f.naf = try r.string("naf").get()
            f.company = try r.string("company").get()
            f.url = try r.string("url").get()
            f.sourceSkills = try r.strings("source_skills", field: "source_skills").get()
        } catch {
            return .failure(error)
        }
        return f.build(source: source, limits: limits, context: context)
    }

    /// Bytes consumed so far, for progress display.
    public var bytesRead: Int { input.bytesRead }
}
