extension String {
    /// A string made of `scalars`, encoded straight to UTF-8 (appending to a
    /// `String.UnicodeScalarView` one scalar at a time is several times slower). Inlinable, so
    /// that it is specialized for the caller's collection type.
    @inlinable public init(scalars: some Collection<Unicode.Scalar>) {
        // Two passes over the scalars (length, then bytes) written into the string's own
        // storage: no intermediate array.
        var length = 0
        for c in scalars {
            let v = c.value
            length += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
        }
        self.init(unsafeUninitializedCapacity: length) { out in
            var i = 0
            for c in scalars {
                let v = c.value
                switch v {
                case 0..<0x80:
                    out[i] = UInt8(v); i += 1
                case 0x80..<0x800:
                    out[i] = UInt8(0xC0 | v >> 6); out[i + 1] = UInt8(0x80 | v & 0x3F); i += 2
                case 0x800..<0x10000:
                    out[i] = UInt8(0xE0 | v >> 12); out[i + 1] = UInt8(0x80 | (v >> 6) & 0x3F)
                    out[i + 2] = UInt8(0x80 | v & 0x3F); i += 3
                default:
                    out[i] = UInt8(0xF0 | v >> 18); out[i + 1] = UInt8(0x80 | (v >> 12) & 0x3F)
                    out[i + 2] = UInt8(0x80 | (v >> 6) & 0x3F); out[i + 3] = UInt8(0x80 | v & 0x3F); i += 4
                }
            }
            return i
        }
    }
}

extension Sequence where Element == Unicode.Scalar {
    /// Whether every scalar is a character of its own: below U+0300 there is no combining mark,
    /// so character-level string work (splits, counts, suffixes) can run on scalars instead,
    /// with the same result (but for "\r\n", one character: callers turn line breaks into
    /// spaces first or split on them). Inlinable, so that it is specialized for the caller's
    /// sequence: called across modules unspecialized, it went through generic witnesses for
    /// every scalar (16 % of a title's normalization).
    @inlinable public var eachIsOwnCharacter: Bool { allSatisfy { $0.value < 0x300 } }
}
