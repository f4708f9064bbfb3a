import Records

/// Title-only mappings already computed on one thread, keyed by the title's UTF-8 bytes.
///
/// The same titles come back often (46 % of the shared postings repeat one). A `[String: …]`
/// dictionary hashed and compared titles through Unicode normalization (3–4 % of the
/// classifier on accented titles); byte equality is enough for a cache: two spellings of one
/// title that differ only in normalization are computed once each.
struct TitleCache {
    /// Open addressing: the hash of each slot's title (0 = empty) and its entry's index.
    private var hashes: [UInt64] = []
    private var entries: [Int32] = []
    /// Titles and mappings, in the order they were met (grown as needed, not allocated up front:
    /// a table sized for the limit cost 5 MB of page faults per thread).
    private var titles: [String] = []
    private var titleHashes: [UInt64] = []
    private var values: [NormalizedTitle] = []
    private var mask = 0
    var count: Int { titles.count }
    /// Emptied when it holds this many titles.
    let limit: Int

    init(limit: Int = 20_000) { self.limit = limit }

    /// The cached mapping of `title`, or the result of `compute`, which is then cached.
    mutating func value(for title: String, compute: (String) -> NormalizedTitle) -> NormalizedTitle {
        if hashes.isEmpty { resize(1024) }
        let h = Self.hash(title) | 1
        var i = Int(truncatingIfNeeded: h) & mask
        while hashes[i] != 0 {
            if hashes[i] == h && Self.sameBytes(titles[Int(entries[i])], title) { return values[Int(entries[i])] }
            i = (i + 1) & mask
        }
        let value = compute(title)
        if count >= limit {
            titles.removeAll(keepingCapacity: true); titleHashes.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
            resize(mask + 1)
        } else if (count + 1) * 2 > mask + 1 {
            resize((mask + 1) * 2)
        }
        i = Int(truncatingIfNeeded: h) & mask
        while hashes[i] != 0 { i = (i + 1) & mask }
        hashes[i] = h; entries[i] = Int32(count)
        titles.append(title); titleHashes.append(h); values.append(value)
        return value
    }

    /// `size` slots (a power of two), filled again from the entries kept.
    private mutating func resize(_ size: Int) {
        hashes = [UInt64](repeating: 0, count: size)
        entries = [Int32](repeating: 0, count: size)
        mask = size - 1
        for (k, h) in titleHashes.enumerated() {
            var i = Int(truncatingIfNeeded: h) & mask
            while hashes[i] != 0 { i = (i + 1) & mask }
            hashes[i] = h; entries[i] = Int32(k)
        }
    }

    static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b // native strings: no copy, only contiguous access
        return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && x.elementsEqual(y) } }
    }

    /// A fast non-cryptographic hash of the UTF-8 bytes (titles come from postings, but a
    /// collision only costs a comparison).
    static func hash(_ s: String) -> UInt64 {
        var s = s
        return s.withUTF8 { bytes in
            var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(truncatingIfNeeded: bytes.count)
            @inline(__always) func mix(_ v: UInt64) {
                h = (h ^ v) &* 0x9E37_79B9_7F4A_7C15
                h ^= h >> 32
            }
            var i = 0
            let n = bytes.count
            let raw = UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!)
            while i + 8 <= n { mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))); i += 8 }
            var tail: UInt64 = 0, shift: UInt64 = 0
            while i < n { tail |= UInt64(bytes[i]) << shift; shift += 8; i += 1 }
            mix(tail)
            return h ^ (h >> 29)
        }
    }
}
