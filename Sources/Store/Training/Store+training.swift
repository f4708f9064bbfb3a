import Foundation
import GRDB
import Records

extension Store {
    /// Stores a batch of classified training offers in one transaction, idempotently.
    ///
    /// Each item is upserted by (source, source id): new → `.stored`; known with another content
    /// hash → `.updated` (fields, actions, sessions, classification and evidence replaced); same
    /// content but another taxonomy version → `.reclassified`; otherwise `.unchanged` (only
    /// `last_seen` moves). Training offers are not deduplicated (`duplicates` stays empty).
    /// Either the whole batch is visible afterwards or none of it is.
    public func ingestTraining(_ batch: [TrainingItem], run: RunID, now: Date = Date()) throws -> BatchOutcome {
        let stamp = Store.timestamp(now)
        return try writer.write { db in
            let session = try TrainingIngestSession(db: db, run: run.rawValue, stamp: stamp)
            var outcome = BatchOutcome()
            outcome.outcomes.reserveCapacity(batch.count)
            for item in batch { outcome.outcomes.append(try session.ingest(item)) }
            return outcome
        }
    }

    /// Number of stored training offers (for `status()`).
    static func trainingOfferCount(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM training_offers") ?? 0
    }

    /// Number of rows in a training table, for tests and diagnostics. Only training tables are accepted.
    public func trainingRowCount(_ table: String) throws -> Int {
        let tables: Set<String> = ["training_offers", "training_actions", "training_sessions",
                                   "training_classifications", "training_domains", "training_competencies",
                                   "training_evidence"]
        guard tables.contains(table) else { throw StoreError.unknownTable(table) }
        return try writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }

    /// Training offers whose classification is missing or comes from another taxonomy version,
    /// at most `limit` keys, oldest first (the work list after a taxonomy change).
    public func trainingNeedsReclassification(version: String, limit: Int = 10_000) throws -> [PostingKey] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT o.source, o.source_id FROM training_offers o
                LEFT JOIN training_classifications c ON c.offer_id = o.id
                WHERE c.offer_id IS NULL OR c.taxonomy_version <> ?
                ORDER BY o.id LIMIT ?
                """, arguments: [version, limit]).map { PostingKey(source: $0[0], sourceID: $0[1]) }
        }
    }
}
