import Records

/// Reads postings from CSV, streaming (RFC 4180, see `CSVScanner` for quotes, line breaks and
/// resynchronisation; `CSVTable` for encoding and delimiter detection).
///
/// - Columns: see `CSVSchema.postings` (aliases) and `CSVHeaderMapping` (explicit
///   `field=Column`); `title` and `description` are required (file-level error otherwise).
///   Without an `id` column the id is `h-` + a 64-bit FNV-1a hash of the row's fields: stable
///   across runs and row order.
/// - Each record with the wrong number of fields, a malformed quote or a bad byte is one reject
///   with the line of its first byte.
public final class CSVReader: Sequence, IteratorProtocol {
    public enum Encoding: String, Sendable { case utf8, windows1252 }

    private let table: CSVTable
    private let source: String
    private let sourceOverride: Bool
    private let limits: ReaderLimits
    public var mapping: CSVHeaderMapping { table.mapping }
    public var encoding: Encoding { table.encoding }
    public var delimiter: Character { Character(Unicode.Scalar(table.delimiter)) }

    /// Reads the header; throws a file-level error when it is missing or lacks required columns.
    public init(input: ByteSource, source: String, overrides: Bool = false, mapping explicit: [String: String] = [:],
                limits: ReaderLimits = ReaderLimits()) throws(IngestError) {
        self.source = source
        self.sourceOverride = overrides
        self.limits = limits
        table = try CSVTable(input: input, schema: .postings, explicit: explicit, limits: limits)
    }

    public func next() -> Result<Posting, RecordError>? {
        let row: CSVTable.Row
        switch table.next() {
        case nil: return nil
        case .failure(let e)?: return .failure(e)
        case .success(let r)?: row = r
        }
        let mapping = table.mapping, values = row.values, context = row.context
        func value(_ field: String) -> String? { row.value(field, mapping) }
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
    public var bytesRead: Int { table.input.bytesRead }
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
