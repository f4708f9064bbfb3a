import Synchronization

/// What the tokenizer derives from a folded key of up to 16 bytes — stop-word flags, light stem
/// and vocabulary id — remembered for the keys met last, so that the frequent words of a text
/// (`de`, `vous`, `données`, `projet`…) skip the stop-word, stemming and vocabulary look-ups.
///
/// Direct-mapped; a key replaces whatever shared its slot. A buffer's first memo has 2,048
/// entries (64 KB: a text alone does not pay for more); a buffer that many long texts go through
/// gets 4,096 (128 KB): 85 % of the words of the shared postings found instead of 79 %, +6 % in
/// memory (8,192 entries were level with 4,096 and twice the memory). A look-up reads one 32-byte, aligned entry (key, lengths,
/// flags, id: never across two cache lines); the stems sit in a table of their own, read only
/// by tokenizers that keep stems (`Tokenizer.keepsStems`) and always written, so that a memo
/// serves both kinds of tokenizer. Entries are valid for one vocabulary (`WordTable.identity`).
/// Sendable because a buffer never shares its memo: the tokenizer gives a copied buffer its own.
final class WordCache: @unchecked Sendable {
    static let smallBits = 11, largeBits = 12
    /// Log2 of the number of entries.
    let bits: Int
    let vocabulary: UInt64
    private let keys: UnsafeMutablePointer<UInt64>
    private let stems: UnsafeMutablePointer<UInt64>

    init(vocabulary: UInt64, bits: Int = WordCache.smallBits) {
        self.vocabulary = vocabulary
        self.bits = bits
        let raw = UnsafeMutableRawPointer.allocate(byteCount: 32 << bits, alignment: 64)
        keys = raw.initializeMemory(as: UInt64.self, repeating: 0, count: 4 << bits)
        stems = .allocate(capacity: 2 << bits)
        stems.initialize(repeating: 0, count: 2 << bits)
    }

    deinit { UnsafeMutableRawPointer(keys).deallocate(); stems.deallocate() }

    /// The memo's memory, for the scanner to hold (holding the object retained and released it
    /// on every word).
    var memory: Memory { Memory(keys: keys, stems: stems, shift: UInt64(64 - bits)) }

    struct Memory {
        /// Per entry: `k0, k1, meta`, one unused word. Meta: key length (bits 0–7, 0 = empty),
        /// stem length (8–15), token flags (16–31), word id + 1 (32–63).
        let keys: UnsafeMutablePointer<UInt64>
        /// Per entry: the stem's two words.
        let stems: UnsafeMutablePointer<UInt64>
        /// 64 − log2(entries): the hash's top bits pick the entry.
        let shift: UInt64

        @inline(__always) func slot(_ k0: UInt64, _ k1: UInt64, _ n: Int) -> Int {
            let h = (k0 &* 0x9E3779B97F4A7C15) ^ ((k1 &+ UInt64(truncatingIfNeeded: n)) &* 0xC2B2AE3D27D4EB4F)
            return Int(truncatingIfNeeded: h >> shift)
        }

        /// The meta word of a key's entry, or nil when the key is not there.
        @inline(__always) func meta(_ slot: Int, _ k0: UInt64, _ k1: UInt64, _ n: Int) -> UInt64? {
            let p = keys + 4 * slot
            let meta = p[2]
            return meta & 0xFF == UInt64(n) && p[0] == k0 && p[1] == k1 ? meta : nil
        }

        @inline(__always) func stem(_ slot: Int) -> (UInt64, UInt64) { (stems[2 * slot], stems[2 * slot + 1]) }

        @inline(__always) func store(_ slot: Int, k0: UInt64, k1: UInt64, meta: UInt64, s0: UInt64, s1: UInt64) {
            let p = keys + 4 * slot
            p[0] = k0; p[1] = k1; p[2] = meta
            stems[2 * slot] = s0; stems[2 * slot + 1] = s1
        }
    }
}

/// Identities of vocabularies, so that a cache filled with one is not read with another.
let vocabularyIdentities = Atomic<UInt64>(1)
