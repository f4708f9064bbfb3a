import GRDB
import Records

/// Writes one posting's classification rows (classification, domains, competencies, evidence):
/// the same rows whether a posting is ingested or reclassified. Its statements are prepared once
/// per transaction.
struct ClassificationRows {
    /// What the rows need besides the classification itself, computed before the transaction
    /// (the ingest computes it on its classification threads).
    struct Values: Sendable, Hashable {
        var domains: String
        var domainScores: String
        /// The posting's publication day, copied into the domain and competency rows.
        var published: String?

        init(_ c: Classification, published: Day?) {
            domains = JSONText.array(c.domains)
            domainScores = JSONText.object(c.domainScores)
            self.published = published?.description
        }
    }

    let insertClassification: Statement
    let insertDomain: Statement
    let competencies: [Statement]
    let evidence: [Statement]

    init(_ db: Database) throws {
        insertClassification = try db.cachedStatement(sql: """
            INSERT INTO classifications (posting_id, taxonomy_version, domains, domain_scores, title_normalized,
                title_rome, classified_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        insertDomain = try db.cachedStatement(sql: "INSERT INTO posting_domains (posting_id, domain, score, published) VALUES (?, ?, ?, ?)")
        competencies = try Self.competencySQL.sql.map { try db.cachedStatement(sql: $0) }
        evidence = try Self.evidenceSQL.sql.map { try db.cachedStatement(sql: $0) }
    }

    func insert(id: Int64, _ c: Classification, _ values: Values, stamp: String) throws {
        let day = values.published
        try insertClassification.run { b in
            b.bind(id); b.bind(c.taxonomyVersion); b.bind(values.domains); b.bind(values.domainScores)
            b.bind(c.title.normalized); b.bind(c.title.rome); b.bind(stamp)
        }
        for domain in Set(c.domains).sorted() {
            try insertDomain.run { b in b.bind(id); b.bind(domain); b.bind(c.domainScores[domain] ?? 0); b.bind(day) }
        }
        // A competency listed twice is merged rather than failing the batch.
        var merged: [(match: CompetencyMatch, evidence: Int)] = []
        var evidenceRows: [(match: CompetencyMatch, evidence: Evidence, ordinal: Int)] = []
        for m in c.competencies {
            if let k = merged.firstIndex(where: { $0.match.id == m.id }) { merged[k].evidence += m.evidence.count }
            else { merged.append((m, m.evidence.count)) }
            for e in m.evidence { evidenceRows.append((m, e, evidenceRows.count)) }
        }
        try Self.insertRows(merged, competencies, sizes: Self.competencySQL.sizes) { b, row in
            b.bind(id); b.bind(row.match.id); b.bind(row.match.domain); b.bind(row.evidence); b.bind(day)
        }
        try Self.insertRows(evidenceRows, evidence, sizes: Self.evidenceSQL.sizes) { b, row in
            let (m, e, ordinal) = row
            b.bind(id); b.bind(ordinal); b.bind(m.id); b.bind(e.start); b.bind(e.end); b.bind(e.text); b.bind(e.section.rawValue)
            b.bind(e.negated); b.bind(e.wording)
        }
    }

    static let competencySQL = MultiRowInsert(
        "INSERT INTO posting_competencies (posting_id, competency_id, domain, evidence_count, published) VALUES ", columns: 5)
    static let evidenceSQL = MultiRowInsert(
        "INSERT INTO evidence (posting_id, ordinal, competency_id, start_offset, end_offset, text, section, negated, wording) VALUES ",
        columns: 9)

    /// The statements of one multi-row insert for 32, 8 and 1 rows, written once: one statement
    /// per posting instead of one per row, and few distinct statements in the cache.
    struct MultiRowInsert: Sendable {
        let sizes = [32, 8, 1]
        let sql: [String]
        init(_ prefix: String, columns: Int) {
            let placeholders = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
            sql = sizes.map { prefix + Array(repeating: placeholders, count: $0).joined(separator: ", ") }
        }
    }

    /// Inserts `rows` with the largest statements first (`statements[k]` takes `sizes[k]` rows).
    static func insertRows<Row>(_ rows: [Row], _ statements: [Statement], sizes: [Int],
                                bind: (inout Bindings, Row) -> Void) throws {
        var row = 0
        for (statement, size) in zip(statements, sizes) {
            while rows.count - row >= size {
                try statement.run { b in for r in row..<(row + size) { bind(&b, rows[r]) } }
                row += size
            }
        }
    }
}
