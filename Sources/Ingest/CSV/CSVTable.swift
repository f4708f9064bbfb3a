import Records

/// An opened CSV file, shared by the posting and training-catalogue readers: encoding and
/// delimiter detected, header read and mapped, each following record cut and decoded.
///
/// - Delimiter: the one of `;` `,` tab `|` found most often outside quotes in the header line.
/// - Encoding: UTF-8 with or without BOM; Windows-1252 when the first 64 KB are not valid
///   UTF-8 but are valid Windows-1252 (then the whole file is read as Windows-1252).
final class CSVTable {
    /// One decoded record: its cells in header order and where it comes from.
    struct Row {
        var values: [String]
        var context: RecordContext
        /// The value of `field`'s column; nil when unmapped or empty.
        func value(_ field: String, _ mapping: CSVHeaderMapping) -> String? {
            guard let i = mapping.columns[field] else { return nil }
            let v = values[i]
            return v.isEmpty ? nil : v
        }
        /// Every non-empty value of `field`'s columns (`code_formacode_1` … `_5`) with its column
        /// index, in header order.
        func values(_ field: String, _ mapping: CSVHeaderMapping) -> [(column: Int, value: String)] {
            (mapping.repeated[field] ?? mapping.columns[field].map { [$0] } ?? []).compactMap {
                values[$0].isEmpty ? nil : ($0, values[$0])
            }
        }
    }

    let input: ByteSource
    let scanner: CSVScanner
    let encoding: CSVReader.Encoding
    let delimiter: UInt8
    let mapping: CSVHeaderMapping
    private var recordIndex = 0

    /// Reads the header; throws a file-level error when it is missing or lacks required columns.
    init(input: ByteSource, schema: CSVSchema, explicit: [String: String], limits: ReaderLimits) throws(IngestError) {
        self.input = input
        var prefix: [UInt8] = []
        while prefix.count < 65_536, input.read(appendingTo: &prefix) > 0 {}
        let atEnd = prefix.count < 65_536
        var bom = 0
        if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { bom = 3; prefix.removeFirst(3) }
        var encoding = CSVReader.Encoding.utf8
        let head = Array(prefix.prefix(65_536))
        if bom == 0, let bad = UTF8Validation.firstInvalidOffset(head), atEnd || bad < head.count - 3, CP1252.isValid(head) {
            encoding = .windows1252
        }
        self.encoding = encoding
        delimiter = CSVTable.detectDelimiter(prefix)
        let cursor = ByteCursor(source: input)
        cursor.unread(prefix, line: 1, offset: bom)
        scanner = CSVScanner(cursor: cursor, delimiter: delimiter, maxRecordBytes: limits.maxRecordBytes)
        guard let header = scanner.next(), header.problem == nil else {
            throw IngestError(code: .empty, file: input.name, reason: "aucune ligne d’en-tête lisible (fichier CSV vide ou en-tête mal formé)")
        }
        let names = header.fields.map { CSVTable.decode($0, encoding) ?? CP1252.decode($0) }
            .map { $0.trimmingASCIIAndUnicodeSpaces() }
        mapping = try CSVHeaderMapping(headers: names, schema: schema, explicit: explicit, file: input.name, delimiter: delimiter)
        scanner.expectedFields = names.count
    }

    /// The next record decoded, or why it is rejected (wrong field count, malformed quote, bad
    /// byte, over the size limit); nil at the end of the file.
    func next() -> Result<Row, RecordError>? {
        guard let record = scanner.next() else { return nil }
        recordIndex += 1
        let enc = encoding
        let context = RecordContext(file: input.name, line: record.line, record: recordIndex, excerpt: {
            CSVTable.decode(record.raw, enc) ?? String(decoding: record.raw, as: UTF8.self)
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
            guard let s = CSVTable.decode(bytes, enc) else {
                let bad = UTF8Validation.firstInvalidOffset(bytes) ?? 0
                return .failure(context.error(.invalidEncoding, field: mapping.headers[i], "UTF-8 invalide à l’octet \(bad) du champ"))
            }
            values.append(s)
        }
        // Files concatenated from several exports repeat their header: not a record.
        if values.map({ $0.trimmingASCIIAndUnicodeSpaces() }) == mapping.headers {
            return .failure(context.error(.malformedCSV, "ligne d’en-tête répétée au milieu du fichier ; ignorée"))
        }
        return .success(Row(values: values, context: context))
    }

    /// The most frequent of `;` `,` tab `|` outside quotes in the first line (`,` if none).
    static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        let candidates: [UInt8] = [0x3B, 0x2C, 0x09, 0x7C]
        var counts = [Int](repeating: 0, count: candidates.count)
        var quoted = false
        for b in bytes {
            if b == 0x22 { quoted.toggle(); continue }
            if quoted { continue }
            if b == 0x0A || b == 0x0D { break }
            if let i = candidates.firstIndex(of: b) { counts[i] += 1 }
        }
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }),
              counts[best] > 0 else { return 0x2C }
        return candidates[best]
    }

    static func decode(_ bytes: [UInt8], _ encoding: CSVReader.Encoding) -> String? {
        switch encoding {
        case .windows1252: return CP1252.decode(bytes)
        case .utf8: return String(validating: bytes, as: UTF8.self)
        }
    }

    /// The header names of a CSV file's first line, decoded as `CSVTable` would (for format
    /// detection); empty when the bytes hold no line.
    static func headerNames(_ prefix: [UInt8]) -> [String] {
        var bytes = prefix
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let delimiter = detectDelimiter(bytes)
        let cursor = ByteCursor(source: ByteSource(bytes: bytes, name: ""))
        let scanner = CSVScanner(cursor: cursor, delimiter: delimiter, maxRecordBytes: 65_536)
        guard let header = scanner.next(), header.problem == nil else { return [] }
        return header.fields.map { decode($0, .utf8) ?? CP1252.decode($0) }.map { $0.trimmingASCIIAndUnicodeSpaces() }
    }
}
