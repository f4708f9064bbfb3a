/// The input formats the readers understand.
public enum InputFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    case jsonl
    case franceTravail = "france-travail"
    case csv
    case jsonld
    case html

    public var description: String { rawValue }

    /// Names accepted on the command line (`--input-format`), with a few aliases.
    public init?(name: String) {
        switch name.lowercased() {
        case "jsonl", "ndjson", "json-lines", "jsonlines": self = .jsonl
        case "france-travail", "francetravail", "ft", "france-travail-api", "pole-emploi": self = .franceTravail
        case "csv", "tsv": self = .csv
        case "jsonld", "json-ld", "schema.org": self = .jsonld
        case "html", "htm": self = .html
        default: return nil
        }
    }

    /// "jsonl, france-travail, csv, jsonld, html", for error messages.
    public static var supportedList: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The format of `path`, by extension, then by the first bytes (`.json` and unknown
    /// extensions): `{"resultats"` or an `intitule` key → France Travail; `@context` or
    /// `JobPosting` → JSON-LD; `<` → HTML; objects with `title` one per line → JSON Lines.
    public static func detect(path: String) throws(IngestError) -> InputFormat {
        let ext = path.split(separator: "/").last.flatMap { name -> String? in
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
            return name[name.index(after: dot)...].lowercased()
        }
        switch ext {
        case "jsonl", "ndjson": return .jsonl
        case "csv", "tsv": return .csv
        case "jsonld": return .jsonld
        case "html", "htm", "xhtml": return .html
        default: break
        }
        _ = try ByteSource(path: path, chunkSize: 1)  // file-level errors first (missing, directory, empty)
        if let sniffed = sniff(ByteSource.peek(path: path, count: 65_536)) { return sniffed }
        throw IngestError(code: .unknownFormat, file: path,
                          reason: "format non reconnu ; formats pris en charge : \(supportedList) (précisez-le avec --input-format)")
    }

    /// Guesses from the first bytes; nil when nothing matches.
    static func sniff(_ bytes: [UInt8]) -> InputFormat? {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.count else { return nil }
        let text = String(decoding: bytes[start...], as: UTF8.self)
        switch bytes[start] {
        case 0x3C: return .html
        case 0x7B, 0x5B:
            if text.contains("\"@context\"") || text.contains("JobPosting") { return .jsonld }
            if text.contains("\"resultats\"") || text.contains("\"intitule\"") { return .franceTravail }
            let lines = text.split(separator: "\n", maxSplits: 3, omittingEmptySubsequences: true)
            if bytes[start] == 0x7B, lines.count >= 2, lines[0].hasSuffix("}"), lines[1].hasPrefix("{") { return .jsonl }
            if bytes[start] == 0x7B, lines.count == 1, text.contains("\"title\"") { return .jsonl }
            return nil
        default:
            return nil
        }
    }
}
