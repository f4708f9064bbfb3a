/// One training offer with its sessions, its competencies (taught or only required) and the
/// evidence behind each, for `/formations/:id`.
public struct TrainingDetail: Sendable, Hashable, Codable {
    public struct Session: Sendable, Hashable, Codable {
        public var region: String?
        public var department: String?
        public var city: String?
        public var start: String?
        public var end: String?
    }

    public struct CompetencyItem: Sendable, Hashable, Codable {
        public var competency: String
        public var domain: String
        /// False when found only in prerequisites or negated: not supply.
        public var taught: Bool
        public var evidenceCount: Int
    }

    public struct EvidenceItem: Sendable, Hashable, Codable {
        public var competency: String
        /// `titre`, `objectifs`, `contenu`, `prerequis`…
        public var section: String
        public var negated: Bool
        public var text: String
        public var snippet: Snippet
    }

    public var id: Int64
    public var source: String
    public var sourceID: String
    public var title: String
    public var organisation: String?
    public var durationHours: Int?
    /// Price in euros including tax, when the catalogue gives one.
    public var priceEuros: Double?
    public var url: String?
    public var formacodes: [String]
    public var romeCodes: [String]
    public var certifications: [String]
    public var prerequisites: String
    public var taxonomyVersion: String?
    public var domains: [String]
    public var sessions: [Session]
    public var competencies: [CompetencyItem]
    public var evidence: [EvidenceItem]
}

/// Demand for one competency a training offer teaches, over a `SupplyWindow`.
public struct TaughtDemand: Sendable, Hashable, Codable {
    public var competency: String
    public var domain: String
    /// Unique postings of the window asking for it.
    public var postings: Int
    /// The same count over the window before (same length), and the growth between them.
    public var previous: Int
    public var growth: Measure
    /// Regions asking for it most, with their counts, at most three.
    public var topRegions: [Breakdown.Row]
}

/// A competency often asked together with those an offer teaches, that the offer does not teach.
public struct MissingCompetency: Sendable, Hashable, Codable {
    public var competency: String
    public var domain: String
    /// Postings asking for it and for at least one competency the offer teaches.
    public var together: Int
    /// `together` ÷ postings asking for at least one competency the offer teaches.
    public var share: Double
    /// True when the offer lists it in its prerequisites (required, not taught).
    public var prerequisite: Bool
}

/// What the demand says about one training offer: its taught competencies and the missing ones.
public struct TrainingDemand: Sendable, Hashable, Codable {
    public var window: SupplyWindow?
    /// Unique postings asking for at least one competency the offer teaches.
    public var postings: Int
    public var taught: [TaughtDemand]
    public var missing: [MissingCompetency]
}
