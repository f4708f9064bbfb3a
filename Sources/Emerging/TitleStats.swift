import GRDB

/// Counts behind the job-title pages: for normalized titles, their unique postings by month,
/// region and competency, and a few sample postings. Duplicates are left out as in
/// `EmergingAnalysis`; every query is restricted to an `EmergingScope`.
public struct TitleStats: Sendable {
    /// One title's figures.
    public struct Profile: Sendable {
        /// Postings by month (`AAAA-MM`).
        public var months: [String: Int] = [:]
        /// Postings by INSEE region code, most first.
        public var regions: [(code: String, count: Int)] = []
        /// Postings by competency (id, domain, postings, evidence), most first.
        public var competencies: [(id: String, domain: String, count: Int, evidence: Int)] = []
        public var total: Int { months.values.reduce(0, +) }
        public init() {}
    }

    /// A posting carrying the title.
    public struct Sample: Sendable, Hashable {
        public var id: Int64
        public var title: String
        public var company: String?
        public var published: String?
        public var location: String?
    }

    public let reader: any DatabaseReader
    public var scope: EmergingScope

    public init(reader: any DatabaseReader, scope: EmergingScope = EmergingScope()) {
        self.reader = reader; self.scope = scope
    }

    var unique: String { EmergingAnalysis.unique + scope.sql }

    /// Whether any unique posting (in any scope) has this normalized title.
    public func exists(_ title: String) throws -> Bool {
        try reader.read { db in
            try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM classifications c JOIN postings p ON p.id = c.posting_id
                \(EmergingAnalysis.unique) AND c.title_normalized = ?)
                """, arguments: [title]) ?? false
        }
    }

    /// Profiles of `titles` (titles without postings in the scope get an empty profile).
    ///
    /// The postings of the titles are found on the title index, then read once each in row order
    /// (month and region in one pass, their competencies in a second): at 1,000,000 postings a
    /// popular title has tens of thousands of postings, and each query joining `postings` read
    /// them again, in title order.
    public func profiles(_ titles: [String]) throws -> [String: Profile] {
        guard !titles.isEmpty else { return [:] }
        var out = Dictionary(uniqueKeysWithValues: Set(titles).map { ($0, Profile()) })
        let marks = Array(repeating: "?", count: out.count).joined(separator: ",")
        try reader.read { db in
            var titleOf: [Int64: String] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT posting_id, title_normalized FROM classifications WHERE title_normalized IN (\(marks))",
                                      arguments: StatementArguments(Array(out.keys))) {
                titleOf[r[0]] = r[1]
            }
            var kept: [Int64] = []
            var regions: [String: [String: Int]] = [:]
            var competencies: [String: [String: (domain: String, count: Int, evidence: Int)]] = [:]
            // The server's trend tables hold month and region of every unique dated posting in
            // a narrow table (`trend_facts`, 40 MB at 1,000,000 postings); without them (a
            // database `serve` never opened) the wide posting rows are read.
            let facts = try db.tableExists("trend_facts")
            try forEachRow(db, ids: Array(titleOf.keys), { inList in
                facts ? "SELECT f.posting_id, f.month, f.region FROM trend_facts f WHERE f.posting_id IN (\(inList))\(scope.factsSQL)"
                    : "SELECT p.id, SUBSTR(p.published, 1, 7), p.region FROM postings p \(unique) AND p.id IN (\(inList))"
            }) { r in
                let id: Int64 = r[0]
                guard let title = titleOf[id] else { return }
                kept.append(id)
                out[title]?.months[r[1], default: 0] += 1
                if let region: String = r[2] { regions[title, default: [:]][region, default: 0] += 1 }
            }
            try forEachRow(db, ids: kept, {
                "SELECT posting_id, competency_id, domain, evidence_count FROM posting_competencies WHERE posting_id IN (\($0))"
            }) { r in
                guard let title = titleOf[r[0] as Int64] else { return }
                var c = competencies[title, default: [:]][r[1] as String] ?? (r[2], 0, 0)
                c.count += 1
                c.evidence += r[3] as Int
                competencies[title, default: [:]][r[1] as String] = c
            }
            for title in out.keys {
                out[title]?.regions = (regions[title] ?? [:]).map { (code: $0.key, count: $0.value) }
                    .sorted { ($0.count, $1.code) > ($1.count, $0.code) }
                out[title]?.competencies = (competencies[title] ?? [:]).map { (id: $0.key, domain: $0.value.domain, count: $0.value.count,
                                                                                evidence: $0.value.evidence) }
                    .sorted { ($0.count, $1.id) > ($1.count, $0.id) }
            }
        }
        return out
    }

    /// The latest postings carrying `title`, at most `limit`. The latest are chosen on the
    /// postings' facts index (`+p.id`: not by looking every posting of the title up), then read.
    public func samples(_ title: String, limit: Int = 10) throws -> [Sample] {
        try reader.read { db in
            let ids = try Int64.fetchAll(db, sql: """
                SELECT p.id FROM postings p \(unique)
                AND +p.id IN (SELECT posting_id FROM classifications WHERE title_normalized = ?)
                ORDER BY p.published DESC, p.id DESC LIMIT ?
                """, arguments: [title, limit])
            return try ids.compactMap { id in
                try Row.fetchOne(db, sql: "SELECT p.id, p.title, p.company, p.published, p.location FROM postings p WHERE p.id = ?",
                                 arguments: [id]).map {
                    Sample(id: $0[0], title: $0[1], company: $0[2], published: $0[3], location: $0[4])
                }
            }
        }
    }
}
