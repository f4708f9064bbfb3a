import Synchronization

/// What the tokenizer derives from a folded key of up to 16 bytes — stop-word flags, light stem
/// and vocabulary id — remembered for the keys met last, so that the frequent words of a text
/// (`de`, `vous`, `données`, `projet`…) skip the stop-word, stemming and vocabulary look-ups.
///
/// Direct-mapped: 2,048 entries of 40 bytes (80 KB: faster than 20 or 40 KB on the shared
/// postings, level with 160 KB); a key replaces whatever shared its slot. Entries are valid for
/// one vocabulary (`WordTable.identity`).
/// Sendable because a buffer never shares its memo: the tokenizer gives a copied buffer its own.
final class WordCache: @unchecked Sendable {
    struct Entry {
        var k0: UInt64 = 0, k1: UInt64 = 0
        var s0: UInt64 = 0, s1: UInt64 = 0
        /// Key length (bits 0–7, 0 = empty), stem length (8–15), token flags (16–31), word id + 1 (32–63).
        var meta: UInt64 = 0
    }
    static let bits = 11
    let entries: UnsafeMutablePointer<Entry>
    let vocabulary: UInt64

    init(vocabulary: UInt64) {
        self.vocabulary = vocabulary
        entries = .allocate(capacity: 1 << Self.bits)
        entries.initialize(repeating: Entry(), count: 1 << Self.bits)
    }

    deinit { entries.deallocate() }

    @inline(__always) static func slot(_ k0: UInt64, _ k1: UInt64, _ n: Int) -> Int {
        let h = (k0 &* 0x9E3779B97F4A7C15) ^ ((k1 &+ UInt64(truncatingIfNeeded: n)) &* 0xC2B2AE3D27D4EB4F)
        return Int(truncatingIfNeeded: h >> UInt64(64 - bits))
    }
}

/// Identities of vocabularies, so that a cache filled with one is not read with another.
let vocabularyIdentities = Atomic<UInt64>(1)
