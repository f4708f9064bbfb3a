import Foundation
import GRDB
import Records
import Store

/// Trend queries over a `Store`: demand per domain and competency by period, growth, rising and
/// falling competencies, co-occurrence, breakdowns, evidence samples and posting search.
///
/// Pages read derived tables (`TrendsSchema`): `trend_rollup` when the filter sets at most one
/// dimension (constant cost, whatever the number of postings), `trend_facts` joined with the
/// store's tables otherwise. `refresh()` rebuilds them from the store; call it after an ingest
/// (the server calls it at start when the store changed since the last build).
public final class TrendStore: Sendable {
    let reader: any DatabaseReader
    let writer: any DatabaseWriter

    /// Opens the trend tables of `store`, creating or migrating them.
    public init(store: Store) throws {
        reader = store.reader
        writer = store.derivedTablesWriter
        try TrendsSchema.migrator.migrate(writer)
    }

    // MARK: Refresh

    /// A cheap fingerprint of the store's content: newest posting, latest run that stored or saw
    /// one, duplicates, latest classification, and the same for training offers (so cached supply
    /// pages go when offers arrive). The derived tables are stale when it differs from the one they
    /// were built from. Every part is an index look-up (one `MAX` per subquery, so SQLite and
    /// PostgreSQL answer it from the index) except the duplicates count, a scan of a small index:
    /// with `COUNT(*)` and `MAX(last_seen)` over `postings` it read the whole table (8.5 GB at
    /// 1,000,000 postings) on every check.
    public func storeStamp() async throws -> String {
        try await reader.read { db in try Self.stamp(db) }
    }

    static func stamp(_ db: Database) throws -> String {
        let row = try Row.fetchOne(db, sql: """
            SELECT (SELECT MAX(id) FROM postings), (SELECT MAX(last_run_id) FROM postings),
                   (SELECT COUNT(*) FROM duplicates), (SELECT MAX(classified_at) FROM classifications),
                   (SELECT MAX(id) FROM training_offers), (SELECT MAX(last_run_id) FROM training_offers),
                   (SELECT MAX(classified_at) FROM training_classifications)
            """)
        return (0..<7).map { i in (row?[i] as DatabaseValue?).map { "\($0)" } ?? "" }.joined(separator: "|")
    }

    /// True when the derived tables were not built from the store's current content.
    public func isStale() async throws -> Bool {
        try await reader.read { db in
            let built = try String.fetchOne(db, sql: "SELECT stamp FROM trend_state WHERE id = 1")
            return try built != Self.stamp(db)
        }
    }

    /// Rebuilds `trend_facts`, then `trend_rollup`, `trend_titles`, `trend_pairs` and
    /// `trend_competency_facts` (`RollupBuilder`), in one transaction: readers keep seeing the old
    /// tables until it commits. Cost: one read of the postings' facts index and one ordered read of
    /// the classification tables.
    public func refresh(now: Date = Date()) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM trend_facts")
            try db.execute(sql: """
                INSERT INTO trend_facts (posting_id, month, region, department, naf_section, rome_domain, contract, source)
                SELECT p.id, substr(p.published, 1, 7), p.region, p.department, p.naf_section,
                       CASE WHEN p.rome_code IS NULL OR p.rome_code = '' THEN NULL ELSE upper(substr(p.rome_code, 1, 1)) END,
                       NULLIF(p.contract, ''), p.source
                FROM postings p
                WHERE p.published IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM duplicates d WHERE d.posting_id = p.id)
                """)
            try RollupBuilder.rebuild(db)
            let stamp = try Self.stamp(db)
            try db.execute(sql: """
                INSERT INTO trend_state (id, stamp, built_at) VALUES (1, ?, ?)
                ON CONFLICT (id) DO UPDATE SET stamp = excluded.stamp, built_at = excluded.built_at
                """, arguments: [stamp, now.formatted(.iso8601)])
        }
    }

    /// Identifies the current build of the derived tables (changes on every `refresh`), for caches.
    public func buildStamp() async throws -> String {
        try await reader.read { db in
            try Row.fetchOne(db, sql: "SELECT built_at, stamp FROM trend_state WHERE id = 1").map { "\($0[0] as String? ?? "")|\($0[1] as String? ?? "")" } ?? ""
        }
    }

    /// Refreshes when stale; returns whether it did.
    @discardableResult
    public func refreshIfStale() async throws -> Bool {
        guard try await isStale() else { return false }
        try await refresh()
        return true
    }

    // MARK: Reference values

    /// First and last months with unique dated postings, nil when there is none.
    public func dataRange() async throws -> ClosedRange<Month>? {
        try await reader.read { db in try Self.dataRange(db) }
    }

    static func dataRange(_ db: Database) throws -> ClosedRange<Month>? {
        let row = try Row.fetchOne(db, sql: "SELECT MIN(month), MAX(month) FROM trend_rollup WHERE kind = 'total' AND dim = ''")
        guard let a = (row?[0] as String?).flatMap({ Month($0) }), let b = (row?[1] as String?).flatMap({ Month($0) }) else { return nil }
        return a...b
    }

    /// Values present for a dimension with their number of unique postings (for filter forms).
    public func values(of dimension: Dimension) async throws -> [(value: String, count: Int)] {
        try await reader.read { db in
            try Row.fetchAll(db, sql: """
                SELECT dim_value, SUM(n) FROM trend_rollup WHERE kind = 'total' AND dim = ?
                GROUP BY dim_value ORDER BY dim_value
                """, arguments: [dimension.rawValue]).map { ($0[0], $0[1]) }
        }
    }

    /// The months a filter covers, aligned on whole periods and clamped to the data.
    static func window(_ filter: TrendFilter, _ db: Database) throws -> [Period] {
        guard let data = try dataRange(db) else { return [] }
        let from = filter.from ?? data.lowerBound
        let to = filter.to ?? data.upperBound
        return Period.range(from: from, to: to, granularity: filter.granularity)
    }
}
