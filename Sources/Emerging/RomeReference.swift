import Foundation

/// One ROME 4.0 appellation (job title) with both gendered labels.
public struct RomeAppellation: Sendable, Hashable {
    /// ROME fiche code (`M1805`).
    public var code: String
    /// Appellation code (`code_ogr` in France Travail's export).
    public var appellationCode: String
    public var masculine: String
    public var feminine: String

    public init(code: String, appellationCode: String, masculine: String, feminine: String) {
        self.code = code; self.appellationCode = appellationCode; self.masculine = masculine; self.feminine = feminine
    }
}

/// The ROME 4.0 reference imported into `Data/rome/` (see its README): appellations and fiches.
///
/// Loaded once per process; a few milliseconds for the 13,120 appellations.
public struct RomeReference: Sendable {
    public var appellations: [RomeAppellation]
    /// Fiche label by ROME code (`M1811` → `Data engineer`).
    public var fiches: [String: String]
    /// The ROME v3 fiche a v4.0 fiche was carved out of (`M1811` → `M1802`); equal to the code
    /// for fiches that already existed in v3.
    public var parents: [String: String]

    public init(appellations: [RomeAppellation], fiches: [String: String] = [:], parents: [String: String] = [:]) {
        self.appellations = appellations; self.fiches = fiches; self.parents = parents
    }

    /// A malformed or missing reference file, with its place.
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public var file: String
        public var line: Int?
        public var message: String
        public var description: String { "\(file)\(line.map { ":\($0)" } ?? "") : \(message)" }
    }

    /// The folder of the imported reference, relative to the repository root.
    public static let defaultDirectory = "Data/rome"

    /// Loads `appellations.tsv` and `fiches.tsv` from `directory` (the fiches file is optional).
    public static func load(directory: URL) throws -> RomeReference {
        let appURL = directory.appendingPathComponent("appellations.tsv")
        var appellations: [RomeAppellation] = []
        for (line, fields) in try rows(appURL) {
            guard fields.count >= 4 else {
                throw LoadError(file: appURL.path, line: line, message: "4 colonnes attendues, \(fields.count) trouvée(s)")
            }
            appellations.append(RomeAppellation(code: fields[0], appellationCode: fields[1],
                                                masculine: fields[2], feminine: fields[3]))
        }
        var fiches: [String: String] = [:], parents: [String: String] = [:]
        let ficheURL = directory.appendingPathComponent("fiches.tsv")
        if FileManager.default.fileExists(atPath: ficheURL.path) {
            for (_, fields) in try rows(ficheURL) where fields.count >= 2 {
                fiches[fields[0]] = fields[1]
                parents[fields[0]] = fields.count >= 3 && !fields[2].isEmpty ? fields[2] : fields[0]
            }
        }
        return RomeReference(appellations: appellations, fiches: fiches, parents: parents)
    }

    /// Data lines (header skipped) split on tabs, with their 1-based line numbers.
    static func rows(_ url: URL) throws -> [(Int, [String])] {
        guard var text = try? String(contentsOf: url, encoding: .utf8) else {
            throw LoadError(file: url.path, line: nil, message: "fichier introuvable ou illisible (lancer scripts/import-rome.py)")
        }
        var out: [(Int, [String])] = []
        // One pass over the bytes: splitting the text's UTF-8 view with closures and making a
        // Substring per field was most of the matcher's start-up. "\r\n" endings are split too.
        text.withUTF8 { bytes in
            forEachLine(bytes) { number, line in
                guard number > 1, !line.isEmpty else { return }
                var fields: [String] = []
                forEachField(line, separator: 0x09) { fields.append(String(decoding: $0, as: UTF8.self)) }
                out.append((number, fields))
            }
        }
        return out
    }

    /// Calls `body` with each line of `bytes` (without its "\n" or "\r\n") and its 1-based number.
    static func forEachLine(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        var start = 0, number = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            number += 1
            let stop = end > start && bytes[end - 1] == 0x0D ? end - 1 : end
            try body(number, UnsafeBufferPointer(rebasing: bytes[start..<stop]))
            start = end + 1
        }
    }

    /// Calls `body` with each `separator`-separated field of `line`, empty ones included.
    static func forEachField(_ line: UnsafeBufferPointer<UInt8>, separator: UInt8, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        var start = 0
        while true {
            var end = start
            while end < line.count && line[end] != separator { end += 1 }
            try body(UnsafeBufferPointer(rebasing: line[start..<end]))
            if end == line.count { return }
            start = end + 1
        }
    }
}
