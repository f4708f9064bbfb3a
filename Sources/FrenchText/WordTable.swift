/// Open-addressing map from byte strings (word stems) to dense ids, built once, read by every
/// thread without locks. Given to a `Tokenizer`, it numbers each token's stem while tokenizing.
///
/// Each slot holds the key's first 16 bytes, its length and its id side by side, so that a
/// look-up reads one slot, not a hash, an id, two bounds and the key from five arrays (that
/// chain of cache misses was 11 % of the classifier). Keys longer than 16 bytes compare their
/// tail with a copy kept in `arena`.
public struct WordTable: Sendable {
    struct Slot {
        var k0: UInt64 = 0
        var k1: UInt64 = 0
        /// id + 1 in the low 32 bits (0 = empty), key length in the high 32 bits.
        var meta: UInt64 = 0
    }
    private var slots: [Slot]
    private var mask: Int
    private var keyStart: [Int32] = []
    private var keyEnd: [Int32] = []
    private var arena: [UInt8] = []
    /// Number of distinct words; ids run from 0 to `count - 1`.
    public private(set) var count = 0
    /// Changes with every word added: what a `WordCache` remembers holds for one identity.
    private(set) var identity = vocabularyIdentities.add(1, ordering: .relaxed).newValue
    /// 65,536-bit filter on the hashes (8 KB, stays in L1): most words of a posting are not in the
    /// taxonomy, and the filter answers "absent" for them without touching the table.
    private var filter = [UInt64](repeating: 0, count: 1024)

    @inline(__always) static func filterBit(_ h: UInt64) -> (Int, UInt64) {
        let b = Int(truncatingIfNeeded: h >> 48)
        return (b >> 6, 1 << UInt64(b & 63))
    }

    /// An empty table sized for about `capacity` words (it grows past that).
    public init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(), count: size)
        mask = size - 1
    }

    /// The id of `key`, inserting it when new.
    public mutating func intern(_ key: [UInt8]) -> Int32 {
        if let id = key.withUnsafeBufferPointer({ lookup($0) }) { return id }
        if (count + 1) * 2 > slots.count { grow() }
        let id = Int32(count)
        keyStart.append(Int32(arena.count)); arena.append(contentsOf: key); keyEnd.append(Int32(arena.count))
        count += 1
        identity = vocabularyIdentities.add(1, ordering: .relaxed).newValue
        place(id: id)
        return id
    }

    private mutating func place(id: Int32) {
        let a = Int(keyStart[Int(id)]), n = Int(keyEnd[Int(id)]) - a
        let (k0, k1) = n == 0 ? (0, 0) : arena.withUnsafeBufferPointer { Self.head($0.baseAddress! + a, n, readable: n) }
        let h = Self.hash(k0, k1, n)
        let (w, bit) = Self.filterBit(h)
        filter[w] |= bit
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i].meta != 0 { i = (i + 1) & mask }
        slots[i] = Slot(k0: k0, k1: k1, meta: UInt64(n) << 32 | UInt64(id + 1))
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Slot](repeating: Slot(), count: size); mask = size - 1
        for id in 0..<count { place(id: Int32(id)) }
    }

    /// The first 16 bytes of a key, zero-padded, as two little-endian words. With at least 16
    /// `readable` bytes they are two loads; otherwise byte by byte.
    @inline(__always) static func head(_ p: UnsafePointer<UInt8>, _ n: Int, readable: Int) -> (UInt64, UInt64) {
        if readable >= 16 {
            let raw = UnsafeRawPointer(p)
            var a = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            var b = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            if n < 8 { a &= (1 << UInt64(8 * n)) &- 1; b = 0 } else if n < 16 { b &= (1 << UInt64(8 * (n - 8))) &- 1 }
            return (a, b)
        }
        var a: UInt64 = 0, b: UInt64 = 0
        for k in 0..<min(n, 8) { a |= UInt64(p[k]) << UInt64(8 * k) }
        if n > 8 { for k in 8..<min(n, 16) { b |= UInt64(p[k]) << UInt64(8 * (k - 8)) } }
        return (a, b)
    }

    @inline(__always) static func hash(_ k0: UInt64, _ k1: UInt64, _ n: Int) -> UInt64 {
        var h = k0 &* 0x9E3779B97F4A7C15 ^ (k1 &+ UInt64(truncatingIfNeeded: n)) &* 0xC2B2AE3D27D4EB4F
        h ^= h >> 29
        h = h &* 0xFF51AFD7ED558CCD
        return h ^ (h >> 32)
    }

    /// The id of `key`, or nil. `readable`: bytes that may be read from the key's start (at
    /// least its length; with 16 or more the key's head is read in two loads).
    @inline(__always) public func lookup(_ key: UnsafeBufferPointer<UInt8>, readable: Int? = nil) -> Int32? {
        let n = key.count
        // The empty key is a key like the others (it has no bytes to read).
        let p = key.baseAddress ?? UnsafePointer(bitPattern: 1)!
        let (k0, k1) = n == 0 ? (0, 0) : Self.head(p, n, readable: readable ?? n)
        let h = Self.hash(k0, k1, n)
        let (w, bit) = Self.filterBit(h)
        if filter.withUnsafeBufferPointer({ $0[w] }) & bit == 0 { return nil }
        let meta = UInt64(n) << 32
        return slots.withUnsafeBufferPointer { slots -> Int32? in
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                let s = slots[i]
                if s.meta == 0 { return nil }
                if s.k0 == k0, s.k1 == k1, s.meta & 0xFFFF_FFFF_0000_0000 == meta {
                    let id = Int32(truncatingIfNeeded: s.meta) - 1
                    if n <= 16 || tailMatches(id, p, n) { return id }
                }
                i = (i + 1) & mask
            }
        }
    }

    /// Whether bytes 16..<n of a key equal those of word `id` (same length).
    private func tailMatches(_ id: Int32, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let a = Int(keyStart[Int(id)])
        return arena.withUnsafeBufferPointer { arena in
            for k in 16..<n where arena[a + k] != p[k] { return false }
            return true
        }
    }

    /// The word of an id (diagnostics).
    public func key(_ id: Int32) -> String {
        String(decoding: arena[Int(keyStart[Int(id)])..<Int(keyEnd[Int(id)])], as: UTF8.self)
    }
}
