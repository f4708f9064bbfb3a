/// A set of short byte strings with an allocation-free lookup: keys up to 8 bytes are packed
/// into one integer. Used on every token, so it must not allocate.
struct ShortKeySet: Sendable {
    private var packed: Set<UInt64> = []
    private var long: Set<[UInt8]> = []

    init<S: Sequence>(_ words: S) where S.Element == String {
        for w in words {
            let b = Array(w.utf8)
            if let p = Self.pack(b) { packed.insert(p) } else { long.insert(b) }
        }
    }

    @inline(__always) static func pack<C: Collection>(_ key: C) -> UInt64? where C.Element == UInt8 {
        guard key.count <= 8 else { return nil }
        var v: UInt64 = 0
        for b in key { v = v << 8 | UInt64(b) }
        return v // folded keys hold no zero byte, so the packing is unambiguous
    }

    @inline(__always) func contains<C: Collection>(_ key: C) -> Bool where C.Element == UInt8 {
        if let p = Self.pack(key) { return packed.contains(p) }
        return long.contains(Array(key))
    }
}
