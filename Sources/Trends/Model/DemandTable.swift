/// Demand by period for a set of keys (domains or competencies): counts of unique postings,
/// share of all postings of the period, growth vs the previous period and vs a year before.
public struct DemandTable: Sendable, Hashable, Codable {
    /// One key's numbers for one period.
    public struct Cell: Sendable, Hashable, Codable {
        public var count: Int
        public var share: Measure
        public var growthPrevious: Measure
        public var growthYear: Measure
    }

    /// One key (domain id or competency id) across the periods.
    public struct Row: Sendable, Hashable, Codable {
        public var key: String
        /// Domain of a competency; empty for domain rows.
        public var group: String
        public var cells: [Cell]
        /// Unique postings with this key over all periods of the table.
        public var total: Int
    }

    public var granularity: Granularity
    public var periods: [Period]
    /// Unique postings per period (all domains and none).
    public var totals: [Int]
    public var rows: [Row]

    /// The row for `key`, if any posting has it.
    public func row(_ key: String) -> Row? { rows.first { $0.key == key } }
}

/// What a demand table counts.
public enum DemandScope: Sendable, Hashable {
    /// One row per domain.
    case domains
    /// One row per competency, optionally of one domain only.
    case competencies(domain: String?)
    /// A single competency.
    case competency(String)
}
