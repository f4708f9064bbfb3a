/// The filters every trend query takes, the same on every page and export, so that a view (and
/// its CSV) can be bookmarked as a URL.
///
/// Dimensions are exact codes: INSEE region (`"84"`) and département (`"69"`, `"2A"`) codes, NAF
/// section letter (`"J"`), ROME domain letter (first letter of the ROME code, `"M"`), contract
/// type and source as stored. Months are inclusive; nil means "from the first / to the last month
/// with data".
public struct TrendFilter: Sendable, Hashable, Codable {
    public var granularity: Granularity
    public var from: Month?
    public var to: Month?
    public var region: String?
    public var department: String?
    public var sector: String?
    public var romeDomain: String?
    public var contract: String?
    public var source: String?

    public init(granularity: Granularity = .quarter, from: Month? = nil, to: Month? = nil, region: String? = nil,
                department: String? = nil, sector: String? = nil, romeDomain: String? = nil,
                contract: String? = nil, source: String? = nil) {
        self.granularity = granularity; self.from = from; self.to = to; self.region = region
        self.department = department; self.sector = sector; self.romeDomain = romeDomain
        self.contract = contract; self.source = source
    }

    /// The dimension filters that are set, as (rollup dimension, value) pairs.
    public var dimensions: [(dimension: Dimension, value: String)] {
        var out: [(Dimension, String)] = []
        if let region { out.append((.region, region)) }
        if let department { out.append((.department, department)) }
        if let sector { out.append((.sector, sector)) }
        if let romeDomain { out.append((.romeDomain, romeDomain)) }
        if let contract { out.append((.contract, contract)) }
        if let source { out.append((.source, source)) }
        return out
    }
}
