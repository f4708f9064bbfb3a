import GRDB

/// What a gap table compares, one row per value.
public enum GapLevel: String, Sendable, Hashable, CaseIterable, Codable {
    /// Postings asking for a competency of the domain against sessions teaching one.
    case domain = "domaines"
    case competency = "competences"
    /// All postings and sessions of each region (or those of `competency` when given).
    case region = "regions"
}

extension TrendStore {
    /// Demand against supply per domain, competency or region (rules in `SupplyRules`).
    /// - Parameter competency: for `.region`, compare only postings and sessions of this competency.
    public func gaps(_ level: GapLevel, filter: TrendFilter, competency: String? = nil) async throws -> SupplyGapTable {
        try await reader.read { db in
            guard let window = SupplyWindow.of(filter, data: try Self.dataRange(db)) else {
                return SupplyGapTable(window: nil, postingsTotal: 0, sessionsTotal: 0, rows: [])
            }
            let (w, args) = LiveFilter.clause(filter, from: window.from, to: window.to)
            var sw = "s.start_day >= ?"
            var sargs: [any DatabaseValueConvertible] = [window.supplyFrom]
            if let r = filter.region { sw += " AND s.region = ?"; sargs.append(r) }
            if let d = filter.department { sw += " AND s.department = ?"; sargs.append(d) }
            let bigD = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM trend_facts f WHERE \(w)", arguments: StatementArguments(args)) ?? 0
            let bigS = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM training_sessions s WHERE \(sw)",
                                        arguments: StatementArguments(sargs)) ?? 0

            // (key, group) → counts, filled from the demand side then the supply side.
            var demand: [String: (group: String, n: Int)] = [:]
            var supply: [String: (group: String, actions: Int, sessions: Int, offers: Int)] = [:]
            switch level {
            case .competency, .domain:
                // Competencies are keyed by id and grouped by domain; domains are their own key.
                let byCompetency = level == .competency
                let key = byCompetency ? "competency_id" : "domain"
                func group(_ alias: String) -> (select: String, groupBy: String) {
                    byCompetency ? ("\(alias).domain", ", \(alias).domain") : ("''", "")
                }
                for r in try Row.fetchAll(db, sql: """
                    SELECT f.\(key), \(group("f").select), COUNT(DISTINCT f.posting_id)
                    FROM trend_competency_facts f WHERE \(w) GROUP BY f.\(key)\(group("f").groupBy)
                    """, arguments: StatementArguments(args)) {
                    demand[r[0]] = (r[1], r[2])
                }
                for r in try Row.fetchAll(db, sql: """
                    SELECT tc.\(key), \(group("tc").select), COUNT(DISTINCT s.action_id),
                           COUNT(DISTINCT s.id), COUNT(DISTINCT s.offer_id)
                    FROM training_competencies tc JOIN training_sessions s ON s.offer_id = tc.offer_id
                    WHERE tc.taught = 1 AND \(sw) GROUP BY tc.\(key)\(group("tc").groupBy)
                    """, arguments: StatementArguments(sargs)) {
                    supply[r[0]] = (r[1], r[2], r[3], r[4])
                }
            case .region:
                var pTable = "trend_facts", pWhere = "", sJoin = "", sWhere = ""
                var pArgs: [any DatabaseValueConvertible] = [], sArgs: [any DatabaseValueConvertible] = []
                if let competency {
                    pTable = "trend_competency_facts"
                    pWhere = " AND f.competency_id = ?"; pArgs = [competency]
                    sJoin = "JOIN training_competencies tc ON tc.offer_id = s.offer_id AND tc.taught = 1"
                    sWhere = " AND tc.competency_id = ?"; sArgs = [competency]
                }
                for r in try Row.fetchAll(db, sql: """
                    SELECT f.region, COUNT(DISTINCT f.posting_id) FROM \(pTable) f
                    WHERE \(w) AND f.region IS NOT NULL\(pWhere) GROUP BY f.region
                    """, arguments: StatementArguments(args + pArgs)) {
                    demand[r[0]] = ("", r[1])
                }
                for r in try Row.fetchAll(db, sql: """
                    SELECT s.region, COUNT(DISTINCT s.action_id), COUNT(DISTINCT s.id), COUNT(DISTINCT s.offer_id)
                    FROM training_sessions s \(sJoin)
                    WHERE \(sw) AND s.region IS NOT NULL\(sWhere) GROUP BY s.region
                    """, arguments: StatementArguments(sargs + sArgs)) {
                    supply[r[0]] = ("", r[1], r[2], r[3])
                }
            }
            let keys = Set(demand.keys).union(supply.keys)
            let rows = keys.map { key -> SupplyGap in
                let d = demand[key]?.n ?? 0
                let s = supply[key]
                let ratio = SupplyRules.ratio(demand: d, demandTotal: bigD, supply: s?.sessions ?? 0, supplyTotal: bigS)
                return SupplyGap(key: key, group: demand[key]?.group ?? s?.group ?? "", postings: d,
                                 demandShare: bigD > 0 ? Double(d) / Double(bigD) : 0,
                                 actions: s?.actions ?? 0, sessions: s?.sessions ?? 0, offers: s?.offers ?? 0,
                                 supplyShare: bigS > 0 ? Double(s?.sessions ?? 0) / Double(bigS) : nil,
                                 ratio: ratio, underSupplied: SupplyRules.isUnderSupplied(demand: d, ratio: ratio))
            }.sorted { ($0.postings, $1.key) > ($1.postings, $0.key) }
            return SupplyGapTable(window: window, postingsTotal: bigD, sessionsTotal: bigS, rows: rows)
        }
    }
}
