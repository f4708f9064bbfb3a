import Foundation
import GRDB
import Records

extension TrendStore {
    /// Training offers under `filter`, the most upcoming sessions first, then by title.
    public func trainingOffers(_ filter: TrainingFilter, limit: Int = 25, offset: Int = 0) async throws -> TrainingList {
        try await reader.read { db in
            let reference = try Self.referenceDay(db)
            var conditions: [String] = []
            var args: [any DatabaseValueConvertible] = []
            if let r = filter.region {
                conditions.append("EXISTS (SELECT 1 FROM training_actions a WHERE a.offer_id = o.id AND a.region = ?)")
                args.append(r)
            }
            if let d = filter.domain {
                conditions.append("EXISTS (SELECT 1 FROM training_competencies tc WHERE tc.offer_id = o.id AND tc.taught = 1 AND tc.domain = ?)")
                args.append(d)
            }
            if let c = filter.competency {
                conditions.append("EXISTS (SELECT 1 FROM training_competencies tc WHERE tc.offer_id = o.id AND tc.taught = 1 AND tc.competency_id = ?)")
                args.append(c)
            }
            for word in (filter.text ?? "").split(whereSeparator: { !$0.isLetter && !$0.isNumber }).prefix(8) {
                let escaped = word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                    .replacingOccurrences(of: "_", with: "\\_")
                conditions.append("(o.title LIKE ? ESCAPE '\\' OR o.organisation LIKE ? ESCAPE '\\')")
                args += ["%\(escaped)%", "%\(escaped)%"]
            }
            let whereSQL = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM training_offers o \(whereSQL)",
                                         arguments: StatementArguments(args)) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT o.id, o.title, o.organisation,
                       (SELECT COUNT(*) FROM training_sessions s WHERE s.offer_id = o.id AND s.start_day >= ?) AS upcoming,
                       (SELECT MIN(s.start_day) FROM training_sessions s WHERE s.offer_id = o.id AND s.start_day >= ?),
                       (SELECT COUNT(*) FROM training_competencies tc WHERE tc.offer_id = o.id AND tc.taught = 1)
                FROM training_offers o \(whereSQL)
                ORDER BY upcoming DESC, o.title, o.id LIMIT ? OFFSET ?
                """, arguments: StatementArguments([reference, reference] + args + [limit, offset]))
            let offers = try rows.map { r -> TrainingSummary in
                let id: Int64 = r[0]
                let regions = try String.fetchAll(db, sql: """
                    SELECT DISTINCT region FROM training_actions WHERE offer_id = ? AND region IS NOT NULL ORDER BY region
                    """, arguments: [id])
                let domains = try String.fetchAll(db, sql: "SELECT domain FROM training_domains WHERE offer_id = ? ORDER BY domain",
                                                  arguments: [id])
                return TrainingSummary(offerID: id, title: r[1], organisation: r[2], regions: regions, domains: domains,
                                       taught: r[5], upcomingSessions: r[3], nextSession: r[4])
            }
            return TrainingList(total: total, offers: offers)
        }
    }

    /// One training offer with sessions, competencies and evidence in context; nil when unknown.
    public func training(id: Int64) async throws -> TrainingDetail? {
        try await reader.read { db in
            guard let o = try Row.fetchOne(db, sql: """
                SELECT o.id, o.source, o.source_id, o.title, o.objectives, o.expected_results, o.content, o.prerequisites,
                       o.organisation, o.duration_hours, o.price_euros, o.url, o.formacodes, o.rome_codes, o.certifications,
                       c.taxonomy_version, c.domains
                FROM training_offers o LEFT JOIN training_classifications c ON c.offer_id = o.id WHERE o.id = ?
                """, arguments: [id]) else { return nil }
            func list(_ json: String?) -> [String] {
                json.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
            }
            // The text evidence offsets point into, rebuilt exactly as the classifier read it.
            let text = TrainingText(TrainingOffer(id: o["source_id"], title: o["title"], objectives: o["objectives"],
                                                  expectedResults: o["expected_results"], content: o["content"],
                                                  prerequisites: o["prerequisites"])).text
            let sessions = try Row.fetchAll(db, sql: """
                SELECT s.region, s.department, a.city, s.start_day, s.end_day FROM training_sessions s
                JOIN training_actions a ON a.id = s.action_id WHERE s.offer_id = ? ORDER BY s.start_day, s.id
                """, arguments: [id]).map { TrainingDetail.Session(region: $0[0], department: $0[1], city: $0[2], start: $0[3], end: $0[4]) }
            let competencies = try Row.fetchAll(db, sql: """
                SELECT competency_id, domain, taught, evidence_count FROM training_competencies
                WHERE offer_id = ? ORDER BY taught DESC, evidence_count DESC, competency_id
                """, arguments: [id]).map { TrainingDetail.CompetencyItem(competency: $0[0], domain: $0[1], taught: $0[2], evidenceCount: $0[3]) }
            let evidence = try Row.fetchAll(db, sql: """
                SELECT competency_id, section, negated, text, start_offset, end_offset FROM training_evidence
                WHERE offer_id = ? ORDER BY start_offset, competency_id
                """, arguments: [id]).map {
                TrainingDetail.EvidenceItem(competency: $0[0], section: $0[1], negated: $0[2], text: $0[3],
                                            snippet: Snippet(markup: text, start: $0[4], end: $0[5]))
            }
            return TrainingDetail(id: o["id"], source: o["source"], sourceID: o["source_id"], title: o["title"],
                                  organisation: o["organisation"], durationHours: o["duration_hours"], priceEuros: o["price_euros"], url: o["url"],
                                  formacodes: list(o["formacodes"]), romeCodes: list(o["rome_codes"]),
                                  certifications: list(o["certifications"]), prerequisites: o["prerequisites"],
                                  taxonomyVersion: o["taxonomy_version"], domains: list(o["domains"]), sessions: sessions,
                                  competencies: competencies, evidence: evidence)
        }
    }

    /// Demand for the competencies a training offer teaches over the filter's window (count,
    /// growth against the window before, top regions), and the competencies asked together with
    /// them (in at least `TrendRules.minimumSupport` postings) that the offer does not teach.
    public func demand(forTraining id: Int64, filter: TrendFilter = TrendFilter(), limit: Int = 15) async throws -> TrainingDemand {
        try await reader.read { db in
            guard let window = SupplyWindow.of(filter, data: try Self.dataRange(db)) else {
                return TrainingDemand(window: nil, postings: 0, taught: [], missing: [])
            }
            let taughtSQL = "SELECT competency_id FROM training_competencies WHERE offer_id = ? AND taught = 1"
            let taught = try Row.fetchAll(db, sql: "SELECT competency_id, domain FROM training_competencies WHERE offer_id = ? AND taught = 1",
                                          arguments: [id])
            guard !taught.isEmpty else { return TrainingDemand(window: window, postings: 0, taught: [], missing: []) }
            let (w, args) = LiveFilter.clause(filter, from: window.from, to: window.to)
            let length = window.to.index - window.from.index + 1
            let (wb, argsb) = LiveFilter.clause(filter, from: window.from.adding(-length), to: window.from.adding(-1))
            var now: [String: Int] = [:], before: [String: Int] = [:], regions: [String: [Breakdown.Row]] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT f.competency_id, f.region, COUNT(*) FROM trend_competency_facts f
                WHERE f.competency_id IN (\(taughtSQL)) AND \(w) GROUP BY f.competency_id, f.region
                """, arguments: StatementArguments([id] + args)) {
                let c: String = r[0], n: Int = r[2]
                now[c, default: 0] += n
                if let region: String = r[1] { regions[c, default: []].append(Breakdown.Row(value: region, count: n, share: 0)) }
            }
            for r in try Row.fetchAll(db, sql: """
                SELECT f.competency_id, COUNT(*) FROM trend_competency_facts f
                WHERE f.competency_id IN (\(taughtSQL)) AND \(wb) GROUP BY f.competency_id
                """, arguments: StatementArguments([id] + argsb)) {
                before[r[0]] = r[1]
            }
            let hasBase = try Self.dataRange(db).map { $0.lowerBound <= window.from.adding(-1) } ?? false
            let demand = taught.map { r -> TaughtDemand in
                let c: String = r[0]
                let n = now[c] ?? 0, b = before[c] ?? 0
                let top = (regions[c] ?? []).sorted { ($0.count, $1.value) > ($1.count, $0.value) }.prefix(3).map {
                    Breakdown.Row(value: $0.value, count: $0.count, share: n > 0 ? Double($0.count) / Double(n) : 0)
                }
                return TaughtDemand(competency: c, domain: r[1], postings: n, previous: b,
                                    growth: Measure.growth(n, base: hasBase ? b : nil), topRegions: Array(top))
            }.sorted { ($0.postings, $1.competency) > ($1.postings, $0.competency) }
            // The trend table is clustered by competency; the outer queries keep `trend_facts`
            // postings only, which are the ones it holds.
            let anyTaught = "SELECT DISTINCT x.posting_id FROM trend_competency_facts x WHERE x.competency_id IN (\(taughtSQL))"
            let postings = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM trend_facts f WHERE f.posting_id IN (\(anyTaught)) AND \(w)
                """, arguments: StatementArguments([id] + args)) ?? 0
            let prerequisites = Set(try String.fetchAll(db, sql: """
                SELECT competency_id FROM training_competencies WHERE offer_id = ? AND taught = 0
                """, arguments: [id]))
            let missing = try Row.fetchAll(db, sql: """
                SELECT pc2.competency_id, pc2.domain, COUNT(*) AS n FROM posting_competencies pc2
                JOIN trend_facts f ON f.posting_id = pc2.posting_id
                WHERE pc2.posting_id IN (\(anyTaught)) AND \(w) AND pc2.competency_id NOT IN (\(taughtSQL))
                GROUP BY pc2.competency_id, pc2.domain HAVING COUNT(*) >= ? ORDER BY n DESC, pc2.competency_id LIMIT ?
                """, arguments: StatementArguments([id] + args + [id, TrendRules.minimumSupport, limit])).map { r -> MissingCompetency in
                let n: Int = r[2]
                return MissingCompetency(competency: r[0], domain: r[1], together: n,
                                         share: postings > 0 ? Double(n) / Double(postings) : 0,
                                         prerequisite: prerequisites.contains(r[0]))
            }
            return TrainingDemand(window: window, postings: postings, taught: demand, missing: missing)
        }
    }
}
