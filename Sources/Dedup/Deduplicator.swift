import Records

/// Computes deduplication signatures: an exact key, a title key and a MinHash sketch over word
/// shingles, with LSH band parameters.
///
/// Defaults: 128 hash functions, the first 64 of them in 16 LSH bands of 4 rows. A pair with
/// Jaccard similarity s becomes an LSH candidate with probability 1 − (1 − s⁴)¹⁶: 0.9998 at
/// s = 0.8, 0.89 at 0.6, 0.64 at 0.5, and the store keeps only 16 band rows per posting (fast
/// enough for 20,000 postings/s). The similarity itself is estimated on all 128 slots (standard
/// error ≈ 0.035 at s = 0.8, against 0.05 with 64), so a threshold decides more sharply.
/// Cross-source candidates also come from the title key, so their lower threshold does not
/// depend on LSH recall.
public struct Deduplicator: Sendable {
    /// Sketch and band sizes. Changing them makes new signatures incomparable with stored ones.
    public struct Configuration: Sendable, Hashable {
        /// Number of MinHash functions (sketch length).
        public var permutations: Int
        /// Number of LSH bands.
        public var bands: Int
        /// Rows per LSH band; `bands × rowsPerBand` must not exceed `permutations`.
        public var rowsPerBand: Int
        /// Words per shingle.
        public var shingleSize: Int

        public init(permutations: Int = 128, bands: Int = 16, rowsPerBand: Int = 4, shingleSize: Int = 5) {
            precondition(permutations > 0 && bands > 0 && rowsPerBand > 0 && bands * rowsPerBand <= permutations,
                         "bands × rowsPerBand must not exceed permutations")
            self.permutations = permutations; self.bands = bands; self.rowsPerBand = rowsPerBand
            self.shingleSize = max(1, shingleSize)
        }
    }

    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// The signature of a posting from the normalized words of `title + "\n" + description`
    /// (FrenchText's folded tokens, or `Dedup.tokens`). Title and company are tokenized here with
    /// `Dedup.tokens` (they are short).
    public func signature(for posting: Posting, tokens: [String]) -> DedupSignature {
        signature(for: posting, chained: Dedup.fnv1a64(tokens: tokens), tokenHashes: tokens.map { Dedup.fnv1a64($0) })
    }

    /// The signature of a posting tokenized with `Dedup.tokens`: the same value as
    /// `signature(for:tokens:)` with those tokens, without building them (`FoldedTokenHasher`).
    public func signature(for posting: Posting) -> DedupSignature {
        var words = FoldedTokenHasher(capacity: posting.description.utf8.count / 6)
        words.add(posting.title)
        words.add(posting.description)
        return signature(for: posting, chained: words.chained, tokenHashes: words.hashes)
    }

    /// From the text's words as `Dedup.fnv1a64(tokens:)` (`chained`) and one `Dedup.fnv1a64` per
    /// word; title and company are tokenized here (they are short).
    private func signature(for posting: Posting, chained: UInt64, tokenHashes: [UInt64]) -> DedupSignature {
        var exact = (chained ^ 0x1E) &* Dedup.fnvPrime
        exact = Dedup.fnv1a64(tokens: Dedup.tokens(posting.company ?? ""), seed: exact)
        let title = Dedup.normalizedTitle(Dedup.tokens(posting.title))
        let titleKey = title.isEmpty ? 0 : Dedup.fnv1a64(tokens: title)
        return DedupSignature(exactKey: exact, titleKey: titleKey, minHash: minHash(tokenHashes: tokenHashes),
                              bandCount: configuration.bands, rowsPerBand: configuration.rowsPerBand)
    }

    /// MinHash over word shingles. Each shingle is hashed once to 64 bits; the k hash functions are
    /// derived as a + i·b from two mixes of it (Kirsch–Mitzenmacher), keeping the high 32 bits.
    public func minHash(_ tokens: [String]) -> [UInt32] {
        minHash(tokenHashes: tokens.map { Dedup.fnv1a64($0) })
    }

    /// MinHash from the FNV-1a hashes of the words (`Dedup.fnv1a64` of each).
    func minHash(tokenHashes: [UInt64]) -> [UInt32] {
        guard !tokenHashes.isEmpty else { return [] }
        let k = configuration.permutations
        let w = min(configuration.shingleSize, tokenHashes.count)
        if k % 8 == 0 { return minHash8(tokenHashes: tokenHashes, shingle: w) }
        var mins = [UInt32](repeating: .max, count: k)
        mins.withUnsafeMutableBufferPointer { m in
            tokenHashes.withUnsafeBufferPointer { th in
                for start in 0...(th.count - w) {
                    let (a, b) = Self.shingleHashes(th, start: start, width: w)
                    var v = a
                    for i in 0..<k {
                        let h = UInt32(truncatingIfNeeded: v >> 32)
                        if h < m[i] { m[i] = h }
                        v = v &+ b
                    }
                }
            }
        }
        return mins
    }

    /// The two mixes of the shingle of `width` words at `start`: function i hashes it to the
    /// high half of a + i·b.
    @inline(__always)
    static func shingleHashes(_ th: UnsafeBufferPointer<UInt64>, start: Int, width: Int) -> (a: UInt64, b: UInt64) {
        var x: UInt64 = Dedup.fnvOffset
        for j in start..<(start + width) { x = Dedup.mix(x ^ th[j]) }
        let a = Dedup.mix(x)
        return (a, Dedup.mix(a ^ 0x5851_F42D_4C95_7F2D) | 1)
    }

    /// `minHash(tokenHashes:)` eight hash functions at a time (SIMD lanes), when the number of
    /// functions is a multiple of 8: the same values, a third of the time (the sketch was the
    /// largest cost of the ingest's parallel stage after classification).
    private func minHash8(tokenHashes: [UInt64], shingle w: Int) -> [UInt32] {
        let k = configuration.permutations
        var mins = [SIMD8<UInt32>](repeating: SIMD8(repeating: .max), count: k / 8)
        let lanes = SIMD8<UInt64>(0, 1, 2, 3, 4, 5, 6, 7)
        mins.withUnsafeMutableBufferPointer { m in
            tokenHashes.withUnsafeBufferPointer { th in
                for start in 0...(th.count - w) {
                    let (a, b) = Self.shingleHashes(th, start: start, width: w)
                    // Function i hashes to the high half of a + i·b.
                    var v = SIMD8(repeating: a) &+ lanes &* SIMD8(repeating: b)
                    let step = SIMD8<UInt64>(repeating: b &* 8)
                    for g in 0..<m.count {
                        m[g] = pointwiseMin(m[g], SIMD8<UInt32>(truncatingIfNeeded: v &>> 32))
                        v &+= step
                    }
                }
            }
        }
        var out = [UInt32]()
        out.reserveCapacity(k)
        for g in mins { for lane in 0..<8 { out.append(g[lane]) } }
        return out
    }
}
