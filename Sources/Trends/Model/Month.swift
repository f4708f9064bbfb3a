/// A calendar month, the unit the rollups are stored at (`YYYY-MM`, the first seven characters
/// of a `published` day, so the bucketing is `substr(published, 1, 7)` in SQLite and PostgreSQL).
public struct Month: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    public init(year: Int, month: Int) { self.year = year; self.month = month }

    /// Parses `YYYY-MM` (and tolerates a trailing `-DD`); nil for anything else.
    public init?(_ text: some StringProtocol) {
        let u = Array(text.utf8)
        guard u.count == 7 || u.count == 10, u[4] == UInt8(ascii: "-") else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r { let c = u[i]; guard c >= 48 && c <= 57 else { return nil }; v = v * 10 + Int(c - 48) }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), (1...12).contains(m), (1900...2100).contains(y) else { return nil }
        if u.count == 10 { guard u[7] == UInt8(ascii: "-"), num(8..<10) != nil else { return nil } }
        self.init(year: y, month: m)
    }

    /// Months since year 0, for arithmetic.
    public var index: Int { year * 12 + (month - 1) }
    public init(index: Int) { self.init(year: index / 12, month: index % 12 + 1) }

    public func adding(_ months: Int) -> Month { Month(index: index + months) }

    public var description: String {
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + (month < 10 ? "-0" : "-") + String(month)
    }

    public static func < (a: Month, b: Month) -> Bool { a.index < b.index }
}
