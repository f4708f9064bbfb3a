import Foundation
import GRDB
import Records

extension Store {
    /// Stores a batch of classified postings in one transaction.
    ///
    /// Each item is upserted by (source, source id): new → `.stored`; known with another content
    /// hash → `.updated` (fields, classification, evidence, competencies and dedup entries
    /// replaced); same content but another taxonomy version → `.reclassified`; otherwise
    /// `.unchanged` (only `last_seen` moves). New and changed postings then go through
    /// deduplication: exact key, LSH band and title-key candidates, `policy` verdict, and cluster
    /// assignment where the earliest published posting is canonical.
    ///
    /// Either the whole batch is visible afterwards or none of it is.
    public func ingest(_ batch: [IngestItem], run: RunID, now: Date = Date()) throws -> BatchOutcome {
        try ingest(batch, run: run, now: now, failAfter: nil)
    }

    /// `failAfter`: throws after that many items, inside the transaction (crash simulation in tests).
    func ingest(_ batch: [IngestItem], run: RunID, now: Date, failAfter: Int?) throws -> BatchOutcome {
        let stamp = Store.timestamp(now)
        let policy = self.policy
        return try writer.write { db in
            var session = try IngestSession(db: db, run: run.rawValue, stamp: stamp, policy: policy)
            var outcome = BatchOutcome()
            outcome.outcomes.reserveCapacity(batch.count)
            for (i, item) in batch.enumerated() {
                if let failAfter, i == failAfter { throw SimulatedCrash() }
                let (o, dup) = try session.ingest(item)
                outcome.outcomes.append(o)
                if let dup { outcome.duplicates[dup, default: 0] += 1 }
            }
            return outcome
        }
    }
}

/// Thrown by the crash simulation of tests.
struct SimulatedCrash: Error {}

/// The statements of one ingest transaction, prepared once per batch.
struct IngestSession {
    let db: Database
    let run: Int64
    let stamp: String
    let policy: DedupPolicy

    let findPosting: Statement
    let insertPosting: Statement
    let updatePosting: Statement
    let touchPosting: Statement
    let deleteClassification: [Statement]
    let findExact: Statement
    let insertExact: Statement
    let deleteBand: Statement
    let findTitle: Statement
    let candidate: Statement
    let upsertSketch: Statement
    let clusterOf: Statement
    let insertDuplicate: Statement
    let repointCluster: Statement
    let deleteDedup: [Statement]
    let clusterMembers: Statement
    let deleteDuplicate: Statement
    let classificationRows: ClassificationRows
    /// Band look-up and insert statements, for the band count of the batch's signatures.
    var bandStatements: (count: Int, find: Statement, insert: Statement)?

