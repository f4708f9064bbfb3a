/// One stored posting with why it was classified as it was: each evidence span in context.
public struct PostingDetail: Sendable, Hashable, Codable {
    /// One piece of evidence with the sentence around it.
    public struct EvidenceItem: Sendable, Hashable, Codable {
        public var competency: String
        public var domain: String
        public var start: Int
        public var end: Int
        public var text: String
        public var section: String
        public var negated: Bool
        /// The taxonomy wording that matched (`machine learning`, `ML`).
        public var wording: String?
        public var snippet: Snippet
    }

    public var id: Int64
    public var source: String
    public var sourceID: String
    public var title: String
    public var description: String
    public var published: String?
    public var location: String?
    public var department: String?
    public var region: String?
    public var contract: String?
    public var romeCode: String?
    public var naf: String?
    public var nafSection: String?
    public var company: String?
    public var url: String?
    public var taxonomyVersion: String?
    public var classifiedAt: String?
    public var domains: [String]
    public var titleNormalized: String?
    public var titleRome: String?
    /// Canonical posting of its duplicate cluster, with the kind of duplicate, when it is one.
    public var duplicateOf: Int64?
    public var duplicateKind: String?
    public var evidence: [EvidenceItem]
}

/// A posting asking for a competency, with the evidence sentence.
public struct EvidenceSample: Sendable, Hashable, Codable {
    public var postingID: Int64
    public var title: String
    public var company: String?
    public var published: String?
    public var section: String
    public var snippet: Snippet
}

/// One search result.
public struct SearchHit: Sendable, Hashable, Codable {
    public var postingID: Int64
    public var title: String
    public var company: String?
    public var published: String?
    public var location: String?
    public var contract: String?
}

/// A page of search results.
public struct SearchResults: Sendable, Hashable, Codable {
    public var total: Int
    public var hits: [SearchHit]
    /// True when the SQLite FTS5 index answered, false for the `LIKE` fallback.
    public var fullText: Bool
}
