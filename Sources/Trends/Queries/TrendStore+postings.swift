import Foundation
import GRDB

extension TrendStore {
    /// The text evidence offsets point into: `title + "\n" + description` (+ the source's own
    /// skill list, one per line, when it has one), as the classifier read it.
    static func classifiedText(title: String, description: String, sourceSkills: String?) -> String {
        let skills = sourceSkills.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
        return skills.isEmpty ? title + "\n" + description : title + "\n" + description + "\n" + skills.joined(separator: "\n")
    }

    /// Recent postings asking for a competency under the filter (latest month first, then the
    /// latest stored), each with its first non-negated evidence sentence.
    public func samples(competency id: String, filter: TrendFilter, limit: Int = 8) async throws -> [EvidenceSample] {
        try await reader.read { db in
            let periods = try Self.window(filter, db)
            guard let from = periods.first?.first, let to = periods.last?.last else { return [] }
            let (w, args) = LiveFilter.clause(filter, from: from, to: to)
            let ids = try Int64.fetchAll(db, sql: """
                SELECT f.posting_id FROM trend_competency_facts f
                WHERE f.competency_id = ? AND \(w) ORDER BY f.month DESC, f.posting_id DESC LIMIT ?
                """, arguments: StatementArguments([id] + args + [limit]))
            var out: [EvidenceSample] = []
            for pid in ids {
                guard let p = try Row.fetchOne(db, sql: "SELECT title, description, source_skills, company, published FROM postings WHERE id = ?",
                                               arguments: [pid]),
                      let e = try Row.fetchOne(db, sql: """
                        SELECT start_offset, end_offset, section FROM evidence
                        WHERE posting_id = ? AND competency_id = ? ORDER BY negated, start_offset LIMIT 1
                        """, arguments: [pid, id]) else { continue }
                let text = Self.classifiedText(title: p[0], description: p[1], sourceSkills: p[2])
                out.append(EvidenceSample(postingID: pid, title: p[0], company: p[3], published: p[4], section: e[2],
                                          snippet: Snippet(text: text, start: e[0], end: e[1])))
            }
            return out
        }
    }

    /// A posting with its classification and every evidence span in context; nil when unknown.
    public func posting(id: Int64) async throws -> PostingDetail? {
        try await reader.read { db in
            guard let p = try Row.fetchOne(db, sql: """
                SELECT p.id, p.source, p.source_id, p.title, p.description, p.published, p.location, p.department, p.region,
                       p.contract, p.rome_code, p.naf, p.naf_section, p.company, p.url, p.source_skills,
                       c.taxonomy_version, c.classified_at, c.domains, c.title_normalized, c.title_rome,
                       d.cluster_id, d.kind
                FROM postings p LEFT JOIN classifications c ON c.posting_id = p.id
                LEFT JOIN duplicates d ON d.posting_id = p.id WHERE p.id = ?
                """, arguments: [id]) else { return nil }
            let text = Self.classifiedText(title: p["title"], description: p["description"], sourceSkills: p["source_skills"])
            let domainsJSON: String? = p["domains"]
            let domains = domainsJSON.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
            let evidence = try Row.fetchAll(db, sql: """
                SELECT e.competency_id, COALESCE(pc.domain, ''), e.start_offset, e.end_offset, e.text, e.section, e.negated,
                       e.wording
                FROM evidence e LEFT JOIN posting_competencies pc ON pc.posting_id = e.posting_id AND pc.competency_id = e.competency_id
                WHERE e.posting_id = ? ORDER BY e.start_offset, e.competency_id
                """, arguments: [id]).map { r in
                PostingDetail.EvidenceItem(competency: r[0], domain: r[1], start: r[2], end: r[3], text: r[4], section: r[5],
                                           negated: r[6], wording: r[7], snippet: Snippet(text: text, start: r[2], end: r[3]))
            }
            return PostingDetail(id: p["id"], source: p["source"], sourceID: p["source_id"], title: p["title"],
                                 description: p["description"], published: p["published"], location: p["location"],
                                 department: p["department"], region: p["region"], contract: p["contract"],
                                 romeCode: p["rome_code"], naf: p["naf"], nafSection: p["naf_section"], company: p["company"],
                                 url: p["url"], taxonomyVersion: p["taxonomy_version"], classifiedAt: p["classified_at"],
                                 domains: domains, titleNormalized: p["title_normalized"], titleRome: p["title_rome"],
                                 duplicateOf: p["cluster_id"], duplicateKind: p["kind"], evidence: evidence)
        }
    }

    /// Unique postings matching `query` under the filter, best first (FTS5 rank), or most recent
    /// first with the `LIKE` fallback. Words are ANDed; each is a prefix (`pyth` finds `Python`).
    public func search(_ query: String, filter: TrendFilter, limit: Int = 20, offset: Int = 0) async throws -> SearchResults {
        let words = query.split { !$0.isLetter && !$0.isNumber }.map(String.init).prefix(12)
        return try await reader.read { db in
            let periods = try Self.window(filter, db)
            guard let from = periods.first?.first, let to = periods.last?.last else { return SearchResults(total: 0, hits: [], fullText: false) }
            let (w, args) = LiveFilter.clause(filter, from: from, to: to)
            let fts = try db.tableExists("posting_search")
            var match = ""
            var matchArgs: [any DatabaseValueConvertible] = []
            var join = ""
            var order = "f.month DESC, f.posting_id DESC"
            if words.isEmpty {
                // No words: the filtered postings, most recent first.
            } else if fts {
                join = "JOIN posting_search s ON s.rowid = f.posting_id"
                match = " AND posting_search MATCH ?"
                matchArgs = [words.map { "\"\($0.replacingOccurrences(of: "\"", with: ""))\"*" }.joined(separator: " ")]
                order = "s.rank, f.posting_id DESC"
            } else {
                for word in words {
                    let escaped = word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                        .replacingOccurrences(of: "_", with: "\\_")
                    match += " AND (p.title LIKE ? ESCAPE '\\' OR p.description LIKE ? ESCAPE '\\')"
                    matchArgs += ["%\(escaped)%", "%\(escaped)%"]
                }
            }
            // The count and the ranking read only the narrow trend_facts (and the FTS index): the
            // page's rows are read from postings for the ids kept, not for every match (at
            // 1,000,000 postings a common word matches 100,000 wide rows, one random read each).
            let likeJoin = fts || words.isEmpty ? "" : "JOIN postings p ON p.id = f.posting_id"
            let base = "FROM trend_facts f \(join) \(likeJoin) WHERE \(w)\(match)"
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(base)", arguments: StatementArguments(args + matchArgs)) ?? 0
            let ids = try Int64.fetchAll(db, sql: "SELECT f.posting_id \(base) ORDER BY \(order) LIMIT ? OFFSET ?",
                                         arguments: StatementArguments(args + matchArgs + [limit, offset]))
            let hits = try ids.compactMap { id in
                try Row.fetchOne(db, sql: "SELECT id, title, company, published, location, contract FROM postings WHERE id = ?",
                                 arguments: [id]).map {
                    SearchHit(postingID: $0[0], title: $0[1], company: $0[2], published: $0[3], location: $0[4], contract: $0[5])
                }
            }
            return SearchResults(total: total, hits: hits, fullText: fts && !words.isEmpty)
        }
    }
}