    init(db: Database, run: Int64, stamp: String, policy: DedupPolicy) throws {
        self.db = db; self.run = run; self.stamp = stamp; self.policy = policy
        classificationRows = try ClassificationRows(db)
        findPosting = try db.cachedStatement(sql: """
            SELECT p.id, p.content_hash, c.taxonomy_version, s.minhash FROM postings p
            LEFT JOIN classifications c ON c.posting_id = p.id
            LEFT JOIN dedup_sketches s ON s.posting_id = p.id
            WHERE p.source = ? AND p.source_id = ?
            """)
        insertPosting = try db.cachedStatement(sql: """
            INSERT INTO postings (source, source_id, title, description, published, location, department, region,
                contract, rome_code, naf, naf_section, company, url, source_skills, content_hash,
                first_seen, last_seen, first_run_id, last_run_id, content_run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        updatePosting = try db.cachedStatement(sql: """
            UPDATE postings SET title = ?, description = ?, published = ?, location = ?, department = ?, region = ?,
                contract = ?, rome_code = ?, naf = ?, naf_section = ?, company = ?, url = ?, source_skills = ?,
                content_hash = ?, last_seen = ?, last_run_id = ?, content_run_id = ?
            WHERE id = ?
            """)
        touchPosting = try db.cachedStatement(sql: "UPDATE postings SET last_seen = ?, last_run_id = ? WHERE id = ?")
        deleteClassification = try ["classifications", "posting_domains", "posting_competencies", "evidence"].map {
            try db.cachedStatement(sql: "DELETE FROM \($0) WHERE posting_id = ?")
        }
        findExact = try db.cachedStatement(sql: "SELECT posting_id FROM exact_keys WHERE key = ? AND posting_id <> ? ORDER BY posting_id LIMIT 1")
        insertExact = try db.cachedStatement(sql: "INSERT INTO exact_keys (posting_id, key) VALUES (?, ?)")
        deleteBand = try db.cachedStatement(sql: "DELETE FROM dedup_bands WHERE band = ? AND hash = ? AND posting_id = ?")
        // Cross-source candidates: same title key on another board, the most recent ones first.
        findTitle = try db.cachedStatement(sql: "SELECT posting_id FROM dedup_sketches WHERE title_key = ? AND source <> ? ORDER BY posting_id DESC LIMIT 200")
        candidate = try db.cachedStatement(sql: "SELECT source, minhash, published, title_key FROM dedup_sketches WHERE posting_id = ?")
        upsertSketch = try db.cachedStatement(sql: """
            INSERT INTO dedup_sketches (posting_id, source, published, title_key, minhash) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (posting_id) DO UPDATE SET source = excluded.source, published = excluded.published,
                title_key = excluded.title_key, minhash = excluded.minhash
            """)
        clusterOf = try db.cachedStatement(sql: "SELECT cluster_id FROM duplicates WHERE posting_id = ?")
        insertDuplicate = try db.cachedStatement(sql: "INSERT INTO duplicates (posting_id, cluster_id, kind, similarity) VALUES (?, ?, ?, ?)")
        repointCluster = try db.cachedStatement(sql: "UPDATE duplicates SET cluster_id = ? WHERE cluster_id = ?")
        deleteDedup = try ["exact_keys", "duplicates"].map {
            try db.cachedStatement(sql: "DELETE FROM \($0) WHERE posting_id = ?")
        }
        clusterMembers = try db.cachedStatement(sql: "SELECT d.posting_id FROM duplicates d JOIN postings p ON p.id = d.posting_id WHERE d.cluster_id = ? ORDER BY p.published, p.id")
        deleteDuplicate = try db.cachedStatement(sql: "DELETE FROM duplicates WHERE posting_id = ?")
    }

    mutating func ingest(_ item: IngestItem) throws -> (BatchOutcome.Outcome, DuplicateKind?) {
        let p = item.posting
        let hash = item.derived.contentHash
        var known: (id: Int64, hash: String, version: String?, minHash: [UInt8]?)?
        try findPosting.query({ $0.bind(p.source); $0.bind(p.id) }) { row in
            known = (row.int64(0), row.string(1) ?? "", row.string(2), row.bytes(3))
            return false
        }
        if let known {
            let id = known.id
            if known.hash == hash {
                try touchPosting.run { $0.bind(stamp); $0.bind(run); $0.bind(id) }
                if known.version == item.classification.taxonomyVersion { return (.unchanged, nil) }
                try replaceClassification(id: id, item)
                return (.reclassified, nil)
            }
            try removeDedup(id: id, oldMinHash: known.minHash, rowsPerBand: item.signature.rowsPerBand,
                            bandCount: item.signature.bandCount)
            try updatePosting.run { b in
                bindPostingValues(item, &b)
                b.bind(stamp); b.bind(run); b.bind(run); b.bind(id)
            }
            try replaceClassification(id: id, item)
            let kind = try deduplicate(id: id, item)
            return (.updated, kind)
        }
        try insertPosting.run { b in
            b.bind(p.source); b.bind(p.id)
            bindPostingValues(item, &b)
            b.bind(stamp); b.bind(stamp); b.bind(run); b.bind(run); b.bind(run)
        }
        let id = db.lastInsertedRowID
        try classificationRows.insert(id: id, item.classification, item.derived.classification, stamp: stamp)
        let kind = try deduplicate(id: id, item)
        return (.stored, kind)
    }

    /// Binds title … content_hash, in the column order shared by the insert and update statements. The
    /// dedup sketch goes to `dedup_sketches` only (`deduplicate`); `postings.title_key` and
    /// `postings.minhash` are no longer written (migration v6; older rows keep theirs, unread).
    private func bindPostingValues(_ item: IngestItem, _ b: inout Bindings) {
        let p = item.posting, d = item.derived
        b.bind(p.title); b.bind(p.description); b.bind(d.published); b.bind(p.location)
        b.bind(d.department); b.bind(d.region); b.bind(p.contract); b.bind(p.romeCode); b.bind(p.naf)
        b.bind(d.nafSection); b.bind(p.company); b.bind(p.url); b.bind(d.sourceSkills); b.bind(d.contentHash)
    }

    private func replaceClassification(id: Int64, _ item: IngestItem) throws {
        for s in deleteClassification { try s.run { $0.bind(id) } }
        try classificationRows.insert(id: id, item.classification, item.derived.classification, stamp: stamp)
    }
}
