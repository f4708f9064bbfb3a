/// Demand against supply for one key (a competency, a domain or a region) over a `SupplyWindow`.
public struct SupplyGap: Sendable, Hashable, Codable {
    /// Competency id, domain id or INSEE region code.
    public var key: String
    /// The competency's domain (empty for domains and regions).
    public var group: String
    /// Unique postings asking for it in the window (`d`).
    public var postings: Int
    /// `d / D`.
    public var demandShare: Double
    /// Training actions and sessions teaching it, sessions starting in the window or later (`s`).
    public var actions: Int
    public var sessions: Int
    /// Distinct training offers behind those sessions.
    public var offers: Int
    /// `s / S` (nil when there is no session at all).
    public var supplyShare: Double?
    /// `SupplyRules.ratio`.
    public var ratio: Double
    public var underSupplied: Bool
}

/// One gap table: the window, the totals the shares divide by, and a row per key.
public struct SupplyGapTable: Sendable, Hashable, Codable {
    public var window: SupplyWindow?
    /// Unique postings of the window (`D`).
    public var postingsTotal: Int
    /// Sessions starting in the window or later (`S`).
    public var sessionsTotal: Int
    public var rows: [SupplyGap]

    /// Rows that pass the under-supply rule, by decreasing ratio then demand.
    public var underSupplied: [SupplyGap] {
        rows.filter(\.underSupplied).sorted { ($0.ratio, $0.postings, $1.key) > ($1.ratio, $1.postings, $0.key) }
    }
}
