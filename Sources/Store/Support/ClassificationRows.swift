import GRDB
import Records

/// Writes one posting's classification rows (classification, domains, competencies, evidence):
/// the same rows whether a posting is ingested or reclassified.
enum ClassificationRows {
    static func insert(_ db: Database, id: Int64, _ c: Classification, published: Day?, stamp: String) throws {
        let day = published?.description
        let insertClassification = try db.cachedStatement(sql: """
            INSERT INTO classifications (posting_id, taxonomy_version, domains, domain_scores, title_normalized,
                title_rome, classified_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let insertDomain = try db.cachedStatement(sql: "INSERT INTO posting_domains (posting_id, domain, score, published) VALUES (?, ?, ?, ?)")
        try insertClassification.run { b in
            b.bind(id); b.bind(c.taxonomyVersion); b.bind(JSONText.array(c.domains)); b.bind(JSONText.object(c.domainScores))
            b.bind(c.title.normalized); b.bind(c.title.rome); b.bind(stamp)
        }
        for domain in Set(c.domains).sorted() {
            try insertDomain.run { b in b.bind(id); b.bind(domain); b.bind(c.domainScores[domain] ?? 0); b.bind(day) }
        }
        // A competency listed twice is merged rather than failing the batch.
        var seen: [String: Int] = [:]
        for m in c.competencies { seen[m.id, default: 0] += m.evidence.count }
        var written = Set<String>()
        var competencies: [CompetencyMatch] = []
        var evidence: [(CompetencyMatch, Evidence)] = []
        for m in c.competencies {
            if written.insert(m.id).inserted { competencies.append(m) }
            for e in m.evidence { evidence.append((m, e)) }
        }
        try insertRows(db, competencies, sql: competencySQL) { b, m in
            b.bind(id); b.bind(m.id); b.bind(m.domain); b.bind(seen[m.id] ?? 0); b.bind(day)
        }
        try insertRows(db, evidence, sql: evidenceSQL) { b, row in
            let (m, e) = row
            b.bind(id); b.bind(m.id); b.bind(e.start); b.bind(e.end); b.bind(e.text); b.bind(e.section.rawValue)
            b.bind(e.negated); b.bind(e.wording)
        }
    }

    static let competencySQL = MultiRowInsert(
        "INSERT INTO posting_competencies (posting_id, competency_id, domain, evidence_count, published) VALUES ", columns: 5)
    static let evidenceSQL = MultiRowInsert(
        "INSERT INTO evidence (posting_id, competency_id, start_offset, end_offset, text, section, negated, wording) VALUES ", columns: 8)

    /// The statements of one multi-row insert for 32, 8 and 1 rows, written once.
    struct MultiRowInsert: Sendable {
        let sizes = [32, 8, 1]
        let sql: [String]
        init(_ prefix: String, columns: Int) {
            let placeholders = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
            sql = sizes.map { prefix + Array(repeating: placeholders, count: $0).joined(separator: ", ") }
        }
    }

    /// Inserts `rows` with multi-row statements of 32, 8 and 1 rows: one statement per posting
    /// instead of one per row, and few distinct statements in the cache.
    static func insertRows<Row>(_ db: Database, _ rows: [Row], sql: MultiRowInsert,
                                bind: (inout Bindings, Row) -> Void) throws {
        var row = 0
        for (k, size) in sql.sizes.enumerated() {
            guard rows.count - row >= size else { continue }
            let statement = try db.cachedStatement(sql: sql.sql[k])
            while rows.count - row >= size {
                try statement.run { b in for r in row..<(row + size) { bind(&b, rows[r]) } }
                row += size
            }
        }
    }
}
