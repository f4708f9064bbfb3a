extension String {
    /// A string made of `scalars`, encoded straight to UTF-8 (appending to a
    /// `String.UnicodeScalarView` one scalar at a time is several times slower). Inlinable, so
    /// that it is specialized for the caller's sequence type.
    @inlinable public init(scalars: some Sequence<Unicode.Scalar>) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.underestimatedCount)
        for c in scalars {
            let v = c.value
            switch v {
            case 0..<0x80:
                bytes.append(UInt8(v))
            case 0x80..<0x800:
                bytes.append(UInt8(0xC0 | v >> 6)); bytes.append(UInt8(0x80 | v & 0x3F))
            case 0x800..<0x10000:
                bytes.append(UInt8(0xE0 | v >> 12)); bytes.append(UInt8(0x80 | (v >> 6) & 0x3F))
                bytes.append(UInt8(0x80 | v & 0x3F))
            default:
                bytes.append(UInt8(0xF0 | v >> 18)); bytes.append(UInt8(0x80 | (v >> 12) & 0x3F))
                bytes.append(UInt8(0x80 | (v >> 6) & 0x3F)); bytes.append(UInt8(0x80 | v & 0x3F))
            }
        }
        self = String(decoding: bytes, as: UTF8.self)
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
