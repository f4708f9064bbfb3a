import Records

/// Reads postings from CSV, streaming (RFC 4180, see `CSVScanner` for quotes, line breaks and
/// resynchronisation).
///
/// - Delimiter: the one of `;` `,` tab `|` found most often outside quotes in the header line.
/// - Encoding: UTF-8 with or without BOM; Windows-1252 when the first 64 KB are not valid
///   UTF-8 but are valid Windows-1252 (then the whole file is read as Windows-1252).
/// - Columns: see `CSVHeaderMapping` (aliases and explicit `field=Column`); `title` and
///   `description` are required (file-level error otherwise). Without an `id` column the id is
///   `h-` + a 64-bit FNV-1a hash of the row's fields: stable across runs and row order.
/// - Each record with the wrong number of fields, a malformed quote or a bad byte is one reject
///   with the line of its first byte.
public final class CSVReader: Sequence, IteratorProtocol {
    public enum Encoding: String, Sendable { case utf8, windows1252 }

    private let input: ByteSource
    private let scanner: CSVScanner
    private let source: String
    private let sourceOverride: Bool
    private let limits: ReaderLimits
    public let mapping: CSVHeaderMapping
    public let encoding: Encoding
    public let delimiter: Character
    private var recordIndex = 0

    /// Reads the header; throws a file-level error when it is missing or lacks required columns.
    public init(input: ByteSource, source: String, overrides: Bool = false, mapping explicit: [String: String] = [:],
                limits: ReaderLimits = ReaderLimits()) throws(IngestError) {
        self.input = input
        self.source = source
        self.sourceOverride = overrides
        self.limits = limits

        var prefix: [UInt8] = []
        while prefix.count < 65_536, input.read(appendingTo: &prefix) > 0 {}
        let atEnd = prefix.count < 65_536
        var bom = 0
        if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { bom = 3; prefix.removeFirst(3) }
        var encoding = Encoding.utf8
        let head = Array(prefix.prefix(65_536))
        if bom == 0, let bad = UTF8Validation.firstInvalidOffset(head), atEnd || bad < head.count - 3, CP1252.isValid(head) {
            encoding = .windows1252
        }
        self.encoding = encoding
        let delimiter = CSVReader.detectDelimiter(prefix)
        self.delimiter = Character(Unicode.Scalar(delimiter))
        let cursor = ByteCursor(source: input)
        cursor.unread(prefix, line: 1, offset: bom)
        scanner = CSVScanner(cursor: cursor, delimiter: delimiter, maxRecordBytes: limits.maxRecordBytes)
        guard let header = scanner.next(), header.problem == nil else {
            throw IngestError(code: .empty, file: input.name, reason: "aucune ligne d’en-tête lisible (fichier CSV vide ou en-tête mal formé)")
        }
        let names = header.fields.map { CSVReader.decode($0, encoding) ?? CP1252.decode($0) }
            .map { $0.trimmingASCIIAndUnicodeSpaces() }
        mapping = try CSVHeaderMapping(headers: names, explicit: explicit, file: input.name, delimiter: delimiter)
        scanner.expectedFields = names.count
    }

