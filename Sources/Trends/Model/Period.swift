/// One period of a trend: a month, a quarter or a year, identified by its first month.
public struct Period: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var granularity: Granularity
    public var first: Month

    /// The period of `granularity` that contains `month`.
    public init(containing month: Month, granularity: Granularity) {
        self.granularity = granularity
        let m0 = (month.month - 1) / granularity.months * granularity.months
        first = Month(year: month.year, month: m0 + 1)
    }

    public var last: Month { first.adding(granularity.months - 1) }

    /// The period `n` steps later (earlier when negative).
    public func adding(_ n: Int) -> Period {
        Period(containing: first.adding(n * granularity.months), granularity: granularity)
    }

    /// Stable key for exports and URLs: `2024-03`, `2024-T1`, `2024`.
    public var key: String {
        switch granularity {
        case .month: return first.description
        case .quarter: return "\(first.year)-T\((first.month - 1) / 3 + 1)"
        case .year: return "\(first.year)"
        }
    }

    /// Short French label: `mars 2024`, `T1 2024`, `2024`.
    public var label: String {
        switch granularity {
        case .month: return "\(Period.monthNames[first.month - 1]) \(first.year)"
        case .quarter: return "T\((first.month - 1) / 3 + 1) \(first.year)"
        case .year: return "\(first.year)"
        }
    }

    public var description: String { key }

    public static func < (a: Period, b: Period) -> Bool { a.first < b.first }

    /// All periods from the one containing `from` to the one containing `to`, in order.
    public static func range(from: Month, to: Month, granularity: Granularity) -> [Period] {
        guard from <= to else { return [] }
        var p = Period(containing: from, granularity: granularity)
        let end = Period(containing: to, granularity: granularity)
        var out: [Period] = []
        while p <= end { out.append(p); p = p.adding(1) }
        return out
    }

    static let monthNames = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
                             "nov.", "déc."]
}
