import Records

/// One training offer ready to store: the record and what the classifier found in it.
public struct TrainingItem: Sendable, Hashable {
    /// `offer.source` and `offer.id` are the natural key (source, source id).
    public var offer: TrainingOffer
    public var classification: Classification

    public init(offer: TrainingOffer, classification: Classification) {
        self.offer = offer; self.classification = classification
    }
}
