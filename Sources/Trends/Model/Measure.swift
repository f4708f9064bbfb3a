/// A derived number (share, growth) that may be withheld: too few postings behind it, or no base
/// to compare with (before the first month of data).
public enum Measure: Sendable, Hashable, Codable {
    case value(Double)
    /// Fewer than `TrendRules.minimumSupport` postings in the period or in its base.
    case lowSupport
    /// No comparison possible (the base period has no data at all).
    case unavailable

    public var value: Double? { if case .value(let v) = self { return v } else { return nil } }

    /// `(count − base) / base` under the minimum-support rule.
    static func growth(_ count: Int, base: Int?) -> Measure {
        guard let base else { return .unavailable }
        guard count >= TrendRules.minimumSupport, base >= TrendRules.minimumSupport else { return .lowSupport }
        return .value(Double(count - base) / Double(base))
    }

    /// `count / total` when the period has enough postings.
    static func share(_ count: Int, total: Int) -> Measure {
        guard total >= TrendRules.minimumSupport else { return total == 0 ? .unavailable : .lowSupport }
        return .value(Double(count) / Double(total))
    }
}
