/// Competencies whose share of postings rose or fell significantly between two windows of equal
/// length (rule in `TrendRules`).
public struct Movers: Sendable, Hashable, Codable {
    /// One competency's comparison.
    public struct Mover: Sendable, Hashable, Codable {
        public var key: String
        public var group: String
        /// Postings with the competency in the recent and in the base window.
        public var recent: Int
        public var base: Int
        public var recentShare: Double
        public var baseShare: Double
        /// `ln(((a + ½)/A) / ((b + ½)/B))`.
        public var logRatio: Double
        public var z: Double
        public var significant: Bool
    }

    public var windowMonths: Int
    public var recentMonths: ClosedRange<Month>?
    public var baseMonths: ClosedRange<Month>?
    /// Unique postings in the recent and base windows.
    public var recentTotal: Int
    public var baseTotal: Int
    public var rising: [Mover]
    public var falling: [Mover]
}
