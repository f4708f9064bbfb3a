import GRDB

extension TrendStore {
    /// Demand by period under `filter`: counts, shares and growth with the minimum-support rule
    /// of `TrendRules`. Rows are sorted by decreasing total.
    public func demand(_ scope: DemandScope, filter: TrendFilter) async throws -> DemandTable {
        try await reader.read { db in try Self.demand(db, scope, filter: filter) }
    }

    static func demand(_ db: Database, _ scope: DemandScope, filter: TrendFilter) throws -> DemandTable {
        let periods = try Self.window(filter, db)
        guard let first = periods.first, let last = periods.last, let data = try dataRange(db) else {
            return DemandTable(granularity: filter.granularity, periods: [], totals: [], rows: [])
        }
        let fetchFrom = first.adding(-filter.granularity.periodsPerYear).first
        let counts: MonthlyCounts
        switch scope {
        case .domains:
            counts = try MonthlyCounts.fetch(db, kind: .domain, filter: filter, from: fetchFrom, to: last.last)
        case .competencies(let domain):
            counts = try MonthlyCounts.fetch(db, kind: .competency, filter: filter, from: fetchFrom, to: last.last, group: domain)
        case .competency(let id):
            counts = try MonthlyCounts.fetch(db, kind: .competency, filter: filter, from: fetchFrom, to: last.last, key: id)
        }
        func sum(_ months: [Month: Int], _ p: Period) -> Int {
            var s = 0
            for i in 0..<p.granularity.months { s += months[p.first.adding(i)] ?? 0 }
            return s
        }
        /// A base period is known when it starts within the data.
        func known(_ p: Period) -> Bool { p.first >= Period(containing: data.lowerBound, granularity: p.granularity).first }
        let totals = periods.map { sum(counts.totals, $0) }
        var rows: [DemandTable.Row] = []
        var keys: [String] = Array(counts.byKey.keys)
        if case .competency(let id) = scope, keys.isEmpty { keys = [id] }
        for key in keys {
            let months = counts.byKey[key] ?? [:]
            var cells: [DemandTable.Cell] = []
            var total = 0
            for (i, p) in periods.enumerated() {
                let c = sum(months, p)
                total += c
                let prev = p.adding(-1), year = p.adding(-filter.granularity.periodsPerYear)
                cells.append(DemandTable.Cell(
                    count: c, share: .share(c, total: totals[i]),
                    growthPrevious: .growth(c, base: known(prev) ? sum(months, prev) : nil),
                    growthYear: .growth(c, base: known(year) ? sum(months, year) : nil)))
            }
            rows.append(DemandTable.Row(key: key, group: counts.group[key] ?? "", cells: cells, total: total))
        }
        rows.sort { $0.total != $1.total ? $0.total > $1.total : $0.key < $1.key }
        return DemandTable(granularity: filter.granularity, periods: periods, totals: totals, rows: rows)
    }
}
