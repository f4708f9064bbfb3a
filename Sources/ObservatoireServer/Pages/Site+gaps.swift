import Foundation
import Trends

extension Site {
    /// `/ecarts`: « Écarts offre/demande », demand (unique postings) against supply (training
    /// sessions teaching the competency) per domain, competency and region, and the ranked list of
    /// under-supplied competencies (rules in `SupplyRules`). `domaine` narrows the competency
    /// table to one domain; `competence` compares regions for one competency.
    func gaps(_ q: QueryParameters) async throws -> PageResult {
        let filter = try FilterParser.parse(q)
        let domain = q["domaine"]
        if let domain, !catalog.isDomain(domain) { throw BadParameter("domaine", "« \(domain) » n’est pas un domaine suivi.") }
        let competency = q["competence"]
        if let competency, catalog.competency(competency) == nil {
            throw BadParameter("competence", "« \(competency) » n’est pas une compétence de la taxonomie.")
        }
        let keep = Self.suffix(q)
        let domains = try await trends.gaps(.domain, filter: filter)
        let competencies = try await trends.gaps(.competency, filter: filter)
        let regions = try await trends.gaps(.region, filter: filter, competency: competency)
        let scope = describe(filter)

        let domainTable = gapTable(domains, name: "domaines", caption: "Écarts par domaine — \(scope)", heading: "Domaine",
                                   rows: domains.rows.filter { catalog.isDomain($0.key) }) { g in
            .text(catalog.domainLabel(g.key), href: "/ecarts?" + q.encoded(setting: ["domaine": g.key]) + "#competences")
        }
        let competencyRows = competencies.rows.filter { domain == nil || $0.group == domain }
        let competencyTable = gapTable(
            competencies, name: "competences",
            caption: "Écarts par compétence — \(domain.map { catalog.domainLabel($0) + ", " } ?? "")\(scope)",
            heading: "Compétence", rows: competencyRows, domainColumn: true) { g in
            .text(catalog.competencyLabel(g.key), href: Self.competencyPath(g.key) + keep)
        }
        let regionTable = gapTable(
            regions, name: "regions",
            caption: "Écarts par région — \(competency.map { "« " + catalog.competencyLabel($0) + " », " } ?? "")\(scope)",
            heading: "Région", rows: regions.rows) { g in .text(Catalog.regionName(g.key)) }
        let allUnder = competencies.underSupplied.filter { domain == nil || $0.group == domain }
        let under = allUnder.prefix(Self.underSuppliedShown)
        let underTable = DataTable(
            name: "sous-dotees", caption: "Compétences sous-dotées en formation, de la plus à la moins sous-dotée — \(scope)",
            columns: [DataTable.Column("competence", "Compétence"), DataTable.Column("rang", "Rang", numeric: true),
                      DataTable.Column("domaine", "Domaine"), DataTable.Column("offres_emploi", "Offres d’emploi", numeric: true),
                      DataTable.Column("sessions", "Sessions de formation", numeric: true),
                      DataTable.Column("rapport", "Rapport demande/offre", numeric: true)],
            rows: under.enumerated().map { i, g in
                [.text(catalog.competencyLabel(g.key), href: Self.competencyPath(g.key) + keep), .int(i + 1),
                 .text(catalog.domainLabel(g.group)), .int(g.postings), .int(g.sessions), .number(g.ratio)]
            },
            note: "Au moins \(SupplyRules.minimumDemand) offres d’emploi et un rapport supérieur à 1"
                + (allUnder.count > under.count
                    ? " ; les \(under.count) premières sur \(allUnder.count) (toutes dans le tableau par compétence, colonne « Sous-dotée »)."
                    : "."))
        var view: [String: Any] = [
            "description": scope,
            "window": competencies.window?.label ?? "aucune donnée",
            "postingsTotal": FrenchFormat.int(competencies.postingsTotal),
            "sessionsTotal": FrenchFormat.int(competencies.sessionsTotal),
            "supplyFrom": competencies.window.map { Self.frenchDay($0.supplyFrom) } ?? "—",
            "rule": SupplyRules.frenchGapRule,
            "filters": filterView(q, filter, action: "/ecarts", hidden: ["domaine", "competence"]),
        ]
        if let domain { view["domain"] = ["label": catalog.domainLabel(domain), "clear": "/ecarts" + keep] }
        if let competency { view["competency"] = ["label": catalog.competencyLabel(competency), "clear": "/ecarts" + keep] }
        return PageResult(template: "gaps", title: "Écarts offre/demande", view: view,
                          tables: [underTable, domainTable, competencyTable, regionTable], exportBase: "/ecarts/export")
    }

    /// Rows of the under-supplied list on the page and in its export.
    static let underSuppliedShown = 30

    /// The columns every gap table shares after its first one.
    func gapTable(_ t: SupplyGapTable, name: String, caption: String, heading: String, rows: [SupplyGap],
                  domainColumn: Bool = false, first: (SupplyGap) -> DataTable.Cell) -> DataTable {
        var columns = [DataTable.Column("valeur", heading)]
        if domainColumn { columns.append(DataTable.Column("domaine", "Domaine")) }
        columns += [DataTable.Column("offres_emploi", "Offres d’emploi", numeric: true),
                    DataTable.Column("part_demande", "Part de la demande", numeric: true),
                    DataTable.Column("actions", "Actions de formation", numeric: true),
                    DataTable.Column("sessions", "Sessions", numeric: true),
                    DataTable.Column("part_offre", "Part de l’offre", numeric: true),
                    DataTable.Column("rapport", "Rapport demande/offre", numeric: true),
                    DataTable.Column("sous_dotee", "Sous-dotée")]
        return DataTable(name: name, caption: caption, columns: columns, rows: rows.map { g in
            var row = [first(g)]
            if domainColumn { row.append(.text(catalog.domainLabel(g.group))) }
            row += [.int(g.postings), .percent(g.demandShare), .int(g.actions), .int(g.sessions),
                    g.supplyShare.map { DataTable.Cell.percent($0) } ?? .text(nil), .number(g.ratio),
                    .text(g.underSupplied ? "oui" : "non")]
            return row
        }, note: "Parts : sur \(FrenchFormat.int(t.postingsTotal)) offres d’emploi et \(FrenchFormat.int(t.sessionsTotal)) sessions. "
            + "Rapport = part de la demande ÷ part de l’offre lissée ((sessions + 1) ÷ (sessions au total + 1)).")
    }

    /// `2025-01-01` → `1ᵉʳ janvier 2025`-style short French date (`1 janv. 2025`).
    static func frenchDay(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return iso }
        let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                      "novembre", "décembre"]
        return (parts[2] == 1 ? "1ᵉʳ" : String(parts[2])) + " " + months[parts[1] - 1] + " " + String(parts[0])
    }
}
