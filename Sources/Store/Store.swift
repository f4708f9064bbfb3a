import CSQLiteSetup
import Foundation
import GRDB
import Records

/// The observatory's database: postings with their classification, evidence, duplicates, ingest
/// runs and rejected records, in SQLite through GRDB.
///
/// A file database is a `DatabasePool` in WAL mode: readers (the server, trends) never block the
/// ingest, and `synchronous = NORMAL` keeps commits cheap while staying crash-safe in WAL. Each
/// `ingest` call is one transaction, so a crash leaves the database as it was before the batch.
public final class Store: Sendable {
    let writer: any DatabaseWriter
    /// Thresholds for duplicate verdicts; the same as the Dedup module's by default.
    public let policy: DedupPolicy

    /// Opens (and creates or migrates) the database file at `path`.
    public convenience init(path: String, policy: DedupPolicy = DedupPolicy()) throws {
        try self.init(writer: DatabasePool(path: path, configuration: Store.configuration()), policy: policy)
    }

    /// A private in-memory database, for tests.
    public static func inMemory(policy: DedupPolicy = DedupPolicy()) throws -> Store {
        try Store(writer: DatabaseQueue(configuration: configuration()), policy: policy)
    }

    init(writer: any DatabaseWriter, policy: DedupPolicy) throws {
        self.writer = writer
        self.policy = policy
        try StoreSchema.migrator.migrate(writer)
    }

    /// SQLite set up once per process before its first connection: multi-thread mode and no
    /// allocation statistics. In the default serialized mode every bind, step and column read
    /// takes the connection's mutex, and every allocation a global one: 8 % of the ingest writer's
    /// CPU, for no safety GRDB does not already give (a connection is used by one thread at a time).
    static let sqliteSetUp: Bool = csqlite_configure_multithread() == 0

    /// Whether SQLite runs without per-call mutexes (multi-thread mode): false when something
    /// initialized SQLite before the store could configure it. For tests and diagnostics.
    public static var sqliteIsMultiThread: Bool { sqliteSetUp }

    static func configuration() -> Configuration {
        _ = sqliteSetUp
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.label = "observatoire"
        // One writer at a time per database file: an `ingest` started while `serve` rebuilds the
        // trend tables (minutes at 1,000,000 postings) waits for it instead of failing at once.
        config.busyMode = .timeout(600)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -65536")
            // Sorting and temporary b-trees in memory; fewer, larger WAL checkpoints during ingest.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 8192")
        }
        return config
    }

    /// Counts for the status page: postings, unique postings, duplicates by kind, rejects,
    /// taxonomy versions and the publication date range.
    public func status() throws -> StoreStatus {
        try writer.read { db in
            let postings = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM postings") ?? 0
            var duplicates: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT kind, COUNT(*) FROM duplicates GROUP BY kind") {
                duplicates[row[0]] = row[1]
            }
            let dupCount = duplicates.values.reduce(0, +)
            let rejected = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rejected_records") ?? 0
            let versions = try String.fetchAll(db, sql: "SELECT DISTINCT taxonomy_version FROM classifications ORDER BY taxonomy_version")
            let range = try Row.fetchOne(db, sql: "SELECT MIN(published), MAX(published) FROM postings")
            let runs = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ingest_runs") ?? 0
            return StoreStatus(postings: postings, uniquePostings: postings - dupCount, duplicates: duplicates,
                               rejected: rejected, trainingOffers: try Store.trainingOfferCount(db), taxonomyVersions: versions,
                               firstPublished: (range?[0] as String?).flatMap(Day.init(iso:)),
                               lastPublished: (range?[1] as String?).flatMap(Day.init(iso:)),
                               runs: runs)
        }
    }

    /// Postings whose classification is missing or comes from another taxonomy version: the work
    /// list for `observatoire classify` after a taxonomy change. At most `limit` keys, oldest first.
    public func needsReclassification(version: String, limit: Int = 10_000) throws -> [PostingKey] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.source, p.source_id FROM postings p
                LEFT JOIN classifications c ON c.posting_id = p.id
                WHERE c.posting_id IS NULL OR c.taxonomy_version <> ?
                ORDER BY p.id LIMIT ?
                """, arguments: [version, limit]).map { PostingKey(source: $0[0], sourceID: $0[1]) }
        }
    }

    /// Number of rows in a table, for tests and diagnostics. Only schema tables are accepted.
    public func rowCount(_ table: String) throws -> Int {
        let tables: Set<String> = ["postings", "classifications", "posting_domains", "posting_competencies",
                                   "evidence", "ingest_runs", "rejected_records", "duplicates",
                                   "dedup_bands", "exact_keys"]
        guard tables.contains(table) else { throw StoreError.unknownTable(table) }
        return try writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
