import Foundation

/// CSV (RFC 4180) and JSON renderings of a `DataTable`.
///
/// CSV: UTF-8, CRLF line ends, fields quoted when they hold the separator, a quote, CR or LF.
/// The French Excel variant uses `;`, a decimal comma and a UTF-8 byte order mark so that Excel
/// opens accents and numbers correctly. Text cells starting with `=`, `+`, `-`, `@`, a tab or a CR
/// get a leading `'` so that a spreadsheet never evaluates them as formulas (OWASP CSV injection).
public enum TableExport {
    public enum Variant: Sendable { case standard, frenchExcel }

    public static func csv(_ table: DataTable, variant: Variant) -> String {
        let sep = variant == .frenchExcel ? ";" : ","
        var out = variant == .frenchExcel ? "\u{FEFF}" : ""
        out += table.columns.map { field($0.key, sep: sep) }.joined(separator: sep) + "\r\n"
        for row in table.rows {
            out += row.map { cell -> String in
                switch cell.value {
                case .text(let s): return field(neutralize(s), sep: sep)
                case .int(let n): return String(n)
                case .double(let x):
                    let s = number(x)
                    return variant == .frenchExcel ? s.replacingOccurrences(of: ".", with: ",") : s
                case .null: return ""
                }
            }.joined(separator: sep) + "\r\n"
        }
        return out
    }

    /// A JSON array of objects keyed by the column keys, numbers as numbers, withheld cells null.
    public static func json(_ table: DataTable) throws -> Data {
        let rows: [[String: Any]] = table.rows.map { row in
            var o: [String: Any] = [:]
            for (c, cell) in zip(table.columns, row) {
                switch cell.value {
                case .text(let s): o[c.key] = s
                case .int(let n): o[c.key] = n
                case .double(let x): o[c.key] = x
                case .null: o[c.key] = NSNull()
                }
            }
            return o
        }
        let doc: [String: Any] = ["tableau": table.name, "titre": table.caption,
                                  "colonnes": table.columns.map(\.key), "lignes": rows]
        return try JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    /// Prefixes `'` to text a spreadsheet would read as a formula.
    public static func neutralize(_ s: String) -> String {
        guard let first = s.unicodeScalars.first else { return s }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first) ? "'" + s : s
    }

    static func field(_ s: String, sep: String) -> String {
        if s.contains(sep) || s.contains("\"") || s.contains("\n") || s.contains("\r") {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        var s = String(format: "%.6f", x)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }
}
