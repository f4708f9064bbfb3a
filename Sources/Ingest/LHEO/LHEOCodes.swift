import Records

/// Validation and normalization of the codes and values an LHEO offer carries. Each function
/// returns nil for a value that is not valid, so that the reader drops it with a warning.
enum LHEOCodes {
    /// Formacode: exactly 5 digits.
    static func formacode(_ s: String) -> String? {
        let v = s.lheoTrimmed
        return v.utf8.count == 5 && v.utf8.allSatisfy(isDigit) ? v : nil
    }

    /// ROME: one letter and 4 digits (`M1805`); the letter is upper-cased.
    static func rome(_ s: String) -> String? {
        let v = s.lheoTrimmed.uppercased()
        let u = Array(v.utf8)
        guard u.count == 5, u[0] >= 0x41 && u[0] <= 0x5A, u[1...].allSatisfy(isDigit) else { return nil }
        return v
    }

    /// NSF: 3 digits, optionally followed by one letter (`326`, `326t`).
    static func nsf(_ s: String) -> String? {
        let v = s.lheoTrimmed
        let u = Array(v.utf8)
        guard u.count == 3 || u.count == 4, u[0..<3].allSatisfy(isDigit) else { return nil }
        if u.count == 4, !((u[3] | 0x20) >= 0x61 && (u[3] | 0x20) <= 0x7A) { return nil }
        return v
    }

    /// RNCP: `RNCP` + digits, or digits alone as LHEO's `code-RNCP` often gives them (`474`);
    /// normalized to `RNCP474`.
    static func rncp(_ s: String) -> String? { prefixed(s, "RNCP") }

    /// Répertoire spécifique: `RS` + digits or digits alone; normalized to `RS7019`.
    static func rs(_ s: String) -> String? { prefixed(s, "RS") }

    /// SIRET: 14 digits once spaces are removed.
    static func siret(_ s: String) -> String? {
        let v = String(s.unicodeScalars.filter { $0 != " " && $0 != "\u{A0}" && $0 != "\t" })
        return v.utf8.count == 14 && v.utf8.allSatisfy(isDigit) ? v : nil
    }

    /// LHEO dates are `AAAAMMJJ` (`20150901`); `00000000` and `99999999` mean unknown. ISO
    /// `AAAA-MM-JJ` is accepted too.
    static func day(_ s: String) -> Day? {
        let v = s.lheoTrimmed
        let u = Array(v.utf8)
        if u.count == 8, u.allSatisfy(isDigit) {
            func num(_ r: Range<Int>) -> Int { r.reduce(0) { $0 * 10 + Int(u[$1] - 48) } }
            return Day(year: num(0..<4), month: num(4..<6), day: num(6..<8))
        }
        return Day(iso: v)
    }

    /// A whole number of hours: `59`, `59 heures`, `59 h`, `59h30` (minutes dropped); nil for
    /// other units (`2 ans`).
    static func hours(_ s: String) -> Int? {
        let v = s.lheoTrimmed.lowercased()
        let digits = v.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 6, let n = Int(digits) else { return nil }
        let rest = String(v.dropFirst(digits.count)).lheoTrimmed
        if rest.isEmpty || rest.hasPrefix("h") { return n }
        return nil
    }

    private static func prefixed(_ s: String, _ prefix: String) -> String? {
        var v = s.lheoTrimmed.uppercased()
        v = String(v.unicodeScalars.filter { $0 != " " })
        if v.hasPrefix(prefix) { v.removeFirst(prefix.count) }
        guard !v.isEmpty, v.utf8.count <= 10, v.utf8.allSatisfy(isDigit) else { return nil }
        return prefix + v
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}

extension String {
    /// Without leading and trailing white space (spaces, tabs, line breaks, no-break spaces).
    /// Works on UTF-8 bytes and copies once: it runs on every field of every offer.
    var lheoTrimmed: String {
        let u = utf8
        var start = u.startIndex, end = u.endIndex
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        while start < end {
            let b = u[start]
            if isSpace(b) { start = u.index(after: start); continue }
            // U+00A0 is C2 A0.
            if b == 0xC2, u.index(after: start) < end, u[u.index(after: start)] == 0xA0 {
                start = u.index(start, offsetBy: 2); continue
            }
            break
        }
        while start < end {
            let last = u.index(before: end)
            let b = u[last]
            if isSpace(b) { end = last; continue }
            if b == 0xA0, last > start, u[u.index(before: last)] == 0xC2 { end = u.index(before: last); continue }
            break
        }
        return String(self[start..<end])
    }
}
