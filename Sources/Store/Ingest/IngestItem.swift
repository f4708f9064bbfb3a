import Records

/// One posting ready to store: the record, what the classifier found in it, and its
/// deduplication signature (computed by the Dedup module, which the store does not depend on).
public struct IngestItem: Sendable, Hashable {
    /// `posting.source` and `posting.id` are the natural key (source, source id).
    public var posting: Posting { didSet { contentHash = ContentHash.of(posting) } }
    public var classification: Classification
    public var signature: DedupSignature
    /// `ContentHash.of(posting)`, computed where the item is made (the classification threads)
    /// rather than on the single writer thread.
    public private(set) var contentHash: String

    public init(posting: Posting, classification: Classification, signature: DedupSignature) {
        self.posting = posting; self.classification = classification; self.signature = signature
        contentHash = ContentHash.of(posting)
    }
}