    /// The most frequent of `;` `,` tab `|` outside quotes in the first line (`,` if none).
    static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        let candidates: [UInt8] = [0x3B, 0x2C, 0x09, 0x7C]
        var counts = [Int](repeating: 0, count: candidates.count)
        var quoted = false
        for b in bytes {
            if b == 0x22 { quoted.toggle(); continue }
            if quoted { continue }
            if b == 0x0A { break }
            if let i = candidates.firstIndex(of: b) { counts[i] += 1 }
        }
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }),
              counts[best] > 0 else { return 0x2C }
        return candidates[best]
    }

    static func decode(_ bytes: [UInt8], _ encoding: Encoding) -> String? {
        switch encoding {
        case .windows1252: return CP1252.decode(bytes)
        case .utf8: return String(validating: bytes, as: UTF8.self)
        }
    }

    public func next() -> Result<Posting, RecordError>? {
        guard let record = scanner.next() else { return nil }
        recordIndex += 1
        let enc = encoding
        let context = RecordContext(file: input.name, line: record.line, record: recordIndex, excerpt: {
            CSVReader.decode(record.raw, enc) ?? String(decoding: record.raw, as: UTF8.self)
        })
        if let problem = record.problem {
            return .failure(context.error(record.tooLarge ? .tooLarge : .malformedCSV, problem))
        }
        let expected = mapping.headers.count
        guard record.fields.count == expected else {
            return .failure(context.error(.malformedCSV, "\(record.fields.count) champ\(record.fields.count > 1 ? "s" : "") au lieu de \(expected) (nombre de colonnes de l’en-tête)"))
        }
        var values: [String] = []
        values.reserveCapacity(expected)
        for (i, bytes) in record.fields.enumerated() {
            guard let s = CSVReader.decode(bytes, enc) else {
                let bad = UTF8Validation.firstInvalidOffset(bytes) ?? 0
                return .failure(context.error(.invalidEncoding, field: mapping.headers[i], "UTF-8 invalide à l’octet \(bad) du champ"))
            }
            values.append(s)
        }
        func value(_ field: String) -> String? {
            guard let i = mapping.columns[field] else { return nil }
            let v = values[i]
            return v.isEmpty ? nil : v
        }
        var f = PostingFields()
        f.id = value("id")
        f.fallbackID = { StableID.hash(values) }
        if !sourceOverride { f.source = value("source") }
        f.title = value("title")  // an empty cell is an absent title in CSV
        f.description = value("description")
        f.published = value("published") ?? value("published_fallback")
        f.location = value("location")
        f.department = value("department")
        if f.department == nil {
            f.department = f.location.flatMap(Department.fromLabel)
                ?? value("postal_code").flatMap(Department.fromPostalCode)
                ?? value("commune").flatMap(Department.fromCommune)
        }
        f.contract = value("contract") ?? value("contract_label")
        f.romeCode = value("rome_code")
        f.naf = value("naf")
        f.company = value("company")
        f.url = value("url")
        f.sourceSkills = SkillList.parse(value("source_skills"), key: "libelle")
            + SkillList.parse(value("qualities"), key: "libelle")
            + SkillList.parse(value("trainings"), key: "domaineLibelle")
        return f.build(source: source, limits: limits, context: context).mapError { e in
            var e = e
            if let name = e.field, let i = mapping.columns[name] { e.field = mapping.headers[i] }  // the file's own column name
            return e
        }
    }

    /// Bytes consumed so far, for progress display.
    public var bytesRead: Int { input.bytesRead }
}

/// Skill lists found in CSV cells: a flattened list of objects (`[{'libelle': 'SQL', …}]`, as
/// France Travail exports write them, JSON or Python quoting) or plain text separated by `;`,
/// `|` or line breaks.
enum SkillList {
    static func parse(_ text: String?, key: String) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        if text.contains(key) { return labels(in: text, key: key) }
        if text.hasPrefix("[") || text.hasPrefix("{") { return [] }  // objects without that key
        return text.split(whereSeparator: { $0 == ";" || $0 == "|" || $0 == "\n" }).map { String($0) }
    }

    /// Every quoted value following `'key':` or `"key":`.
    static func labels(in text: String, key: String) -> [String] {
        let s = Array(text.unicodeScalars)
        let k = Array(key.unicodeScalars)
        var out: [String] = []
        var i = 0
        while i + k.count + 2 < s.count {
            let q = s[i]
            guard (q == "'" || q == "\""), Array(s[(i + 1)..<min(s.count, i + 1 + k.count)]) == k, i + 1 + k.count < s.count, s[i + 1 + k.count] == q else { i += 1; continue }
            var j = i + k.count + 2
            while j < s.count, s[j] == " " || s[j] == ":" { j += 1 }
            guard j < s.count, s[j] == "'" || s[j] == "\"" else { i = j; continue }
            let quote = s[j]
            var value = String.UnicodeScalarView()
            j += 1
            while j < s.count, s[j] != quote {
                if s[j] == "\\", j + 1 < s.count { j += 1 }
                value.append(s[j]); j += 1
            }
            out.append(String(value))
            i = j + 1
        }
        return out
    }
}
