/// One CSV record as raw field bytes, or why it could not be cut.
struct CSVRawRecord {
    /// Line of the record's first byte.
    var line: Int
    var fields: [[UInt8]]
    /// The record's bytes (bounded by the record limit), for excerpts and hashes.
    var raw: [UInt8]
    /// Set when the record is malformed; the record is then rejected whole.
    var problem: String?
    var tooLarge = false
}

/// An RFC 4180 record cutter over a `ByteCursor`: quoted fields with delimiters, doubled quotes
/// and line breaks; `\n`, `\r\n` or a lone `\r` (old Mac exports) end a record. A quote inside
/// an unquoted field is kept as a literal (`écran 27"`), as spreadsheets write it.
///
/// Resynchronisation after an unbalanced quote (a quoted field still open at the end of the
/// file or longer than the record limit, or closed by a quote followed by text in a record
/// spanning several lines — the usual sign of an unescaped quote): the record is rejected at its first line, and
/// reading resumes at the first following line that *looks like a record start*: read alone,
/// it is either a complete record with the header's number of fields, or it opens a quoted
/// field after at least one delimiter (the first line of a multi-line record). The lines in
/// between belong to the rejected record and are named in its reason.
final class CSVScanner {
    private let cursor: ByteCursor
    let delimiter: UInt8
    private let maxRecordBytes: Int
    /// Number of header fields, once known (used to resynchronise).
    var expectedFields: Int?

    init(cursor: ByteCursor, delimiter: UInt8, maxRecordBytes: Int) {
        self.cursor = cursor
        self.delimiter = delimiter
        self.maxRecordBytes = maxRecordBytes
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    /// The next record; nil at the end of the input. Blank lines are skipped.
    func next() -> CSVRawRecord? {
        while true {
            guard cursor.peek() != nil else { return nil }
            let startLine = cursor.line
            let startOffset = cursor.offset
            var fields: [[UInt8]] = []
            var field: [UInt8] = []
            var raw: [UInt8] = []
            var state = State.fieldStart
            var problem: String?
            var ended = false
            while let b = cursor.peek() {
                if state == .quoted && raw.count >= maxRecordBytes {
                    return resync(line: startLine, offset: startOffset, raw: raw,
                                  reason: "champ entre guillemets de plus de \(maxRecordBytes) octets : guillemet probablement non fermé")
                }
                _ = cursor.next()
                if raw.count < maxRecordBytes { raw.append(b) }
                switch state {
                case .fieldStart, .unquoted:
                    if b == delimiter { fields.append(field); field = []; state = .fieldStart }
                    else if b == 0x0A { ended = true }
                    else if b == 0x0D { if cursor.peek() == 0x0A { continue }; ended = true }
                    else if b == 0x22 && state == .fieldStart { state = .quoted }
                    else { field.append(b); state = .unquoted }
                case .quoted:
                    if b == 0x22 { state = .quoteInQuoted } else { field.append(b) }
                case .quoteInQuoted:
                    if b == 0x22 { field.append(0x22); state = .quoted }
                    else if b == delimiter { fields.append(field); field = []; state = .fieldStart }
                    else if b == 0x0A { ended = true }
                    else if b == 0x0D { if cursor.peek() == 0x0A { continue }; ended = true }
                    else {
                        if problem == nil {
                            problem = "caractère « \(b >= 0x20 && b < 0x7F ? String(Character(Unicode.Scalar(b))) : "0x" + String(b, radix: 16)) » après un guillemet fermant dans le champ \(fields.count + 1) (guillemets doublés attendus)"
                        }
                        field.append(b); state = .unquoted
                    }
                }
                if ended { break }
            }
            if state == .quoted {
                return resync(line: startLine, offset: startOffset, raw: raw,
                              reason: "guillemet ouvert dans le champ \(fields.count + 1) jamais fermé avant la fin du fichier")
            }
            if let problem, let nl = Self.lineBreak(in: raw, from: 0), nl < raw.count - 1 {
                // A stray quote made the record swallow the following lines: resynchronise.
                return resync(line: startLine, offset: startOffset, raw: raw, reason: problem)
            }
            fields.append(field)
            if fields.count == 1 && fields[0].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) && problem == nil { continue }
            var record = CSVRawRecord(line: startLine, fields: fields, raw: raw, problem: problem)
            if raw.count >= maxRecordBytes {
                record.tooLarge = true
                record.problem = "enregistrement de plus de \(maxRecordBytes) octets"
            }
            return record
        }
    }

    /// Rejects the record that starts at `line` and puts back the bytes after its first line,
    /// from the first plausible record start on.
    private func resync(line: Int, offset: Int, raw: [UInt8], reason: String) -> CSVRawRecord {
        var lineStart = (Self.lineBreak(in: raw, from: 0) ?? raw.count) + 1
        var currentLine = line + 1
        while lineStart < raw.count {
            let end = Self.lineBreak(in: raw, from: lineStart) ?? raw.count
            if looksLikeRecordStart(raw[lineStart..<end]) { break }
            lineStart = end + 1
            currentLine += 1
        }
        let skippedTo = currentLine - 1
        if lineStart < raw.count {
            cursor.unread(Array(raw[lineStart...]), line: currentLine, offset: offset + lineStart)
        }
        let span = skippedTo > line ? " ; lignes \(line) à \(skippedTo) ignorées, reprise ligne \(skippedTo + 1)" : ""
        return CSVRawRecord(line: line, fields: [], raw: raw, problem: reason + span)
    }

    /// Index of the byte that ends the line starting at `from`: a LF, or a CR not followed by
    /// one (the CR of a CRLF is part of the line, as the cursor counts lines).
    static func lineBreak(in raw: [UInt8], from: Int) -> Int? {
        var i = from
        while i < raw.count {
            if raw[i] == 0x0A || (raw[i] == 0x0D && (i + 1 == raw.count || raw[i + 1] != 0x0A)) { return i }
            i += 1
        }
        return nil
    }

    private func looksLikeRecordStart(_ bytes: ArraySlice<UInt8>) -> Bool {
        var count = 1
        var state = State.fieldStart
        for b in bytes {
            switch state {
            case .fieldStart, .unquoted:
                if b == delimiter { count += 1; state = .fieldStart }
                else if b == 0x22 && state == .fieldStart { state = .quoted }
                else if b != 0x0D { state = .unquoted }
            case .quoted:
                if b == 0x22 { state = .quoteInQuoted }
            case .quoteInQuoted:
                if b == 0x22 { state = .quoted }
                else if b == delimiter { count += 1; state = .fieldStart }
                else if b != 0x0D { return false }
            }
        }
        if state == .quoted { return count >= 2 }
        return count == (expectedFields ?? count) && count >= 2
    }
}
