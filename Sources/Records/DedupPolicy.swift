/// The thresholds that turn two signatures into a duplicate verdict, shared by the in-memory
/// index (Dedup) and the store so that both decide alike.
///
/// Defaults, measured on the shared postings (see DedupTests): a repost whose date line or salary
/// changed keeps an estimated Jaccard similarity above 0.85 on word 5-shingles, while two offers
/// built from the same company template with different jobs stay below 0.5. 0.8 leaves margin on
/// both sides. Boards reformat the same offer (headings, bullets, cut paragraphs), hence the lower
/// cross-source threshold, made safe by also requiring the same normalized title.
public struct DedupPolicy: Sendable, Hashable, Codable {
    /// Minimum estimated Jaccard similarity for a near-duplicate (`quasi`).
    public var nearThreshold: Double
    /// Minimum estimated similarity for the same offer on two boards (`inter-sources`).
    public var crossSourceThreshold: Double

    public init(nearThreshold: Double = 0.8, crossSourceThreshold: Double = 0.6) {
        self.nearThreshold = nearThreshold; self.crossSourceThreshold = crossSourceThreshold
    }

    /// The verdict for a posting compared with an earlier candidate: exact key first, then the
    /// same title on another board, then near-duplicate text; nil when they are distinct.
    public func judge(_ signature: DedupSignature, source: String,
                      against candidate: DedupSignature, candidateSource: String) -> (kind: DuplicateKind, similarity: Double)? {
        if signature.exactKey == candidate.exactKey { return (.exact, 1) }
        let s = signature.similarity(to: candidate)
        if source != candidateSource, signature.titleKey != 0, signature.titleKey == candidate.titleKey,
           s >= crossSourceThreshold {
            return (.crossSource, s)
        }
        if s >= nearThreshold { return (.near, s) }
        return nil
    }
}
