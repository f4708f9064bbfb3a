import Records
import Trends

extension Site {
    /// `/offres/:id`: one posting and why it was classified: every evidence span in its sentence,
    /// with section, negation and the taxonomy version.
    func posting(_ idText: String, _ q: QueryParameters) async throws -> PageResult {
        guard let id = Int64(idText), let p = try await trends.posting(id: id) else { throw NotFound("offre \(idText)") }
        let evidence = DataTable(
            name: "preuves", caption: "Passages reconnus dans l’offre (décalages en caractères Unicode dans « titre + saut de ligne + description »)",
            columns: [DataTable.Column("competence", "Compétence"), DataTable.Column("phrase", "Dans son contexte"),
                      DataTable.Column("section", "Section"), DataTable.Column("negation", "Négation"),
                      DataTable.Column("texte", "Texte reconnu"), DataTable.Column("formulation", "Formulation de la taxonomie"),
                      DataTable.Column("domaine", "Domaine"),
                      DataTable.Column("debut", "Début", numeric: true), DataTable.Column("fin", "Fin", numeric: true)],
            rows: p.evidence.map { e in
                [.text(catalog.competencyLabel(e.competency), href: Self.competencyPath(e.competency)), .snippet(e.snippet),
                 .text(e.section), .text(e.negated ? "oui" : "non"), .text(e.text), .text(e.wording ?? "—"),
                 .text(catalog.domainLabel(e.domain)),
                 .int(e.start), .int(e.end)]
            },
            note: "Le texte reconnu est celui de l’offre ; la formulation est celle de la taxonomie qui l’a reconnu.")
        func field(_ label: String, _ value: String?) -> [String: Any]? { value.map { ["label": label, "value": $0] } }
        let fields: [[String: Any]] = [
            field("Source", p.source), field("Identifiant à la source", p.sourceID), field("Publiée le", p.published),
            field("Entreprise", p.company), field("Lieu", p.location),
            field("Département", p.department.map(Catalog.departmentName)), field("Région", p.region.map(Catalog.regionName)),
            field("Contrat", p.contract), field("Code ROME", p.romeCode), field("Code NAF", p.naf),
            field("Secteur", p.nafSection.map(Catalog.sectorName)),
            field("Intitulé normalisé", p.titleNormalized), field("Domaines retenus", p.domains.isEmpty ? "aucun" : p.domains.map(catalog.domainLabel).joined(separator: ", ")),
            field("Version de la taxonomie", p.taxonomyVersion), field("Classée le", p.classifiedAt),
        ].compactMap { $0 }
        var view: [String: Any] = ["title": p.title, "fields": fields, "description": p.description]
        if let d = p.duplicateOf { view["duplicate"] = ["href": "/offres/\(d)", "kind": p.duplicateKind ?? ""] }
        if let u = p.url, u.hasPrefix("https://") || u.hasPrefix("http://") { view["url"] = u }
        let matches = try await postingMatchesTable(id)
        return PageResult(template: "posting", title: p.title, view: view, tables: [evidence, matches], exportBase: "/offres/\(id)/export")
    }

    /// `/recherche`: postings whose text matches the words, under the same filters as the trends.
    func search(_ q: QueryParameters) async throws -> PageResult {
        let filter = try FilterParser.parse(q)
        let text = q["q"] ?? ""
        guard text.count <= 200 else { throw BadParameter("q", "la recherche dépasse 200 caractères.") }
        let page = try FilterParser.int(q, "page", in: 1...500, default: 1)
        let perPage = 25
        let results = try await trends.search(text, filter: filter, limit: perPage, offset: (page - 1) * perPage)
        let table = DataTable(
            name: "offres", caption: text.isEmpty ? "Offres — \(describe(filter))" : "Offres contenant « \(text) » — \(describe(filter))",
            columns: [DataTable.Column("intitule", "Intitulé"), DataTable.Column("id", "N°", numeric: true),
                      DataTable.Column("entreprise", "Entreprise"), DataTable.Column("publication", "Publication"),
                      DataTable.Column("lieu", "Lieu"), DataTable.Column("contrat", "Contrat")],
            rows: results.hits.map { h in
                [.text(h.title, href: "/offres/\(h.postingID)"),
                 DataTable.Cell(text: String(h.postingID), value: .int(Int(h.postingID)), numeric: true), .text(h.company),
                 .text(h.published), .text(h.location), .text(h.contract)]
            })
        let pages = max(1, (results.total + perPage - 1) / perPage)
        var view: [String: Any] = [
            "q": text, "total": FrenchFormat.int(results.total), "page": page, "pages": pages,
            "fullText": results.fullText,
            "filters": filterView(q, filter, action: "/recherche", hidden: ["q"]),
        ]
        // Absent rather than empty: Mustache renders a section for an empty string.
        if page > 1 { view["previous"] = "/recherche?" + q.encoded(setting: ["page": String(page - 1)]) }
        if page < pages { view["next"] = "/recherche?" + q.encoded(setting: ["page": String(page + 1)]) }
        return PageResult(template: "search", title: "Recherche", view: view, tables: [table], exportBase: "/recherche/export")
    }
}
