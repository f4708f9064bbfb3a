import Foundation
import GRDB

extension TrendStore {
    /// Where a competency is asked for: counts by region, sector, contract… over the filter's months.
    public func breakdown(competency id: String, by dimension: Dimension, filter: TrendFilter, limit: Int = 30) async throws -> Breakdown {
        try await reader.read { db in
            let periods = try Self.window(filter, db)
            guard let from = periods.first?.first, let to = periods.last?.last else { return Breakdown(total: 0, rows: []) }
            let total = try MonthlyCounts.fetch(db, kind: .competency, filter: filter, from: from, to: to, key: id)
                .count(id, in: from...to)
            let rows: [Row]
            if filter.dimensions.isEmpty {
                rows = try Row.fetchAll(db, sql: """
                    SELECT dim_value, SUM(n) AS c FROM trend_rollup WHERE kind = 'competence' AND key = ? AND dim = ?
                    AND month BETWEEN ? AND ? GROUP BY dim_value ORDER BY c DESC, dim_value LIMIT ?
                    """, arguments: [id, dimension.rawValue, from.description, to.description, limit])
            } else {
                let (w, args) = LiveFilter.clause(filter, from: from, to: to)
                rows = try Row.fetchAll(db, sql: """
                    SELECT f.\(dimension.column), COUNT(*) AS c FROM trend_competency_facts f
                    WHERE f.competency_id = ? AND \(w) AND f.\(dimension.column) IS NOT NULL
                    GROUP BY f.\(dimension.column) ORDER BY c DESC, f.\(dimension.column) LIMIT ?
                    """, arguments: StatementArguments([id] + args + [limit]))
            }
            return Breakdown(total: total, rows: rows.map {
                Breakdown.Row(value: $0[0], count: $0[1], share: total > 0 ? Double($0[1] as Int) / Double(total) : 0)
            })
        }
    }

    /// Normalized job titles (`classifications.title_normalized`) of the postings asking for a
    /// competency: from `trend_titles` when the filter sets no dimension, from the competency's
    /// range of `trend_competency_facts` otherwise.
    public func titles(competency id: String, filter: TrendFilter, limit: Int = 20) async throws -> Breakdown {
        try await titles(competency: id, filter: filter, limit: limit, live: !filter.dimensions.isEmpty)
    }

    /// `live`: read `trend_competency_facts` even when the per-month table could answer (tests).
    func titles(competency id: String, filter: TrendFilter, limit: Int, live: Bool) async throws -> Breakdown {
        try await reader.read { db in
            let periods = try Self.window(filter, db)
            guard let from = periods.first?.first, let to = periods.last?.last else { return Breakdown(total: 0, rows: []) }
            let total: Int
            let rows: [Row]
            if !live {
                total = try MonthlyCounts.fetch(db, kind: .competency, filter: filter, from: from, to: to, key: id)
                    .count(id, in: from...to)
                rows = try Row.fetchAll(db, sql: """
                    SELECT title, SUM(n) AS c FROM trend_titles WHERE competency_id = ? AND month BETWEEN ? AND ?
                    GROUP BY title ORDER BY c DESC, title LIMIT ?
                    """, arguments: [id, from.description, to.description, limit])
            } else {
                let (w, args) = LiveFilter.clause(filter, from: from, to: to)
                total = try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM trend_competency_facts f WHERE f.competency_id = ? AND \(w)
                    """, arguments: StatementArguments([id] + args)) ?? 0
                rows = try Row.fetchAll(db, sql: """
                    SELECT f.title, COUNT(*) AS n FROM trend_competency_facts f
                    WHERE f.competency_id = ? AND \(w) AND f.title IS NOT NULL AND f.title <> ''
                    GROUP BY f.title ORDER BY n DESC, f.title LIMIT ?
                    """, arguments: StatementArguments([id] + args + [limit]))
            }
            return Breakdown(total: total, rows: rows.map {
                Breakdown.Row(value: $0[0], count: $0[1], share: total > 0 ? Double($0[1] as Int) / Double(total) : 0)
            })
        }
    }

    /// Competencies most often asked together with `id`, with their lift (rule in `TrendRules`):
    /// from `trend_pairs` when the filter sets no dimension, from the competency's range of
    /// `trend_competency_facts` otherwise.
    public func coOccurrences(of id: String, filter: TrendFilter, limit: Int = 15) async throws -> [CoOccurrence] {
        try await coOccurrences(of: id, filter: filter, limit: limit, live: !filter.dimensions.isEmpty)
    }

    /// `live`: read `trend_competency_facts` even when the per-month table could answer (tests).
    func coOccurrences(of id: String, filter: TrendFilter, limit: Int, live: Bool) async throws -> [CoOccurrence] {
        try await reader.read { db in
            let periods = try Self.window(filter, db)
            guard let from = periods.first?.first, let to = periods.last?.last else { return [] }
            let counts = try MonthlyCounts.fetch(db, kind: .competency, filter: filter, from: from, to: to)
            let range = from...to
            let bigN = counts.total(in: range), nc = counts.count(id, in: range)
            guard bigN > 0, nc > 0 else { return [] }
            let pairs: [(String, Int)]
            if !live {
                pairs = try Row.fetchAll(db, sql: """
                    SELECT other_id, SUM(n) AS c FROM trend_pairs WHERE competency_id = ? AND month BETWEEN ? AND ?
                    GROUP BY other_id HAVING SUM(n) >= ? ORDER BY c DESC, other_id LIMIT ?
                    """, arguments: [id, from.description, to.description, TrendRules.minimumSupport, limit]).map { ($0[0], $0[1]) }
            } else {
                // The other competencies of each posting are in its row (`others`): one range read.
                let (w, args) = LiveFilter.clause(filter, from: from, to: to)
                var together: [UInt16: Int] = [:]
                let others = try Row.fetchCursor(db, sql: "SELECT f.others FROM trend_competency_facts f WHERE f.competency_id = ? AND \(w)",
                                                 arguments: StatementArguments([id] + args))
                while let row = try others.next() {
                    guard let blob = row[0] as Data? else { continue }
                    OtherCompetencies.forEach(in: blob) { together[$0, default: 0] += 1 }
                }
                let names = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT idx, competency_id FROM trend_competency_index")
                    .map { (UInt16(truncatingIfNeeded: $0[0] as Int), $0[1] as String) })
                pairs = together.compactMap { p, n in names[p].map { ($0, n) } }
                    .filter { $0.1 >= TrendRules.minimumSupport }
                    .sorted { ($0.1, $1.0) > ($1.1, $0.0) }
                    .prefix(limit).map { $0 }
            }
            return pairs.map { key, together in
                let nd = max(counts.count(key, in: range), together)
                return CoOccurrence(key: key, group: counts.group[key] ?? "", together: together, count: nd,
                                    share: Double(together) / Double(nc),
                                    lift: Double(together) * Double(bigN) / (Double(nc) * Double(nd)))
            }
        }
    }
}
