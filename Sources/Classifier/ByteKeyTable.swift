/// FNV-1a, 64 bits: a stable hash for byte strings (Swift's `Hasher` is seeded per process).
@inline(__always) func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf29ce484222325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
    return h
}

/// Open-addressing map from byte strings (word stems) to dense ids, built once, read by every
/// thread without locks.
struct ByteKeyTable: Sendable {
    private var slots: [Int32]        // id + 1, 0 = empty
    private var hashes: [UInt64]
    private var keyStart: [Int32] = []
    private var keyEnd: [Int32] = []
    private var arena: [UInt8] = []
    private var mask: Int
    private(set) var count = 0
    /// 65,536-bit filter on the hashes (8 KB, stays in L1): most words of a posting are not in the
    /// taxonomy, and the filter answers "absent" for them without touching the table.
    private var filter = [UInt64](repeating: 0, count: 1024)

    @inline(__always) static func filterBit(_ h: UInt64) -> (Int, UInt64) {
        let b = Int(truncatingIfNeeded: h >> 48)
        return (b >> 6, 1 << UInt64(b & 63))
    }

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        hashes = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// The id of `key`, inserting it when new.
    mutating func intern(_ key: [UInt8]) -> Int32 {
        if let id = key.withUnsafeBufferPointer({ lookup($0) }) { return id }
        if (count + 1) * 2 > slots.count { grow() }
        let id = Int32(count)
        keyStart.append(Int32(arena.count)); arena.append(contentsOf: key); keyEnd.append(Int32(arena.count))
        count += 1
        let h = key.withUnsafeBufferPointer { fnv1a($0) }
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
            let h = arena[Int(keyStart[id])..<Int(keyEnd[id])].withUnsafeBufferPointer { fnv1a($0) }
            place(id: Int32(id), hash: h)
        }
    }

    /// The id of `key`, or nil.
    @inline(__always) func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let h = fnv1a(key)
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

    func key(_ id: Int32) -> String {
        String(decoding: arena[Int(keyStart[Int(id)])..<Int(keyEnd[Int(id)])], as: UTF8.self)
    }
}

/// Open-addressing map from (state, term) pairs to trie states.
struct TransitionTable: Sendable {
    private var keys: [UInt64]   // key + 1, 0 = empty
    private var values: [Int32]
    private var mask: Int
    private var count = 0

    init() { keys = [UInt64](repeating: 0, count: 1024); values = [Int32](repeating: 0, count: 1024); mask = 1023 }

    @inline(__always) static func key(_ state: Int32, _ term: Int32) -> UInt64 {
        (UInt64(UInt32(bitPattern: state)) << 32 | UInt64(UInt32(bitPattern: term))) &+ 1
    }

    @inline(__always) static func slot(_ k: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (k &* 0x9E3779B97F4A7C15) >> 20) & mask
    }

    @inline(__always) func next(_ state: Int32, _ term: Int32) -> Int32? {
        let k = Self.key(state, term)
        var i = Self.slot(k, mask)
        while true {
            let stored = keys[i]
            if stored == k { return values[i] }
            if stored == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    mutating func set(_ state: Int32, _ term: Int32, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let k = Self.key(state, term)
        var i = Self.slot(k, mask)
        while keys[i] != 0 && keys[i] != k { i = (i + 1) & mask }
        if keys[i] == 0 { count += 1 }
        keys[i] = k; values[i] = value
    }

    private mutating func grow() {
        let oldK = keys, oldV = values
        let size = keys.count * 2
        keys = [UInt64](repeating: 0, count: size); values = [Int32](repeating: 0, count: size); mask = size - 1
        for (j, k) in oldK.enumerated() where k != 0 {
            var i = Self.slot(k, mask)
            while keys[i] != 0 { i = (i + 1) & mask }
            keys[i] = k; values[i] = oldV[j]
        }
    }
}
