/// A set of short byte strings with an allocation-free, hash-free lookup: keys up to 8 bytes
/// are packed into one integer and found in a small open-addressing table. Used on every token,
/// so it must not allocate or go through `Hasher`.
struct ShortKeySet: Sendable {
    private var table: [UInt64]
    private var mask: Int
    private var long: Set<[UInt8]> = []
    /// First 8 bytes of the long keys: a cheap filter before the exact comparison.
    private var longPrefixes: [UInt64] = []

    init<S: Sequence>(_ words: S) where S.Element == String {
        let list = Array(words)
        var size = 16
        while size < list.count * 4 { size <<= 1 }
        table = [UInt64](repeating: 0, count: size)
        mask = size - 1
        for w in list {
            let b = Array(w.utf8)
            if let p = Self.pack(b) {
                var i = Self.slot(p, mask)
                while table[i] != 0 && table[i] != p { i = (i + 1) & mask }
                table[i] = p
            } else { long.insert(b); longPrefixes.append(Self.pack(b.prefix(8))!) }
        }
    }

    @inline(__always) static func slot(_ p: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (p &* 0x9E3779B97F4A7C15) >> 40) & mask
    }

    /// Folded keys hold no zero byte, so packing up to 8 bytes is unambiguous.
    @inline(__always) static func pack<C: Collection>(_ key: C) -> UInt64? where C.Element == UInt8 {
        guard key.count <= 8, !key.isEmpty else { return nil }
        var v: UInt64 = 0
        for b in key { v = v << 8 | UInt64(b) }
        return v
    }

    /// `pack` of the first `count` (1...8) bytes of a little-endian load.
    @inline(__always) static func pack(littleEndian w: UInt64, count: Int) -> UInt64 {
        w.byteSwapped >> UInt64(64 - 8 * count)
    }

    /// Whether the key packed by `pack` (at most 8 bytes) is in the set.
    @inline(__always) func contains(packed p: UInt64) -> Bool {
        var i = Self.slot(p, mask)
        while true {
            let v = table[i]
            if v == p { return true }
            if v == 0 { return false }
            i = (i + 1) & mask
        }
    }

    @inline(__always) func contains<C: Collection>(_ key: C) -> Bool where C.Element == UInt8 {
        guard let p = Self.pack(key) else {
            guard key.count > 8, let prefix = Self.pack(key.prefix(8)), longPrefixes.contains(prefix) else { return false }
            return long.contains(Array(key))
        }
        return contains(packed: p)
    }
}
