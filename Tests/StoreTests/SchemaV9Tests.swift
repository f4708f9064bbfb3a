import Foundation
import GRDB
import Records
@testable import Store
import Testing

/// Migration v9 (classification rows clustered by posting) and the SQLite set-up of the store.
struct SchemaV9Tests {
    @Test func sqliteRunsWithoutPerCallMutexes() throws {
        _ = try Store(path: StoreFixtures.tempPath())
        // False if anything initialized SQLite before the store could configure it.
        #expect(Store.sqliteIsMultiThread)
    }

    /// A database written by v8 keeps every classification row through v9; evidence gets its rank
    /// within the posting in the order of its old ids, and the tables lose their rowid.
    @Test func v9KeepsRowsAndRanksEvidenceInInsertionOrder() throws {
        let queue = try DatabaseQueue(path: StoreFixtures.tempPath(), configuration: Store.configuration())
        try StoreSchema.migrator.migrate(queue, upTo: "v8 posting facts covering index")
        try queue.write { db in
            for (id, source) in [(1, "a"), (2, "b")] {
                try db.execute(sql: """
                    INSERT INTO postings (id, source, source_id, title, description, source_skills, content_hash, first_seen, last_seen)
                    VALUES (?, ?, 'x', 'Data analyst (H/F)', 'SQL, Python', '[]', 'h', '2025-01-01', '2025-01-01')
                    """, arguments: [id, source])
            }
            try db.execute(sql: """
                INSERT INTO posting_competencies (posting_id, competency_id, domain, evidence_count, published) VALUES
                    (2, 'donnees.sql', 'donnees', 1, '2025-01-01'), (1, 'donnees.python', 'donnees', 2, NULL);
                INSERT INTO posting_domains (posting_id, domain, score, published) VALUES (1, 'donnees', 2.5, NULL);
                INSERT INTO evidence (id, posting_id, competency_id, start_offset, end_offset, text, section, negated, wording) VALUES
                    (10, 1, 'donnees.python', 30, 36, 'Python', 'missions', 0, 'python'),
                    (11, 2, 'donnees.sql', 25, 28, 'SQL', 'profil', 0, NULL),
                    (12, 1, 'donnees.python', 5, 11, 'python', 'titre', 1, 'python');
                """)
        }
        try StoreSchema.migrator.migrate(queue)
        try queue.read { db in
            let evidence = try Row.fetchAll(db, sql: "SELECT posting_id, ordinal, start_offset, negated, wording FROM evidence ORDER BY posting_id, ordinal")
            #expect(evidence.map { [$0[0], $0[1], $0[2], $0[3]] as [Int] } == [[1, 0, 30, 0], [1, 1, 5, 1], [2, 0, 25, 0]])
            #expect(evidence.map { $0[4] as String? } == ["python", "python", nil])
            let competencies = try Row.fetchAll(db, sql: "SELECT posting_id, competency_id, evidence_count, published FROM posting_competencies ORDER BY posting_id")
            #expect(competencies.map { "\($0[0] as Int) \($0[1] as String) \($0[2] as Int) \($0[3] as String? ?? "-")" }
                    == ["1 donnees.python 2 -", "2 donnees.sql 1 2025-01-01"])
            #expect(try Double.fetchOne(db, sql: "SELECT score FROM posting_domains WHERE posting_id = 1") == 2.5)
            for table in ["evidence", "posting_competencies", "posting_domains"] {
                #expect(throws: DatabaseError.self) { try db.execute(sql: "SELECT rowid FROM \(table)") }
            }
            let indexes = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('evidence', 'posting_competencies', 'posting_domains')
                  AND name NOT LIKE 'sqlite_autoindex%'
                """)
            #expect(indexes.isEmpty)
        }
        // Foreign keys still hold: deleting a posting removes its rows.
        try queue.write { db in try db.execute(sql: "DELETE FROM postings WHERE id = 1") }
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM evidence") } == 1)
    }
}
