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
