/// A fast hash for short byte strings, 8 bytes at a time (FNV-1a goes byte by byte, a multiply
/// each, and was the largest cost of looking words up). `readable` is how many bytes may be read
/// from `p` (at least `n`): with 8 or more past a word's tail, the tail is read in one load.
@inline(__always) func wordHash(_ p: UnsafePointer<UInt8>, _ n: Int, readable: Int) -> UInt64 {
    var h = UInt64(truncatingIfNeeded: n) &* 0x9E3779B97F4A7C15
    var k = 0
    while k + 8 <= n {
        let w = UInt64(littleEndian: UnsafeRawPointer(p + k).loadUnaligned(as: UInt64.self))
        h = (h ^ w) &* 0xFF51AFD7ED558CCD
        h ^= h >> 29
        k += 8
    }
    let rest = n - k
    if rest > 0 {
        var w: UInt64
        if k + 8 <= readable {
            w = UInt64(littleEndian: UnsafeRawPointer(p + k).loadUnaligned(as: UInt64.self))
            w &= (1 << UInt64(8 * rest)) &- 1
        } else {
            w = 0
            for b in 0..<rest { w |= UInt64(p[k + b]) << UInt64(8 * b) }
        }
        h = (h ^ w) &* 0xFF51AFD7ED558CCD
        h ^= h >> 29
    }
    return h &* 0xC4CEB9FE1A85EC53
}

/// Open-addressing map from byte strings (word stems) to dense ids, built once, read by every
/// thread without locks. Given to a `Tokenizer`, it numbers each token's stem while tokenizing.
public struct WordTable: Sendable {
    private var slots: [Int32]        // id + 1, 0 = empty
    private var hashes: [UInt64]
    private var keyStart: [Int32] = []
    private var keyEnd: [Int32] = []
    private var arena: [UInt8] = []
    private var mask: Int
    /// Number of distinct words; ids run from 0 to `count - 1`.
    public private(set) var count = 0
    /// 65,536-bit filter on the hashes (8 KB, stays in L1): most words of a posting are not in the
    /// taxonomy, and the filter answers "absent" for them without touching the table.
    private var filter = [UInt64](repeating: 0, count: 1024)

    @inline(__always) static func filterBit(_ h: UInt64) -> (Int, UInt64) {
        let b = Int(truncatingIfNeeded: h >> 48)
        return (b >> 6, 1 << UInt64(b & 63))
    }

    /// An empty table sized for about `capacity` words (it grows past that).
    public init(capacity: Int = 8192) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        hashes = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// The id of `key`, inserting it when new.
    public mutating func intern(_ key: [UInt8]) -> Int32 {
        if let id = key.withUnsafeBufferPointer({ lookup($0) }) { return id }
        if (count + 1) * 2 > slots.count { grow() }
        let id = Int32(count)
        keyStart.append(Int32(arena.count)); arena.append(contentsOf: key); keyEnd.append(Int32(arena.count))
        count += 1
        let h = key.withUnsafeBufferPointer { Self.hash($0) }
        place(id: id, hash: h)
        return id
    }

    private mutating func place(id: Int32, hash h: UInt64) {
        let (w, bit) = Self.filterBit(h)
        filter[w] |= bit
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = id + 1; hashes[i] = h
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: 0, count: size); hashes = [UInt64](repeating: 0, count: size); mask = size - 1
        for id in 0..<count {
            let h = arena[Int(keyStart[id])..<Int(keyEnd[id])].withUnsafeBufferPointer { Self.hash($0) }
            place(id: Int32(id), hash: h)
        }
    }

    @inline(__always) static func hash(_ key: UnsafeBufferPointer<UInt8>, readable: Int? = nil) -> UInt64 {
        guard let p = key.baseAddress, !key.isEmpty else { return 0 }
        return wordHash(p, key.count, readable: readable ?? key.count)
    }

    /// The id of `key`, or nil. `readable`: bytes that may be read from the key's start (see `wordHash`).
    @inline(__always) public func lookup(_ key: UnsafeBufferPointer<UInt8>, readable: Int? = nil) -> Int32? {
        let h = Self.hash(key, readable: readable)
        let (w, bit) = Self.filterBit(h)
        if filter[w] & bit == 0 { return nil }
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s == 0 { return nil }
            if hashes[i] == h {
                let id = Int(s - 1)
                let a = Int(keyStart[id]), b = Int(keyEnd[id])
                if b - a == key.count {
                    var same = true
                    var k = 0
                    while k < key.count { if arena[a + k] != key[k] { same = false; break }; k += 1 }
                    if same { return Int32(id) }
                }
            }
            i = (i + 1) & mask
        }
    }

    /// The word of an id (diagnostics).
    public func key(_ id: Int32) -> String {
        String(decoding: arena[Int(keyStart[Int(id)])..<Int(keyEnd[Int(id)])], as: UTF8.self)
    }
}

