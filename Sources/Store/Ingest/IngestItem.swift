import Records

/// One posting ready to store: the record, what the classifier found in it, and its
/// deduplication signature (computed by the Dedup module, which the store does not depend on).
public struct IngestItem: Sendable, Hashable {
    /// `posting.source` and `posting.id` are the natural key (source, source id).
    public var posting: Posting { didSet { derived = Derived(posting, classification, signature) } }
    public var classification: Classification { didSet { derived = Derived(posting, classification, signature) } }
    public var signature: DedupSignature { didSet { derived = Derived(posting, classification, signature) } }
    /// Values computed from the three above where the item is made (the classification threads)
    /// rather than on the single writer thread, which bounds the ingest's speed.
    private(set) var derived: Derived

    public init(posting: Posting, classification: Classification, signature: DedupSignature) {
        self.posting = posting; self.classification = classification; self.signature = signature
        derived = Derived(posting, classification, signature)
    }

    /// What the writer stores besides the record's own fields.
    struct Derived: Sendable, Hashable {
        var contentHash: String
        var department: String?
        var region: String?
        var nafSection: String?
        var sourceSkills: String
        var published: String?
        var classification: ClassificationRows.Values
        var minHashBytes: [UInt8]
        var bands: [UInt64]

        init(_ p: Posting, _ c: Classification, _ s: DedupSignature) {
            contentHash = ContentHash.of(p)
            department = p.department.flatMap { Geography.department(code: $0)?.code ?? $0 }
                ?? p.location.flatMap(Geography.department(fromLocation:))
            region = department.flatMap { Geography.region(ofDepartment: $0)?.code }
            nafSection = p.naf.flatMap(NAF.section(ofCode:))
            sourceSkills = JSONText.array(p.sourceSkills)
            published = p.published?.description
            classification = ClassificationRows.Values(c, published: p.published)
            minHashBytes = s.minHashBytes
            bands = s.bands
        }
    }
}
