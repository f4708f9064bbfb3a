/// Counts of one competency's postings by the values of a dimension (or by normalized job title).
public struct Breakdown: Sendable, Hashable, Codable {
    public struct Row: Sendable, Hashable, Codable {
        /// The dimension value (INSEE code, NAF letter, contract…) or the normalized title.
        public var value: String
        public var count: Int
        /// Share of the competency's postings.
        public var share: Double
    }
    /// Unique postings with the competency under the filter.
    public var total: Int
    public var rows: [Row]
}

/// A competency often asked together with another one.
public struct CoOccurrence: Sendable, Hashable, Codable {
    public var key: String
    public var group: String
    /// Postings with both competencies.
    public var together: Int
    /// Postings with this competency (whatever the other).
    public var count: Int
    /// Share of the first competency's postings that also ask for this one.
    public var share: Double
    /// `n_cd · N / (n_c · n_d)`: above 1, asked together more often than by chance.
    public var lift: Double
}
