import Records

/// What one `Store.ingest` call did, item by item and in totals.
public struct BatchOutcome: Sendable, Hashable {
    /// What happened to one item.
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        /// First time this (source, source id) is seen.
        case stored = "nouvelle"
        /// Known posting whose content changed: fields, classification, evidence and dedup
        /// entries were replaced.
        case updated = "modifiee"
        /// Same content, classified by another taxonomy version: the classification was replaced.
        case reclassified = "reclassee"
        /// Same content and taxonomy version: only `last_seen` moved.
        case unchanged = "inchangee"
    }

    /// One outcome per input item, in input order.
    public var outcomes: [Outcome] = []
    /// Duplicates recorded by this batch (new or updated postings found to repeat another).
    public var duplicates: [DuplicateKind: Int] = [:]

    public init() {}

    /// Number of items with this outcome.
    public func count(_ outcome: Outcome) -> Int { outcomes.lazy.filter { $0 == outcome }.count }
}
