import Records

/// Title-only mappings already computed on one thread, keyed by the title's UTF-8 bytes.
///
/// The same titles come back often (46 % of the shared postings repeat one). A `[String: …]`
/// dictionary hashed and compared titles through Unicode normalization (3–4 % of the
/// classifier on accented titles); byte equality is enough for a cache: two spellings of one
/// title that differ only in normalization are computed once each.
struct TitleCache {
    private var hashes: [UInt64]
    private var titles: [String]
    private var values: [NormalizedTitle]
    private var mask: Int
    private(set) var count = 0
    /// Emptied when it holds this many titles.
    let limit: Int

    init(limit: Int = 20_000) {
        self.limit = limit
        var size = 1024
        while size < limit * 2 { size <<= 1 }
        hashes = []; titles = []; values = []
        mask = size - 1
    }

    private mutating func allocate() {
        hashes = [UInt64](repeating: 0, count: mask + 1)
        titles = [String](repeating: "", count: mask + 1)
        values = [NormalizedTitle](repeating: NormalizedTitle(normalized: ""), count: mask + 1)
    }

    /// The cached mapping of `title`, or the result of `compute`, which is then cached.
    mutating func value(for title: String, compute: (String) -> NormalizedTitle) -> NormalizedTitle {
        if hashes.isEmpty { allocate() }
        // 0 marks an empty slot.
        let h = Self.hash(title) | 1
        var i = Int(truncatingIfNeeded: h) & mask
        while hashes[i] != 0 {
            if hashes[i] == h && Self.sameBytes(titles[i], title) { return values[i] }
            i = (i + 1) & mask
        }
        let value = compute(title)
        if count >= limit {
            for k in 0...mask { hashes[k] = 0; titles[k] = "" }
            count = 0
            i = Int(truncatingIfNeeded: h) & mask
        }
        hashes[i] = h; titles[i] = title; values[i] = value
        count += 1
        return value
    }

    static func sameBytes(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                x.count == y.count && x.elementsEqual(y)
            }
        }
        return (fast ?? nil) ?? a.utf8.elementsEqual(b.utf8)
    }

    /// A fast non-cryptographic hash of the UTF-8 bytes (titles come from postings, but a
    /// collision only costs a comparison).
    static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(truncatingIfNeeded: s.utf8.count)
        @inline(__always) func mix(_ v: UInt64) {
            h = (h ^ v) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 32
        }
        let contiguous: Void? = s.utf8.withContiguousStorageIfAvailable { bytes in
            var i = 0
            let n = bytes.count
            let raw = UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!)
            while i + 8 <= n { mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))); i += 8 }
            var tail: UInt64 = 0, shift: UInt64 = 0
            while i < n { tail |= UInt64(bytes[i]) << shift; shift += 8; i += 1 }
            mix(tail)
        }
        if contiguous == nil {
            // Same words as above, gathered byte by byte.
            var tail: UInt64 = 0, shift: UInt64 = 0
            for b in s.utf8 {
                tail |= UInt64(b) << shift; shift += 8
                if shift == 64 { mix(tail); tail = 0; shift = 0 }
            }
            mix(tail)
        }
        return h ^ (h >> 29)
    }
}
