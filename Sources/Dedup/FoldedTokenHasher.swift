import Records

/// The FNV-1a hashes of the folded words of a text, computed without building a `String` per
/// word: the same values as `Dedup.fnv1a64` over `Dedup.tokens(text)`, and the same chained
/// hash as `Dedup.fnv1a64(tokens:)`, in one pass over the scalars (the deduplication signature
/// of every ingested posting runs through here).
struct FoldedTokenHasher {
    /// One hash per word, in order.
    private(set) var hashes: [UInt64] = []
    /// `Dedup.fnv1a64(tokens:)` of the words added so far.
    private(set) var chained: UInt64 = Dedup.fnvOffset
    private var current: UInt64 = Dedup.fnvOffset
    private var inWord = false

    init(capacity: Int = 0) { hashes.reserveCapacity(capacity) }

    /// Latin-1 and Latin Extended-A scalars (U+0080…U+017F) mapped to their folded ASCII bytes
    /// (`é` → `e`, `œ` → `oe`), packed little-endian, 0 when the scalar has no table entry.
    private static let latin: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 0x180)
        for v in 0x80..<0x180 {
            guard let s = Unicode.Scalar(v) else { continue }
            var out = String.UnicodeScalarView()
            guard TextFolding.fold(s, into: &out) else { continue }
            let bytes = Array(String(out).utf8)
            if bytes.count == 1 { table[v] = UInt16(bytes[0]) }
            else if bytes.count == 2, bytes.allSatisfy({ $0 < 0x80 }) { table[v] = UInt16(bytes[0]) | UInt16(bytes[1]) << 8 }
        }
        return table
    }()

    @inline(__always)
    private mutating func feed(byte b: UInt8) {
        current = (current ^ UInt64(b)) &* Dedup.fnvPrime
        chained = (chained ^ UInt64(b)) &* Dedup.fnvPrime
        inWord = true
    }

    /// Closes the current word, if any.
    @inline(__always)
    mutating func endWord() {
        guard inWord else { return }
        hashes.append(current)
        chained = (chained ^ 0x1F) &* Dedup.fnvPrime
        current = Dedup.fnvOffset
        inWord = false
    }

    /// Adds the words of `text`; a word never spans two calls.
    mutating func add(_ text: String) {
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                if v >= 0x61 && v <= 0x7A || v >= 0x30 && v <= 0x39 { feed(byte: UInt8(v)) }
                else if v >= 0x41 && v <= 0x5A { feed(byte: UInt8(v + 32)) }
                else { endWord() }
                continue
            }
            if v < 0x180 {
                let packed = Self.latin[Int(v)]
                if packed != 0 {
                    feed(byte: UInt8(truncatingIfNeeded: packed))
                    if packed > 0xFF { feed(byte: UInt8(packed >> 8)) }
                    continue
                }
            }
            // Rare scalars: the reference folding, then its UTF-8 bytes.
            var out = String.UnicodeScalarView()
            if TextFolding.fold(s, into: &out) {
                for b in String(out).utf8 { feed(byte: b) }
            } else {
                endWord()
            }
        }
        endWord()
    }
}
