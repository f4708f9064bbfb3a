import Records

/// Stable hashing and the fallback tokenizer used by deduplication.
///
/// Hashes are FNV-1a 64 and SplitMix64 finalizers: the same input gives the same value in every
/// process and on every machine, which stored keys require (Swift's `Hasher` is seeded per process).
public enum Dedup {
    /// Lowercased, diacritic-folded words split on every non-alphanumeric character. A fallback for
    /// callers without FrenchText; a database must keep one tokenizer, since keys depend on it.
    public static func tokens(_ text: String) -> [String] {
        TextFolding.words(text)
    }

    /// The title reduced for cross-source comparison: folded words without gender and inclusive
    /// markers (`H/F`, `F/H/X`, `(e)`), so "Data Engineer (H/F)" and "Data engineer - F/H" agree.
    public static func normalizedTitle(_ tokens: [String]) -> [String] {
        tokens.filter { !genderMarkers.contains($0) }
    }

    private static let genderMarkers: Set<String> = [
        "h", "f", "x", "hf", "fh", "hfx", "fhx", "hfnb", "e", "ne", "se", "euse", "rice", "ere",
    ]

    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    /// FNV-1a 64 of the UTF-8 bytes of `s`, continuing from `seed`.
    @inline(__always)
    public static func fnv1a64(_ s: String, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var h = seed
        var copy = s
        copy.withUTF8 { buf in
            for b in buf { h = (h ^ UInt64(b)) &* fnvPrime }
        }
        return h
    }

    /// FNV-1a 64 of a token sequence with a separator byte between tokens, so that
    /// `["ab", "c"]` and `["a", "bc"]` differ.
    public static func fnv1a64(tokens: [String], seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var h = seed
        for t in tokens {
            h = fnv1a64(t, seed: h)
            h = (h ^ 0x1F) &* fnvPrime
        }
        return h
    }

    /// SplitMix64 finalizer: a fast, well-mixing bijection on 64-bit values.
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
