import Foundation
import Trends

extension Site {
    /// `/competences/:id`: trend, where it is asked for (regions, sectors, contracts, titles), what
    /// it is asked with, sample postings with the matched words highlighted, and the training
    /// offers that teach it (in the filter's region when one is set).
    func competency(_ id: String, _ q: QueryParameters) async throws -> PageResult {
        guard let info = catalog.competency(id) else { throw NotFound("compétence \(id)") }
        let filter = try FilterParser.parse(q)
        let keep = Self.suffix(q)
        let demand = try await trends.demand(.competency(id), filter: filter)
        let row = demand.row(id)
        let counts = row?.cells.map(\.count) ?? []
        let chart = SVGChart.line(id: "competence", labels: demand.periods.map(\.label), values: counts,
                                  title: "Offres demandant « \(info.label) » par \(filter.granularity.label)",
                                  desc: zip(demand.periods, counts).map { "\($0.label) : \(FrenchFormat.int($1))" }.joined(separator: " ; "))
        let trend = DataTable(
            name: "evolution", caption: "« \(info.label) » par \(filter.granularity.label) — \(describe(filter))",
            columns: [DataTable.Column("periode", "Période"), DataTable.Column("offres", "Offres", numeric: true),
                      DataTable.Column("part", "Part des offres", numeric: true),
                      DataTable.Column("evolution", "Sur la période précédente", numeric: true),
                      DataTable.Column("glissement", "Sur un an", numeric: true)],
            rows: zip(demand.periods, row?.cells ?? []).map { p, c in
                [.text(p.label), .int(c.count), .measure(c.share, growth: false),
                 .measure(c.growthPrevious, growth: true), .measure(c.growthYear, growth: true)]
            },
            note: "« eff. faible » : moins de \(TrendRules.minimumSupport) offres dans la période ou dans sa base.")
        var tables = [trend]
        var charts: [String: String] = [:]
        for (dimension, name, caption) in [(Dimension.region, "regions", "Régions"), (.sector, "secteurs", "Secteurs d’activité (NAF)"),
                                           (.contract, "contrats", "Types de contrat")] {
            let b = try await trends.breakdown(competency: id, by: dimension, filter: filter)
            tables.append(breakdownTable(b, name: name, caption: "\(caption) des offres demandant « \(info.label) »",
                                         heading: dimension.label) { Catalog.name($0, of: dimension) })
            charts[name] = SVGChart.bars(id: "barres-\(name)", items: b.rows.prefix(12).map { (Catalog.name($0.value, of: dimension), $0.count) },
                                         title: "\(caption) des offres demandant « \(info.label) »",
                                         desc: b.rows.prefix(12).map { "\(Catalog.name($0.value, of: dimension)) : \($0.count)" }.joined(separator: " ; "))
        }
        let titles = try await trends.titles(competency: id, filter: filter)
        tables.append(breakdownTable(titles, name: "intitules", caption: "Intitulés de poste (normalisés) demandant « \(info.label) »",
                                     heading: "Intitulé") { $0 })
        let co = try await trends.coOccurrences(of: id, filter: filter)
        tables.append(DataTable(
            name: "cooccurrences", caption: "Compétences demandées avec « \(info.label) »",
            columns: [DataTable.Column("competence", "Compétence"), DataTable.Column("domaine", "Domaine"),
                      DataTable.Column("ensemble", "Offres avec les deux", numeric: true),
                      DataTable.Column("part", "Part des offres de « \(info.label) »", numeric: true),
                      DataTable.Column("lift", "Lift", numeric: true)],
            rows: co.map { c in
                [.text(catalog.competencyLabel(c.key), href: Self.competencyPath(c.key) + keep), .text(catalog.domainLabel(c.group)),
                 .int(c.together), .percent(c.share), .number(c.lift)]
            },
            note: "Lift = offres avec les deux × offres au total ÷ (offres avec l’une × offres avec l’autre) ; au-dessus de 1, plus souvent ensemble que par hasard. Paires vues au moins \(TrendRules.minimumSupport) fois."))
        let samples = try await trends.samples(competency: id, filter: filter)
        let teaching = try await trends.offers(teaching: id, region: filter.region, limit: 10)
        tables.append(trainingListTable(teaching, caption: "Formations qui enseignent « \(info.label) »"
                                            + (filter.region.map { " — région " + Catalog.regionName($0) } ?? "")))
        let encoded = id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ".-_"))) ?? id
        let view: [String: Any] = [
            "trainingTotal": FrenchFormat.int(teaching.total),
            "trainingHref": "/formations?competence=\(encoded)" + (filter.region.map { "&region=\($0)" } ?? ""),
            "gapsHref": "/ecarts?competence=\(encoded)#regions",
            "id": id, "label": info.label, "domain": catalog.domainLabel(info.domain),
            "domainHref": "/domaines/\(info.domain)\(keep)", "description": describe(filter),
            "total": FrenchFormat.int(row?.total ?? 0),
            "filters": filterView(q, filter, action: Self.competencyPath(id)),
            "chart": chart, "regionsChart": charts["regions"] ?? "", "sectorsChart": charts["secteurs"] ?? "",
            "contractsChart": charts["contrats"] ?? "",
            "samples": samples.map { s in
                ["href": "/offres/\(s.postingID)", "title": s.title, "company": s.company ?? "", "published": s.published ?? "",
                 "section": s.section, "before": s.snippet.before, "match": s.snippet.match, "after": s.snippet.after] as [String: Any]
            },
        ]
        return PageResult(template: "competency", title: info.label, view: view, tables: tables,
                          exportBase: Self.competencyPath(id) + "/export")
    }

    func breakdownTable(_ b: Breakdown, name: String, caption: String, heading: String, label: (String) -> String) -> DataTable {
        DataTable(name: name, caption: caption,
                  columns: [DataTable.Column("valeur", heading), DataTable.Column("offres", "Offres", numeric: true),
                            DataTable.Column("part", "Part", numeric: true)],
                  rows: b.rows.map { [.text(label($0.value)), .int($0.count), .percent($0.share)] })
    }
}
