import Foundation

/// Numbers and durations written the French way: a narrow no-break space between thousands
/// (`12 345`), a decimal comma (`1,25`), and a no-break space before `:` handled by callers.
enum FrenchFormat {
    /// Narrow no-break space (U+202F), the French thousands separator.
    static let thin = "\u{202F}"
    /// No-break space (U+00A0), before `:` and units.
    static let nbsp = "\u{00A0}"

    /// `12345` → `12 345`.
    static func integer(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += thin }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// `1.2345` with 2 decimals → `1,23`.
    static func decimal(_ x: Double, digits: Int = 2) -> String {
        guard x.isFinite else { return "–" }
        let s = String(format: "%.\(digits)f", x)
        guard let dot = s.firstIndex(of: ".") else { return integer(Int(s) ?? 0) }
        let whole = Int(s[..<dot]) ?? 0
        return (x < 0 && whole == 0 ? "-" : "") + integer(whole) + "," + s[s.index(after: dot)...]
    }

    /// A duration: `0,42 s`, `12,3 s`, `2 min 05 s`, `1 h 02 min`.
    static func duration(_ seconds: Double) -> String {
        if seconds < 10 { return decimal(seconds, digits: 2) + nbsp + "s" }
        if seconds < 60 { return decimal(seconds, digits: 1) + nbsp + "s" }
        let total = Int(seconds.rounded())
        if total < 3600 {
            return "\(total / 60)\(nbsp)min\(nbsp)" + String(format: "%02d", total % 60) + "\(nbsp)s"
        }
        return "\(total / 3600)\(nbsp)h\(nbsp)" + String(format: "%02d", (total % 3600) / 60) + "\(nbsp)min"
    }

    /// `1 offre`, `2 offres` (French plural: 0 and 1 are singular).
    static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        integer(n) + " " + (abs(n) < 2 ? singular : plural)
    }

    /// `label : value`, with the no-break space French puts before the colon.
    static func field(_ label: String, _ value: String) -> String {
        label + nbsp + ": " + value
    }
}
