import Foundation
import Trends

/// French number typography: narrow no-break space between thousands and before `%`, decimal
/// comma, true minus sign.
enum FrenchFormat {
    static let nnbsp = "\u{202F}"

    static func int(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += nnbsp }
            out.append(c)
        }
        return (n < 0 ? "−" : "") + out
    }

    static func decimal(_ x: Double, digits: Int = 1) -> String {
        let s = String(format: "%.\(digits)f", abs(x)).replacingOccurrences(of: ".", with: ",")
        return (x < 0 && s.contains(where: { $0 != "0" && $0 != "," }) ? "−" : "") + s
    }

    /// `2 100 €`, `1 290,50 €`: thousands grouped, cents only when there are some.
    static func euros(_ x: Double) -> String {
        let cents = Int((abs(x) * 100).rounded())
        let whole = int(cents / 100)
        let amount = cents % 100 == 0 ? whole : whole + "," + String(format: "%02d", cents % 100)
        return (x < 0 ? "−" : "") + amount + "\u{00A0}€"
    }

    static func percent(_ x: Double, digits: Int = 1) -> String { decimal(x * 100, digits: digits) + nnbsp + "%" }

    static func growth(_ x: Double) -> String {
        let p = percent(x, digits: 0)
        return x > 0 && p.first != "0" ? "+" + p : p
    }

    /// Display text for a withheld or available measure.
    static func measure(_ m: Measure, growth isGrowth: Bool) -> (text: String, flag: Bool) {
        switch m {
        case .value(let v): return (isGrowth ? growth(v) : percent(v), false)
        case .lowSupport: return ("eff. faible", true)
        case .unavailable: return ("—", false)
        }
    }
}
