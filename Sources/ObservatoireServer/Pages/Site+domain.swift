import Foundation
import Trends

extension Site {
    static let measures: [(value: String, label: String)] = [
        ("effectifs", "Effectifs"), ("parts", "Part des offres"),
        ("evolution", "Évolution sur la période précédente"), ("glissement", "Évolution sur un an"),
    ]

    /// `/domaines/:id`: competencies × periods (counts, shares or growth), sortable by links.
    func domain(_ id: String, _ q: QueryParameters) async throws -> PageResult {
        guard catalog.isDomain(id) else { throw NotFound("domaine \(id)") }
        let filter = try FilterParser.parse(q)
        let measure = try FilterParser.choice(q, "mesure", Self.measures.map(\.value), default: "effectifs")
        let order = try FilterParser.choice(q, "ordre", ["asc", "desc"], default: "desc")
        let table = try await trends.demand(.competencies(domain: id), filter: filter)
        let domainRow = try await trends.demand(.domains, filter: filter).row(id)
        let movers = try await trends.movers(filter: filter, windowMonths: 12, domain: id)
        let sortKeys = ["total", "libelle"] + table.periods.map(\.key)
        let sort = try FilterParser.choice(q, "tri", sortKeys, default: "total")
        let keep = Self.suffix(q)
        let label = catalog.domainLabel(id)

        func value(_ cell: DemandTable.Cell) -> Double? {
            switch measure {
            case "parts": return cell.share.value
            case "evolution": return cell.growthPrevious.value
            case "glissement": return cell.growthYear.value
            default: return Double(cell.count)
            }
        }
        var rows = table.rows
        let index = table.periods.firstIndex { $0.key == sort }
        rows.sort { a, b in
            let less: Bool
            if sort == "libelle" {
                less = catalog.competencyLabel(a.key).localizedStandardCompare(catalog.competencyLabel(b.key)) == .orderedAscending
            } else if let i = index {
                let va = value(a.cells[i]) ?? -.infinity, vb = value(b.cells[i]) ?? -.infinity
                less = va != vb ? va < vb : a.key < b.key
            } else {
                less = a.total != b.total ? a.total < b.total : a.key > b.key
            }
            return order == "asc" ? less : !less
        }
        func sortHref(_ key: String) -> String {
            let next = sort == key && order == "desc" ? "asc" : "desc"
            return "/domaines/\(id)?" + q.encoded(setting: ["tri": key, "ordre": next])
        }
        func marker(_ key: String) -> String? { sort == key ? (order == "asc" ? "croissant" : "décroissant") : nil }
        var columns = [DataTable.Column("competence", "Compétence"), DataTable.Column("total", "Total", numeric: true)]
        columns[0].sortHref = sortHref("libelle"); columns[0].sorted = marker("libelle")
        columns[1].sortHref = sortHref("total"); columns[1].sorted = marker("total")
        for p in table.periods {
            var c = DataTable.Column(p.key, p.label, numeric: true)
            c.sortHref = sortHref(p.key); c.sorted = marker(p.key)
            columns.append(c)
        }
        let cells: [[DataTable.Cell]] = rows.map { row in
            [.text(catalog.competencyLabel(row.key), href: Self.competencyPath(row.key) + keep), .int(row.total)]
                + row.cells.map { cell in
                    switch measure {
                    case "parts": return .measure(cell.share, growth: false)
                    case "evolution": return .measure(cell.growthPrevious, growth: true)
                    case "glissement": return .measure(cell.growthYear, growth: true)
                    default: return .int(cell.count)
                    }
                }
        }
        let measureLabel = Self.measures.first { $0.value == measure }!.label
        let competencies = DataTable(
            name: "competences", caption: "\(label) : compétences par \(filter.granularity.label) — \(measureLabel.lowercased()) — \(describe(filter))",
            columns: columns, rows: cells,
            note: measure == "effectifs" ? nil : "« eff. faible » : moins de \(TrendRules.minimumSupport) offres dans la période ou dans sa base de comparaison ; « — » : pas de base de comparaison.")
        let counts = domainRow?.cells.map(\.count) ?? Array(repeating: 0, count: table.periods.count)
        let chart = SVGChart.line(id: "domaine", labels: table.periods.map(\.label), values: counts,
                                  title: "Offres « \(label) » par \(filter.granularity.label)",
                                  desc: zip(table.periods, counts).map { "\($0.label) : \(FrenchFormat.int($1))" }.joined(separator: " ; "))
        let view: [String: Any] = [
            "id": id, "label": label, "description": describe(filter),
            "filters": filterView(q, filter, action: "/domaines/\(id)", hidden: ["mesure", "tri", "ordre"]),
            "measures": Self.measures.map { m in
                ["label": m.label, "href": "/domaines/\(id)?" + q.encoded(setting: ["mesure": m.value]),
                 "current": m.value == measure] as [String: Any]
            },
            "chart": chart, "total": FrenchFormat.int(domainRow?.total ?? 0), "rule": TrendRules.frenchSummary,
        ]
        let moversRising = moversTable(movers.rising, name: "hausses", caption: "Compétences du domaine en hausse", movers: movers, keep: keep)
        let moversFalling = moversTable(movers.falling, name: "baisses", caption: "Compétences du domaine en baisse", movers: movers, keep: keep)
        return PageResult(template: "domain", title: label, view: view, tables: [competencies, moversRising, moversFalling],
                          exportBase: "/domaines/\(id)/export")
    }
}
