import Emerging
import Foundation
import Trends

extension Site {
    static func methodLabel(_ m: RomeMatch.Method) -> String {
        switch m {
        case .exact: return "identique (intitulé = appellation)"
        case .fuzzy: return "approchée (similarité des mots)"
        case .competencies: return "par les compétences demandées"
        }
    }

    /// France Travail's page of a ROME fiche.
    static func romeFicheURL(_ code: String) -> String {
        "https://candidat.francetravail.fr/metierscope/fiche-metier/" + code
    }

    /// The ROME mapping of a title: exact or fuzzy on the title, else the ROME codes of the
    /// competencies its postings ask for (weighted by evidence, confidence at most 0.4, as
    /// `RomeMatcher.match(title:competencies:taxonomy:)`).
    func romeMatch(_ title: String, _ profile: TitleStats.Profile, _ context: EmergingContext) -> RomeMatch? {
        guard let matcher = context.matcher else { return nil }
        if let m = matcher.match(title: title) { return m }
        return matcher.vote(profile.competencies.map { (codes: context.romeCodes(of: $0.id), weight: Double($0.evidence)) })
    }

    /// `/metiers/:titre`: one normalized title — ROME mapping, trend, regions, competencies and
    /// sample postings.
    func jobTitle(_ raw: String, _ q: QueryParameters, _ context: EmergingContext) async throws -> PageResult {
        let title = raw.removingPercentEncoding ?? raw
        guard title.count <= 200 else { throw BadParameter("titre", "l’intitulé dépasse 200 caractères.") }
        let (filter, scope) = try emergingFilter(q, defaultGranularity: .quarter)
        let reader = trends.databaseReader
        guard try TitleStats(reader: reader).exists(title) else { throw NotFound("intitulé \(title)") }
        let stats = TitleStats(reader: reader, scope: scope)
        let profile = try stats.profiles([title])[title] ?? TitleStats.Profile()
        let keep = Self.suffix(q)
        let base = Self.titlePath(title)

        let match = romeMatch(title, profile, context)
        let fiche = match.flatMap { context.matcher?.reference.fiches[$0.code] }
        var romeRows: [[DataTable.Cell]] = []
        if let m = match {
            romeRows.append([.text(m.code, href: Self.romeFicheURL(m.code)), .text(fiche), .text(m.appellation),
                             .percent(m.confidence), .text(Self.methodLabel(m.method))])
        }
        let romeTable = DataTable(
            name: "rome", caption: "Correspondance avec le ROME 4.0",
            columns: [DataTable.Column("code", "Code ROME"), DataTable.Column("fiche", "Fiche"),
                      DataTable.Column("appellation", "Appellation"), DataTable.Column("confiance", "Confiance", numeric: true),
                      DataTable.Column("methode", "Méthode")],
            rows: romeRows,
            note: context.matcher == nil
                ? "Référentiel ROME introuvable (Data/rome) : correspondance indisponible."
                : "Confiance 100 % pour un intitulé identique à une appellation, la similarité pour une correspondance approchée (seuil 50 %), au plus 40 % par les compétences.")

        var periods: [Period] = []
        let months = profile.months.keys.compactMap { Month($0) }
        if let lo = filter.from ?? dataRange?.lowerBound ?? months.min(), let hi = filter.to ?? dataRange?.upperBound ?? months.max() {
            periods = Period.range(from: lo, to: hi, granularity: filter.granularity)
        }
        let counts = Self.series(profile.months, periods: periods)
        let chart = SVGChart.line(id: "intitule", labels: periods.map(\.label), values: counts,
                                  title: "Offres « \(title) » par \(filter.granularity.label)",
                                  desc: zip(periods, counts).map { "\($0.label) : \(FrenchFormat.int($1))" }.joined(separator: " ; "))
        let total = profile.total
        let trend = DataTable(
            name: "evolution", caption: "« \(title) » par \(filter.granularity.label) — \(describe(filter))",
            columns: [DataTable.Column("periode", "Période"), DataTable.Column("offres", "Offres", numeric: true)],
            rows: zip(periods, counts).map { p, n -> [DataTable.Cell] in [.text(p.label), .int(n)] })
        let regions = DataTable(
            name: "regions", caption: "Régions des offres « \(title) »",
            columns: [DataTable.Column("region", "Région"), DataTable.Column("offres", "Offres", numeric: true),
                      DataTable.Column("part", "Part", numeric: true)],
            rows: profile.regions.map { r -> [DataTable.Cell] in
                [.text(Catalog.regionName(r.code)), .int(r.count), .percent(Double(r.count) / Double(max(total, 1)))]
            })
        let competencies = DataTable(
            name: "competences", caption: "Compétences demandées dans les offres « \(title) »",
            columns: [DataTable.Column("competence", "Compétence"), DataTable.Column("domaine", "Domaine"),
                      DataTable.Column("offres", "Offres", numeric: true), DataTable.Column("part", "Part des offres", numeric: true)],
            rows: profile.competencies.prefix(50).map { c -> [DataTable.Cell] in
                [.text(catalog.competencyLabel(c.id), href: Self.competencyPath(c.id) + keep), .text(catalog.domainLabel(c.domain)),
                 .int(c.count), .percent(Double(c.count) / Double(max(total, 1)))]
            })
        let samples = try stats.samples(title)
        let postings = DataTable(
            name: "offres", caption: "Dernières offres « \(title) »",
            columns: [DataTable.Column("intitule", "Intitulé de l’offre"), DataTable.Column("id", "N°", numeric: true),
                      DataTable.Column("entreprise", "Entreprise"), DataTable.Column("publication", "Publication"),
                      DataTable.Column("lieu", "Lieu")],
            rows: samples.map { s -> [DataTable.Cell] in
                [.text(s.title, href: "/offres/\(s.id)"), DataTable.Cell(text: String(s.id), value: .int(Int(s.id)), numeric: true),
                 .text(s.company), .text(s.published), .text(s.location)]
            })
        let regionsChart = SVGChart.bars(id: "barres-regions", items: profile.regions.prefix(12).map { (Catalog.regionName($0.code), $0.count) },
                                         title: "Régions des offres « \(title) »",
                                         desc: profile.regions.prefix(12).map { "\(Catalog.regionName($0.code)) : \($0.count)" }.joined(separator: " ; "))
        var view: [String: Any] = [
            "title": title, "total": FrenchFormat.int(total), "description": describe(filter),
            "filters": filterView(q, filter, action: base), "chart": chart,
            "emergingHref": "/emergents" + Self.suffix(q, keeping: FilterParser.names.filter { $0 != "periode" || filter.granularity != .year }),
        ]
        if !profile.regions.isEmpty { view["regionsChart"] = regionsChart }
        if let m = match {
            view["rome"] = ["code": m.code, "fiche": fiche ?? m.appellation, "href": Self.romeFicheURL(m.code),
                            "appellation": m.appellation, "confidence": FrenchFormat.percent(m.confidence),
                            "method": Self.methodLabel(m.method)] as [String: Any]
        }
        return PageResult(template: "title", title: title, view: view,
                          tables: [romeTable, trend, regions, competencies, postings], exportBase: base + "/export")
    }
}
