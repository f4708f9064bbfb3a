/// What deduplication needs to know about one posting, computed once by the Dedup module and
/// kept by the store: an exact-content key, a normalized-title key and a MinHash sketch.
///
/// It lives in Records so that the store can compare signatures without depending on Dedup.
/// All hashes are stable across runs and machines (no seeded `Hasher`), so stored signatures
/// stay comparable with new ones.
public struct DedupSignature: Sendable, Hashable, Codable {
    /// Hash of the normalized title, description and company.
    public var exactKey: UInt64
    /// Hash of the normalized title with gender markers removed (`H/F`), 0 when the title is empty.
    public var titleKey: UInt64
    /// One minimum per hash function over the text's word shingles; empty when the text has no
    /// words (such a posting can only be an exact duplicate).
    public var minHash: [UInt32]
    /// Number of LSH bands, taken from the start of the sketch.
    public var bandCount: Int
    /// Rows (sketch slots) per LSH band; `bandCount × rowsPerBand ≤ minHash.count`.
    public var rowsPerBand: Int

    public init(exactKey: UInt64, titleKey: UInt64, minHash: [UInt32], bandCount: Int, rowsPerBand: Int) {
        self.exactKey = exactKey; self.titleKey = titleKey; self.minHash = minHash
        self.rowsPerBand = max(1, rowsPerBand)
        self.bandCount = max(0, bandCount)
    }

    /// Estimated Jaccard similarity of the two texts' shingle sets: the share of equal MinHash
    /// slots. 0 when either sketch is empty or the sketches differ in size.
    public func similarity(to other: DedupSignature) -> Double {
        let n = minHash.count
        guard n > 0, n == other.minHash.count else { return 0 }
        var equal = 0
        minHash.withUnsafeBufferPointer { a in
            other.minHash.withUnsafeBufferPointer { b in
                for i in 0..<n where a[i] == b[i] { equal += 1 }
            }
        }
        return Double(equal) / Double(n)
    }

    /// One hash per LSH band (FNV-1a over the band's rows). Two postings sharing any
    /// `(band index, hash)` pair are candidates for the similarity check.
    public var bands: [UInt64] {
        let count = min(bandCount, minHash.count / rowsPerBand)
        var result: [UInt64] = []
        result.reserveCapacity(count)
        for b in 0..<count {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for r in 0..<rowsPerBand {
                var v = minHash[b * rowsPerBand + r]
                for _ in 0..<4 {
                    h = (h ^ UInt64(v & 0xFF)) &* 0x0000_0100_0000_01B3
                    v >>= 8
                }
            }
            result.append(h)
        }
        return result
    }

    /// The MinHash sketch as little-endian bytes, for storage in a BLOB column.
    public var minHashBytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(minHash.count * 4)
        for v in minHash {
            bytes.append(UInt8(v & 0xFF)); bytes.append(UInt8((v >> 8) & 0xFF))
            bytes.append(UInt8((v >> 16) & 0xFF)); bytes.append(UInt8(v >> 24))
        }
        return bytes
    }

    /// Decodes a sketch written by `minHashBytes`.
    public static func minHash(fromBytes bytes: some Collection<UInt8>) -> [UInt32] {
        let b = Array(bytes)
        var result: [UInt32] = []
        result.reserveCapacity(b.count / 4)
        var i = 0
        while i + 3 < b.count {
            result.append(UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24)
            i += 4
        }
        return result
    }
}
