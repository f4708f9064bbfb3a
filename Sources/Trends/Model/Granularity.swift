/// The length of the periods a trend is counted over. Raw values are the URL parameter values.
public enum Granularity: String, Sendable, Hashable, CaseIterable, Codable {
    case month = "mois"
    case quarter = "trimestre"
    case year = "annee"

    /// Months per period.
    public var months: Int {
        switch self {
        case .month: return 1
        case .quarter: return 3
        case .year: return 12
        }
    }

    /// Periods per year: the lag of the year-over-year comparison.
    public var periodsPerYear: Int { 12 / months }

    /// French label for forms.
    public var label: String {
        switch self {
        case .month: return "mois"
        case .quarter: return "trimestre"
        case .year: return "année"
        }
    }
}
