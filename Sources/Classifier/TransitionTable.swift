/// Open-addressing map from (state, term) pairs to trie states.
///
/// A key and its value share a 16-byte slot: a look-up that finds its key reads one cache line,
/// not one in a key array and another in a value array (the second miss was a third of the
/// probe's cost in the matcher).
struct TransitionTable: Sendable {
    struct Slot {
        /// key + 1, 0 = empty.
        var key: UInt64 = 0
        var value: Int32 = 0
    }
    private var slots: [Slot]
    private var mask: Int
    private var count = 0

    init() { slots = [Slot](repeating: Slot(), count: 1024); mask = 1023 }

    @inline(__always) static func key(_ state: Int32, _ term: Int32) -> UInt64 {
        (UInt64(UInt32(bitPattern: state)) << 32 | UInt64(UInt32(bitPattern: term))) &+ 1
    }

    @inline(__always) static func slot(_ k: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (k &* 0x9E3779B97F4A7C15) >> 20) & mask
    }

    @inline(__always) func next(_ state: Int32, _ term: Int32) -> Int32? {
        let k = Self.key(state, term)
        return slots.withUnsafeBufferPointer { slots in
            var i = Self.slot(k, mask)
            while true {
                let stored = slots[i].key
                if stored == k { return slots[i].value }
                if stored == 0 { return nil }
                i = (i + 1) & mask
            }
        }
    }

    mutating func set(_ state: Int32, _ term: Int32, _ value: Int32) {
        if (count + 1) * 2 > slots.count { grow() }
        let k = Self.key(state, term)
        var i = Self.slot(k, mask)
        while slots[i].key != 0 && slots[i].key != k { i = (i + 1) & mask }
        if slots[i].key == 0 { count += 1 }
        slots[i] = Slot(key: k, value: value)
    }

    private mutating func grow() {
        let old = slots
        let size = slots.count * 2
        slots = [Slot](repeating: Slot(), count: size); mask = size - 1
        for s in old where s.key != 0 {
            var i = Self.slot(s.key, mask)
            while slots[i].key != 0 { i = (i + 1) & mask }
            slots[i] = s
        }
    }
}
