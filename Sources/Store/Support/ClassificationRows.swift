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
        try insertClassification.execute(arguments: [id, c.taxonomyVersion, JSONText.array(c.domains),
                                                     JSONText.object(c.domainScores), c.title.normalized,
                                                     c.title.rome, stamp])
        for domain in Set(c.domains).sorted() {
            try insertDomain.execute(arguments: [id, domain, c.domainScores[domain] ?? 0, day])
        }
        // A competency listed twice is merged rather than failing the batch.
        var seen: [String: Int] = [:]
        for m in c.competencies { seen[m.id, default: 0] += m.evidence.count }
        var written = Set<String>()
        var competencyRows: [DatabaseValue] = []
        var evidenceRows: [DatabaseValue] = []
        let postingID = id.databaseValue
        for m in c.competencies {
            let competency = m.id.databaseValue
            if written.insert(m.id).inserted {
                competencyRows += [postingID, competency, m.domain.databaseValue, (seen[m.id] ?? 0).databaseValue,
                                   day.databaseValue]
            }
            for e in m.evidence {
                evidenceRows += [postingID, competency, e.start.databaseValue, e.end.databaseValue, e.text.databaseValue,
                                 e.section.rawValue.databaseValue, e.negated.databaseValue, e.wording.databaseValue]
            }
        }
        try insertRows(db, competencyRows, columns: 5, sql: "INSERT INTO posting_competencies (posting_id, competency_id, domain, evidence_count, published) VALUES ")
        try insertRows(db, evidenceRows, columns: 8, sql: "INSERT INTO evidence (posting_id, competency_id, start_offset, end_offset, text, section, negated, wording) VALUES ")
    }

    /// Inserts `values` (`columns` per row) with multi-row statements of 32, 8 and 1 rows: one
    /// statement per posting instead of one per row, and few distinct statements in the cache.
    static func insertRows(_ db: Database, _ values: [DatabaseValue], columns: Int, sql: String) throws {
        var row = 0
        let rows = values.count / columns
        for size in [32, 8, 1] {
            guard rows - row >= size else { continue }
            let placeholders = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
            let statement = try db.cachedStatement(sql: sql + Array(repeating: placeholders, count: size).joined(separator: ", "))
            while rows - row >= size {
                statement.setUncheckedArguments(StatementArguments(values[(row * columns)..<((row + size) * columns)]))
                try statement.execute()
                row += size
            }
        }
    }
}
