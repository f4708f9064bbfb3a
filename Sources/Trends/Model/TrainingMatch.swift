/// A training offer that covers part of a posting's competencies (see `SupplyRules`, matching).
public struct TrainingMatch: Sendable, Hashable, Codable {
    /// `training_offers.id`.
    public var offerID: Int64
    public var title: String
    public var organisation: String?
    /// Weighted share of the posting's competencies the offer teaches, 0…1.
    public var score: Double
    /// Competencies of the posting the offer teaches, sorted.
    public var shared: [String]
    /// Whether one of the offer's actions is in the posting's region.
    public var sameRegion: Bool
    /// Sessions starting on or after the window's reference day.
    public var upcomingSessions: Int
    /// First upcoming session start (`YYYY-MM-DD`).
    public var nextSession: String?
}

/// A training offer as lists show it.
public struct TrainingSummary: Sendable, Hashable, Codable {
    public var offerID: Int64
    public var title: String
    public var organisation: String?
    /// INSEE region codes of its actions, sorted.
    public var regions: [String]
    /// Domains retained by the classifier.
    public var domains: [String]
    /// Number of taught competencies.
    public var taught: Int
    public var upcomingSessions: Int
    public var nextSession: String?
}

/// A page of training offers and how many match in all.
public struct TrainingList: Sendable, Hashable, Codable {
    public var total: Int
    public var offers: [TrainingSummary]
}

/// Filters of the training-offer list: exact codes, all optional.
public struct TrainingFilter: Sendable, Hashable, Codable {
    /// INSEE region code of one of the offer's actions.
    public var region: String?
    /// A domain with at least one taught competency.
    public var domain: String?
    /// A taught competency.
    public var competency: String?
    /// Words of the title or organisation (ANDed, `LIKE`).
    public var text: String?

    public init(region: String? = nil, domain: String? = nil, competency: String? = nil, text: String? = nil) {
        self.region = region; self.domain = domain; self.competency = competency; self.text = text
    }
}
