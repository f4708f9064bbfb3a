import Records

/// A summary of what the database holds, for `observatoire status` and the server's footer.
public struct StoreStatus: Sendable, Hashable, Codable {
    public var postings: Int
    /// Postings with each duplicate cluster counted once.
    public var uniquePostings: Int
    /// Duplicates by kind (`exact`, `quasi`, `inter-sources`).
    public var duplicates: [String: Int]
    public var rejected: Int
    /// Always 0 until training offers get their migration.
    public var trainingOffers: Int
    /// Taxonomy versions that produced the stored classifications, sorted.
    public var taxonomyVersions: [String]
    public var firstPublished: Day?
    public var lastPublished: Day?
    public var runs: Int
}
