/// A phrase the taxonomy does not cover whose share of postings rises.
public struct EmergingTerm: Sendable, Hashable {
    /// Light-stem key (`Wording.matchKey` without its `~`).
    public var key: String
    /// Most frequent written form, lower case (`power platform`).
    public var label: String
    /// Other written forms seen, most frequent first (plural, accents…).
    public var variants: [String]
    public var score: GrowthRule.Score
    /// Postings in the recent and earlier windows (the denominators), as read.
    public var recentTotal: Int
    public var earlierTotal: Int
    /// One posting in how many was read in each window (1: all; see
    /// `EmergingAnalysis.Options.maximumPostingsPerWindow`).
    public var recentSampling = 1
    public var earlierSampling = 1
    /// Majority domain of the competencies found in the recent postings that contain the term,
    /// with the number of those postings having it; nil when none has a competency.
    public var domain: String?
    public var domainPostings: Int
    /// A few sentences containing the term (source id, text), at most `examplesPerTerm`.
    public var examples: [Example]

    /// One sentence around an occurrence, cut to a bounded length.
    public struct Example: Sendable, Hashable {
        public var postingID: String
        public var text: String
    }
}

/// A normalized job title that the ROME does not name, or whose count rises.
public struct EmergingTitle: Sendable, Hashable {
    /// Why the title is listed.
    public enum Reason: String, Sendable, Hashable {
        /// No exact or fuzzy ROME appellation at the matcher's threshold.
        case absentFromROME = "hors-rome"
        /// Rising from a small base by the titles' growth rule.
        case rising = "en-hausse"
    }

    public var title: String
    public var total: Int
    public var score: GrowthRule.Score
    /// The best ROME match, if any (fuzzy matches under the threshold are not given).
    public var rome: RomeMatch?
    public var reasons: [Reason]
}
