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
    public func profiles(_ titles: [String]) throws -> [String: Profile] {
        guard !titles.isEmpty else { return [:] }
        var out = Dictionary(uniqueKeysWithValues: Set(titles).map { ($0, Profile()) })
        let marks = Array(repeating: "?", count: out.count).joined(separator: ",")
        let args = StatementArguments(Array(out.keys))
        try reader.read { db in
            let base = "FROM postings p JOIN classifications c ON c.posting_id = p.id \(unique) AND c.title_normalized IN (\(marks))"
            for r in try Row.fetchAll(db, sql: "SELECT c.title_normalized, SUBSTR(p.published, 1, 7), COUNT(*) \(base) GROUP BY 1, 2",
                                      arguments: args) {
                out[r[0] as String]?.months[r[1]] = r[2]
            }
            for r in try Row.fetchAll(db, sql: """
                SELECT c.title_normalized, p.region, COUNT(*) AS n \(base) AND p.region IS NOT NULL
                GROUP BY 1, 2 ORDER BY n DESC, 2
                """, arguments: args) {
                out[r[0] as String]?.regions.append((r[1], r[2]))
            }
            for r in try Row.fetchAll(db, sql: """
                SELECT c.title_normalized, pc.competency_id, pc.domain, COUNT(*) AS n, SUM(pc.evidence_count)
                \(base.replacingOccurrences(of: "JOIN classifications c", with: "JOIN posting_competencies pc ON pc.posting_id = p.id JOIN classifications c"))
                GROUP BY 1, 2 ORDER BY n DESC, 2
                """, arguments: args) {
                out[r[0] as String]?.competencies.append((r[1], r[2], r[3], r[4]))
            }
        }
        return out
    }

    /// The latest postings carrying `title`, at most `limit`.
    public func samples(_ title: String, limit: Int = 10) throws -> [Sample] {
        try reader.read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.id, p.title, p.company, p.published, p.location FROM postings p
                JOIN classifications c ON c.posting_id = p.id \(unique) AND c.title_normalized = ?
                ORDER BY p.published DESC, p.id DESC LIMIT ?
                """, arguments: [title, limit]).map {
                Sample(id: $0[0], title: $0[1], company: $0[2], published: $0[3], location: $0[4])
            }
        }
    }
}
