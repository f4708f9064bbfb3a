import Foundation
import Records
import Trends

/// Everything the pages need, shared by all requests: the trend queries, French names, and the
/// filter choices read once at start (contract types and sources present in the data).
public struct Site: Sendable {
    public let trends: TrendStore
    public let catalog: Catalog
    let contracts: [String]
    let sources: [String]
    let dataRange: ClosedRange<Month>?

    public init(trends: TrendStore, catalog: Catalog) async throws {
        self.trends = trends
        self.catalog = catalog
        contracts = try await trends.values(of: .contract).map(\.value)
        sources = try await trends.values(of: .source).map(\.value)
        dataRange = try await trends.dataRange()
    }

    /// The filter form: current values selected, page-specific values kept as hidden fields.
    func filterView(_ q: QueryParameters, _ filter: TrendFilter, action: String, hidden: [String] = [],
                    extra: [[String: Any]] = []) -> [String: Any] {
        func options(_ pairs: [(String, String)], _ selected: String?) -> [[String: Any]] {
            [["value": "", "label": "Tous", "selected": selected == nil]]
                + pairs.map { ["value": $0.0, "label": $0.1, "selected": $0.0 == selected] }
        }
        let regions = Geography.regions.sorted { $0.name < $1.name }.map { ($0.code, $0.name) }
        let departments = Geography.departments.map { ($0.code, "\($0.code) — \($0.name)") }
        let sectors = Catalog.nafSections.keys.sorted().map { ($0, Catalog.sectorName($0)) }
        let rome = Catalog.romeDomains.keys.sorted().map { ($0, Catalog.romeName($0)) }
        return [
            "action": action,
            "granularities": Granularity.allCases.map {
                ["value": $0.rawValue, "label": $0.label, "selected": $0 == filter.granularity] as [String: Any]
            },
            "from": filter.from?.description ?? "", "to": filter.to?.description ?? "",
            "min": dataRange?.lowerBound.description ?? "", "max": dataRange?.upperBound.description ?? "",
            "regions": options(regions, filter.region), "departments": options(departments, filter.department),
            "sectors": options(sectors, filter.sector), "romeDomains": options(rome, filter.romeDomain),
            "contracts": options(contracts.map { ($0, $0) }, filter.contract),
            "sources": options(sources.map { ($0, $0) }, filter.source),
            "extra": extra,
            "active": !filter.dimensions.isEmpty || filter.from != nil || filter.to != nil,
            "hidden": hidden.compactMap { name in q[name].map { ["name": name, "value": $0] } },
        ]
    }

    /// A sentence describing the active filters, for captions and chart descriptions.
    func describe(_ filter: TrendFilter) -> String {
        var parts: [String] = []
        if let r = filter.region { parts.append("région " + Catalog.regionName(r)) }
        if let d = filter.department { parts.append("département " + Catalog.departmentName(d)) }
        if let s = filter.sector { parts.append("secteur " + Catalog.sectorName(s)) }
        if let r = filter.romeDomain { parts.append("domaine ROME " + Catalog.romeName(r)) }
        if let c = filter.contract { parts.append("contrat " + c) }
        if let s = filter.source { parts.append("source " + s) }
        if let f = filter.from { parts.append("depuis " + f.description) }
        if let t = filter.to { parts.append("jusqu’à " + t.description) }
        return parts.isEmpty ? "toutes les offres" : parts.joined(separator: ", ")
    }

    /// `?query` for links that keep the filters (empty when there are none).
    static func suffix(_ q: QueryParameters, keeping names: [String] = FilterParser.names) -> String {
        var kept = QueryParameters(nil)
        for n in names { kept[n] = q[n] }
        let s = kept.encoded()
        return s.isEmpty ? "" : "?" + s
    }

    static func competencyPath(_ id: String) -> String {
        "/competences/" + (id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? id)
    }
}
