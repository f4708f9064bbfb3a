import Emerging
import Foundation

/// Emerging titles and terms by analysis options, kept while the trend tables stay the same build
/// (the page cache's rule: `TrendStore.refresh` changes the stamp and empties both). Computing the
/// terms reads every description of the scope, so a repeated filter costs a look-up instead.
/// Concurrent requests for the same key share one computation. Bounded, oldest evicted first.
actor EmergingCache {
    /// The analysis result of one filter.
    struct Result: Sendable {
        var titles: [EmergingTitle]
        var terms: [EmergingTerm]
        /// Trend, regions and competencies of each title (read with the analysis: at 1,000,000
        /// postings a popular title has tens of thousands of postings to look up).
        var profiles: [String: TitleStats.Profile]
        /// Periods of the recent and earlier windows, and all periods with postings, in order.
        var recent: [String], earlier: [String], all: [String]
        /// Time the analysis took.
        var seconds: Double
    }

    struct Key: Hashable {
        var scope: EmergingScope
        var granularity: String
        var recentPeriods: Int
    }

    let capacity: Int
    private var build = ""
    private var entries: [Key: Task<Result, any Error>] = [:]
    private var order: [Key] = []

    init(capacity: Int) { self.capacity = capacity }

    /// The cached result for `key` under trend build `stamp`, computing it on a miss.
    func result(_ key: Key, stamp: String, compute: @escaping @Sendable () throws -> Result) async throws -> Result {
        if stamp != build { build = stamp; entries.removeAll(); order.removeAll() }
        if let task = entries[key] { return try await task.value }
        let task = Task.detached { try compute() }
        entries[key] = task
        order.append(key)
        if order.count > capacity { entries.removeValue(forKey: order.removeFirst()) }
        do { return try await task.value } catch {
            entries.removeValue(forKey: key); order.removeAll { $0 == key }
            throw error
        }
    }
}
