/// The months of demand and the first day of supply that a gap or match query reads (see
/// `SupplyRules`).
public struct SupplyWindow: Sendable, Hashable, Codable {
    /// First and last months of demand (inclusive).
    public var from: Month
    public var to: Month
    /// Sessions count when they start on or after this day (`YYYY-MM-DD`): the window's first day.
    public var supplyFrom: String
    /// « Upcoming » sessions start on or after this day: the first day after the last month of data.
    public var reference: String

    public init(from: Month, to: Month, reference: String) {
        self.from = from; self.to = to; self.reference = reference
        supplyFrom = from.description + "-01"
    }

    /// The filter's months, else the last `SupplyRules.windowMonths` months with data; nil when
    /// the store has no dated posting.
    static func of(_ filter: TrendFilter, data: ClosedRange<Month>?) -> SupplyWindow? {
        guard let data else { return nil }
        let to = filter.to ?? data.upperBound
        let from = filter.from ?? max(data.lowerBound, to.adding(-(SupplyRules.windowMonths - 1)))
        return SupplyWindow(from: from, to: to, reference: data.upperBound.adding(1).description + "-01")
    }

    /// « janv. 2025 – déc. 2025 ».
    public var label: String {
        func name(_ m: Month) -> String { Period(containing: m, granularity: .month).label }
        return from == to ? name(from) : name(from) + " – " + name(to)
    }
}
