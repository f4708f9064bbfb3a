/// Why one input record was rejected, precise enough to find and fix it: file, line or record
/// index, field, and a reason in French. The raw excerpt is bounded; it is kept for the
/// rejected-records table but left out of `description` (it is untrusted text).
public struct RecordError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Stable machine-readable reason, for counting rejects by kind.
    public struct Code: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let invalidEncoding = Code(rawValue: "encodage-invalide")
        public static let malformedJSON = Code(rawValue: "json-invalide")
        public static let malformedCSV = Code(rawValue: "csv-invalide")
        public static let malformedXML = Code(rawValue: "xml-invalide")
        public static let missingField = Code(rawValue: "champ-manquant")
        public static let invalidField = Code(rawValue: "champ-invalide")
        public static let tooLarge = Code(rawValue: "trop-volumineux")
        public static let unsupported = Code(rawValue: "non-pris-en-charge")
    }

    public var code: Code
    public var file: String
    /// 1-based line where the record starts, when the format has lines.
    public var line: Int?
    /// 1-based index of the record in the file.
    public var record: Int?
    public var field: String?
    /// Human reason, in French.
    public var reason: String
    /// At most `RecordError.excerptLimit` characters of the raw record.
    public var excerpt: String?

    public static let excerptLimit = 500

    public init(code: Code, file: String, line: Int? = nil, record: Int? = nil, field: String? = nil,
                reason: String, excerpt: String? = nil) {
        self.code = code; self.file = file; self.line = line; self.record = record; self.field = field
        self.reason = reason
        self.excerpt = excerpt.map { String($0.prefix(RecordError.excerptLimit)) }
    }

    /// `fichier.jsonl, ligne 12, champ « title » : champ obligatoire absent`
    public var description: String {
        var s = file
        if let line { s += ", ligne \(line)" }
        if let record, line == nil { s += ", enregistrement \(record)" }
        if let field { s += ", champ « \(field) »" }
        return s + " : " + reason
    }
}
