import Records

/// One posting ready to store: the record, what the classifier found in it, and its
/// deduplication signature (computed by the Dedup module, which the store does not depend on).
public struct IngestItem: Sendable, Hashable {
    /// `posting.source` and `posting.id` are the natural key (source, source id).
    public var posting: Posting
    public var classification: Classification
    public var signature: DedupSignature

    public init(posting: Posting, classification: Classification, signature: DedupSignature) {
        self.posting = posting; self.classification = classification; self.signature = signature
    }
}
