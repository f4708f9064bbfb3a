/// Windows-1252 decoding (spreadsheets saved "CSV (Windows)" in France): 0x80–0x9F hold
/// `€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ`, the rest is Latin-1.
enum CP1252 {
    /// 0x80…0x9F; nil for the five undefined bytes.
    static let high: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]

    /// True when every byte is defined in Windows-1252.
    static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { $0 < 0x80 || $0 > 0x9F || high[Int($0 - 0x80)] != nil }
    }

    static func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var s = String.UnicodeScalarView()
        for b in bytes {
            if b >= 0x80 && b <= 0x9F { s.append(high[Int(b - 0x80)] ?? "\u{FFFD}") }
            else { s.append(Unicode.Scalar(b)) }
        }
        return String(s)
    }
}
