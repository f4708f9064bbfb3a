import Records

/// An in-memory deduplication index with the store's rules: exact keys, LSH bands and title keys
/// give candidates, `DedupPolicy` judges them, and a posting joins the cluster of the first
/// matching earlier posting (whose canonical is the earliest added).
///
/// For measurements and for commands that run without a database; the store keeps the same
/// structures in SQL tables.
public struct DuplicateIndex: Sendable {
    /// A posting found to duplicate an earlier one.
    public struct Match: Sendable, Hashable {
        /// The canonical posting of the cluster (the first added).
        public var canonical: String
        /// The earlier posting that matched.
        public var matched: String
        public var kind: DuplicateKind
        public var similarity: Double
    }

    private struct Entry: Sendable {
        var id: String
        var source: String
        var signature: DedupSignature
        var canonical: Int
    }

    public var policy: DedupPolicy
    private var entries: [Entry] = []
    private var byExactKey: [UInt64: Int] = [:]
    private var byTitle: [UInt64: [Int]] = [:]
    private var byBand: [[UInt64: [Int]]] = []

    public init(policy: DedupPolicy = DedupPolicy()) {
        self.policy = policy
    }

    public var count: Int { entries.count }

    /// Adds a posting; returns how it duplicates an earlier one, or nil when it is new.
    /// Exact matches win, then the most similar candidate.
    @discardableResult
    public mutating func add(id: String, source: String, signature: DedupSignature) -> Match? {
        let index = entries.count
        var best: (entry: Int, kind: DuplicateKind, similarity: Double)?
        if let e = byExactKey[signature.exactKey] {
            best = (e, .exact, 1)
        } else {
            var candidates = Set<Int>()
            let bands = signature.bands
            if byBand.count < bands.count { byBand += Array(repeating: [:], count: bands.count - byBand.count) }
            for (b, h) in bands.enumerated() { candidates.formUnion(byBand[b][h] ?? []) }
            if signature.titleKey != 0 { candidates.formUnion(byTitle[signature.titleKey] ?? []) }
            for c in candidates.sorted() {
                let other = entries[c]
                guard let verdict = policy.judge(signature, source: source, against: other.signature,
                                                 candidateSource: other.source) else { continue }
                if best == nil || verdict.similarity > best!.similarity {
                    best = (c, verdict.kind, verdict.similarity)
                }
            }
        }
        let canonical = best.map { entries[$0.entry].canonical } ?? index
        entries.append(Entry(id: id, source: source, signature: signature, canonical: canonical))
        if byExactKey[signature.exactKey] == nil { byExactKey[signature.exactKey] = index }
        if best?.kind != .exact {
            for (b, h) in signature.bands.enumerated() { byBand[b][h, default: []].append(index) }
            if signature.titleKey != 0 { byTitle[signature.titleKey, default: []].append(index) }
        }
        return best.map { Match(canonical: entries[canonical].id, matched: entries[$0.entry].id,
                                kind: $0.kind, similarity: $0.similarity) }
    }
}
