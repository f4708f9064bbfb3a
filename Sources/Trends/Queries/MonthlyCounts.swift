import GRDB

/// Unique postings per month: all postings, and per key (a domain or a competency).
struct MonthlyCounts: Sendable {
    var totals: [Month: Int] = [:]
    var byKey: [String: [Month: Int]] = [:]
    /// Domain of each competency key (empty for domain keys).
    var group: [String: String] = [:]

    /// What to count per key.
    enum Kind: String { case domain = "domaine", competency = "competence" }

    /// Sum of the totals over `months`.
    func total(in months: ClosedRange<Month>) -> Int {
        totals.reduce(0) { months.contains($1.key) ? $0 + $1.value : $0 }
    }

    func count(_ key: String, in months: ClosedRange<Month>) -> Int {
        (byKey[key] ?? [:]).reduce(0) { months.contains($1.key) ? $0 + $1.value : $0 }
    }

    /// Reads counts for months `from...to`, from the rollup when the filter sets at most one
    /// dimension, from `trend_facts` otherwise. `group` restricts competencies to one domain, `key`
    /// to one domain or competency.
    static func fetch(_ db: Database, kind: Kind, filter: TrendFilter, from: Month, to: Month,
                      group: String? = nil, key: String? = nil) throws -> MonthlyCounts {
        var out = MonthlyCounts()
        let dims = filter.dimensions
        if dims.count <= 1 {
            let dim = dims.first?.dimension.rawValue ?? ""
            let value = dims.first?.value ?? ""
            for row in try Row.fetchAll(db, sql: """
                SELECT month, n FROM trend_rollup WHERE kind = 'total' AND grp = '' AND dim = ? AND dim_value = ?
                AND month BETWEEN ? AND ?
                """, arguments: [dim, value, from.description, to.description]) {
                if let m = Month(row[0] as String) { out.totals[m, default: 0] += row[1] as Int }
            }
            var sql = """
                SELECT key, grp, month, n FROM trend_rollup WHERE kind = ? AND dim = ? AND dim_value = ?
                AND month BETWEEN ? AND ?
                """
            var args: [any DatabaseValueConvertible] = [kind.rawValue, dim, value, from.description, to.description]
            if let group { sql += " AND grp = ?"; args.append(group) }
            if let key { sql += " AND key = ?"; args.append(key) }
            for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)) {
                guard let m = Month(row[2] as String) else { continue }
                let k: String = row[0]
                out.byKey[k, default: [:]][m, default: 0] += row[3] as Int
                out.group[k] = row[1]
            }
            return out
        }
        let (whereSQL, whereArgs) = LiveFilter.clause(filter, from: from, to: to)
        for row in try Row.fetchAll(db, sql: "SELECT f.month, COUNT(*) FROM trend_facts f WHERE \(whereSQL) GROUP BY f.month",
                                    arguments: StatementArguments(whereArgs)) {
            if let m = Month(row[0] as String) { out.totals[m] = row[1] }
        }
        // Competencies: the clustered trend_competency_facts (one range per key, or one sequential
        // read for a whole domain) rather than a look-up in posting_competencies per posting.
        let from = kind == .domain ? "trend_facts f JOIN posting_domains x ON x.posting_id = f.posting_id"
            : "trend_competency_facts f"
        let keyColumn = kind == .domain ? "x.domain" : "f.competency_id"
        let groupColumn = kind == .domain ? "''" : "f.domain"
        var sql = "SELECT \(keyColumn), \(groupColumn), f.month, COUNT(*) FROM \(from) WHERE \(whereSQL)"
        var args = whereArgs
        if let group, kind == .competency { sql += " AND f.domain = ?"; args.append(group) }
        if let key { sql += " AND \(keyColumn) = ?"; args.append(key) }
        sql += " GROUP BY \(keyColumn), \(groupColumn), f.month"
        for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)) {
            guard let m = Month(row[2] as String) else { continue }
            let k: String = row[0]
            out.byKey[k, default: [:]][m] = row[3]
            out.group[k] = row[1]
        }
        return out
    }
}

/// The `WHERE` clause of live queries over `trend_facts f`.
enum LiveFilter {
    static func clause(_ filter: TrendFilter, from: Month, to: Month) -> (String, [any DatabaseValueConvertible]) {
        var parts = ["f.month BETWEEN ? AND ?"]
        var args: [any DatabaseValueConvertible] = [from.description, to.description]
        for (dimension, value) in filter.dimensions {
            parts.append("f.\(dimension.column) = ?")
            args.append(value)
        }
        return (parts.joined(separator: " AND "), args)
    }
}
