import Trends

/// A table as both the page and its exports see it: the HTML renders `rows[i][j].text`, CSV and
/// JSON write `rows[i][j].value`, so an export always holds exactly what the page shows.
public struct DataTable: Sendable {
    /// A value as exported.
    public enum Value: Sendable, Hashable {
        case text(String)
        case int(Int)
        case double(Double)
        case null
    }

    public struct Column: Sendable {
        /// Export header (stable, ASCII, snake_case).
        public var key: String
        /// French heading on the page.
        public var label: String
        public var numeric: Bool
        /// Link that sorts by this column, when sortable.
        public var sortHref: String?
        public var sorted: String?
        public init(_ key: String, _ label: String, numeric: Bool = false) {
            self.key = key; self.label = label; self.numeric = numeric
        }
    }

    public struct Cell: Sendable {
        public var text: String
        public var value: Value
        public var href: String?
        public var numeric: Bool
        /// Too few postings: shown greyed, exported as null with the reason in a `_statut` column.
        public var flag: Bool
        /// A sentence with a highlighted span (`before`, `match`, `after`), all escaped on the page.
        public var snippet: Snippet?
        public init(text: String, value: Value, href: String? = nil, numeric: Bool = false, flag: Bool = false,
                    snippet: Snippet? = nil) {
            self.text = text; self.value = value; self.href = href; self.numeric = numeric; self.flag = flag
            self.snippet = snippet
        }

        static func snippet(_ s: Snippet) -> Cell {
            let text = s.before + s.match + s.after
            return Cell(text: text, value: .text(text), snippet: s)
        }

        static func text(_ s: String?, href: String? = nil) -> Cell {
            Cell(text: s ?? "—", value: s.map(Value.text) ?? .null, href: href)
        }
        static func int(_ n: Int, href: String? = nil) -> Cell {
            Cell(text: FrenchFormat.int(n), value: .int(n), href: href, numeric: true)
        }
        static func percent(_ x: Double) -> Cell {
            Cell(text: FrenchFormat.percent(x), value: .double((x * 10000).rounded() / 10000), numeric: true)
        }
        static func number(_ x: Double, digits: Int = 2) -> Cell {
            Cell(text: FrenchFormat.decimal(x, digits: digits), value: .double(x), numeric: true)
        }
        static func measure(_ m: Measure, growth: Bool) -> Cell {
            let (text, flag) = FrenchFormat.measure(m, growth: growth)
            let value: Value = m.value.map { .double(($0 * 10000).rounded() / 10000) } ?? .null
            return Cell(text: text, value: value, numeric: true, flag: flag)
        }
    }

    /// File name stem and anchor (`competences`, `regions`).
    public var name: String
    public var caption: String
    public var columns: [Column]
    public var rows: [[Cell]]
    /// Shown under the table (rule, source of the numbers).
    public var note: String?

    public init(name: String, caption: String, columns: [Column], rows: [[Cell]], note: String? = nil) {
        self.name = name; self.caption = caption; self.columns = columns; self.rows = rows; self.note = note
    }

    /// Mustache view: caption, headings and cells, plus export links built from `exportBase`.
    func view(exportBase: String, query: String) -> [String: Any] {
        let q = query.isEmpty ? "" : "?" + query
        let qx = query.isEmpty ? "?variante=excel" : "?" + query + "&variante=excel"
        // Absent values are left out rather than stored as nil: Mustache then treats them as false.
        var view: [String: Any] = [
            "name": name, "caption": caption,
            "columns": columns.map { c -> [String: Any] in
                var d: [String: Any] = ["label": c.label, "numeric": c.numeric]
                if let h = c.sortHref { d["sortHref"] = h }
                if let s = c.sorted { d["sorted"] = s }
                return d
            },
            "rows": rows.map { row in
                ["first": cellView(row[0]), "rest": row.dropFirst().map(cellView)] as [String: Any]
            },
            "empty": rows.isEmpty,
            "csv": "\(exportBase)/\(name).csv\(q)", "excel": "\(exportBase)/\(name).csv\(qx)",
            "json": "\(exportBase)/\(name).json\(q)",
        ]
        if let note { view["note"] = note }
        return view
    }

    private func cellView(_ c: Cell) -> [String: Any] {
        var d: [String: Any] = ["text": c.text, "numeric": c.numeric, "flag": c.flag]
        if let h = c.href { d["href"] = h }
        if let s = c.snippet { d["snippet"] = ["before": s.before, "match": s.match, "after": s.after] }
        return d
    }
}
