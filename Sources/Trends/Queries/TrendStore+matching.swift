import GRDB

extension TrendStore {
    /// The « now » of upcoming sessions: the first day after the last month of postings, or the
    /// earliest possible day when the store has none (every dated session is then upcoming).
    static func referenceDay(_ db: Database) throws -> String {
        SupplyWindow.of(TrendFilter(), data: try dataRange(db))?.reference ?? "0000-01-01"
    }

    /// Training offers that best cover a posting's competencies, best first (score and tie-breaks
    /// in `SupplyRules`). Only taught competencies count; `weights` maps competency ids to their
    /// weight (1 core, `SupplyRules.supportWeight` support), unknown ids weigh 1. Empty when the
    /// posting is unknown or asks for no competency.
    public func matches(posting id: Int64, weights: [String: Double] = [:], limit: Int = 20) async throws -> [TrainingMatch] {
        try await reader.read { db in
            let asked = try String.fetchAll(db, sql: "SELECT competency_id FROM posting_competencies WHERE posting_id = ?",
                                            arguments: [id])
            guard !asked.isEmpty else { return [] }
            let region = try String.fetchOne(db, sql: "SELECT region FROM postings WHERE id = ?", arguments: [id])
            let reference = try Self.referenceDay(db)
            var shared: [Int64: [String]] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT tc.offer_id, tc.competency_id FROM posting_competencies pc
                JOIN training_competencies tc ON tc.competency_id = pc.competency_id AND tc.taught = 1
                WHERE pc.posting_id = ?
                """, arguments: [id]) {
                shared[r[0], default: []].append(r[1])
            }
            guard !shared.isEmpty else { return [] }
            func weight(_ c: String) -> Double { weights[c] ?? 1 }
            let total = asked.reduce(0) { $0 + weight($1) }
            let info = try Row.fetchAll(db, sql: """
                SELECT o.id, o.title, o.organisation,
                       (SELECT COUNT(*) FROM training_actions a WHERE a.offer_id = o.id AND a.region = ?),
                       (SELECT COUNT(*) FROM training_sessions s WHERE s.offer_id = o.id AND s.start_day >= ?),
                       (SELECT MIN(s.start_day) FROM training_sessions s WHERE s.offer_id = o.id AND s.start_day >= ?)
                FROM training_offers o
                WHERE o.id IN (SELECT tc.offer_id FROM posting_competencies pc
                               JOIN training_competencies tc ON tc.competency_id = pc.competency_id AND tc.taught = 1
                               WHERE pc.posting_id = ?)
                """, arguments: [region, reference, reference, id])
            let matches = info.map { r -> TrainingMatch in
                let offer: Int64 = r[0]
                let common = (shared[offer] ?? []).sorted()
                let inRegion: Int = r[3]
                return TrainingMatch(offerID: offer, title: r[1], organisation: r[2],
                                     score: total > 0 ? common.reduce(0) { $0 + weight($1) } / total : 0,
                                     shared: common, sameRegion: region != nil && inRegion > 0, upcomingSessions: r[4],
                                     nextSession: r[5])
            }
            return Array(matches.sorted(by: Self.matchOrder).prefix(limit))
        }
    }

    /// The documented ranking: score, then same region, then upcoming sessions, then offer number.
    static func matchOrder(_ a: TrainingMatch, _ b: TrainingMatch) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.sameRegion != b.sameRegion { return a.sameRegion }
        if a.upcomingSessions != b.upcomingSessions { return a.upcomingSessions > b.upcomingSessions }
        return a.offerID < b.offerID
    }

    /// Offers teaching a competency, with the regions of their actions and upcoming sessions,
    /// the most upcoming sessions first. Prerequisite-only mentions are not teaching.
    public func offers(teaching competency: String, region: String? = nil, limit: Int = 100) async throws -> TrainingList {
        try await trainingOffers(TrainingFilter(region: region, competency: competency), limit: limit)
    }

    /// Per region: offers teaching `competency` (one of whose actions is there) and their
    /// upcoming sessions there, most offers first.
    public func teachingRegions(_ competency: String) async throws -> [(region: String, offers: Int, sessions: Int)] {
        try await reader.read { db in
            let reference = try Self.referenceDay(db)
            return try Row.fetchAll(db, sql: """
                SELECT a.region, COUNT(DISTINCT a.offer_id) AS n,
                       COUNT(DISTINCT CASE WHEN s.start_day >= ? THEN s.id END)
                FROM training_competencies tc JOIN training_actions a ON a.offer_id = tc.offer_id
                LEFT JOIN training_sessions s ON s.action_id = a.id
                WHERE tc.competency_id = ? AND tc.taught = 1 AND a.region IS NOT NULL
                GROUP BY a.region ORDER BY n DESC, a.region
                """, arguments: [reference, competency]).map { ($0[0], $0[1], $0[2]) }
        }
    }
}
