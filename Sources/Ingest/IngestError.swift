/// A file-level failure: the file cannot be read at all as the requested format (missing,
/// directory, unreadable, empty, unknown format, CSV without the required columns). Thrown
/// when the reader is opened, distinct from per-record `RecordError` rejects.
public struct IngestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable machine-readable kind (a struct, so kinds can be added without breaking callers).
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let notFound = Code(rawValue: "fichier-introuvable")
        public static let isDirectory = Code(rawValue: "repertoire")
        public static let unreadable = Code(rawValue: "fichier-illisible")
        public static let empty = Code(rawValue: "fichier-vide")
        public static let unknownFormat = Code(rawValue: "format-inconnu")
        public static let missingColumns = Code(rawValue: "colonnes-manquantes")
        public static let invalidMapping = Code(rawValue: "correspondance-invalide")
    }

    public var code: Code
    public var file: String
    /// Reason in French.
    public var reason: String

    public init(code: Code, file: String, reason: String) {
        self.code = code; self.file = file; self.reason = reason
    }

    public var description: String { "\(file) : \(reason)" }
}
