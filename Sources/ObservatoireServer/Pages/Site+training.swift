import Foundation
import Records
import Trends

extension Site {
    static func trainingPath(_ id: Int64) -> String { "/formations/\(id)" }

    /// A day shown in French (« 1ᵉʳ juillet 2026 ») and exported as ISO 8601 (`2026-07-01`).
    static func dayCell(_ iso: String?) -> DataTable.Cell {
        guard let iso else { return .text(nil) }
        return DataTable.Cell(text: frenchDay(iso), value: .text(iso))
    }

    /// The list filter of `/formations`: `region`, `domaine`, `competence`, `q`, each validated.
    func trainingFilter(_ q: QueryParameters) throws -> TrainingFilter {
        var f = TrainingFilter()
        if let r = q["region"] {
            guard Geography.region(code: r) != nil else { throw BadParameter("region", "« \(r) » n’est pas un code de région INSEE.") }
            f.region = r
        }
        if let d = q["domaine"] {
            guard catalog.isDomain(d) else { throw BadParameter("domaine", "« \(d) » n’est pas un domaine suivi.") }
            f.domain = d
        }
        if let c = q["competence"] {
            guard catalog.competency(c) != nil else {
                throw BadParameter("competence", "« \(c) » n’est pas une compétence de la taxonomie.")
            }
            f.competency = c
        }
        if let t = q["q"] {
            guard t.count <= 200 else { throw BadParameter("q", "la recherche dépasse 200 caractères.") }
            f.text = t
        }
        return f
    }

    /// `/formations`: training offers, filtered by region, domain, taught competency and words;
    /// with a competency, also where it is taught (offers and upcoming sessions per region).
    func trainings(_ q: QueryParameters) async throws -> PageResult {
        let filter = try trainingFilter(q)
        let page = try FilterParser.int(q, "page", in: 1...1000, default: 1)
        let perPage = 25
        let list = try await trends.trainingOffers(filter, limit: perPage, offset: (page - 1) * perPage)
        var tables = [trainingListTable(list, caption: "Offres de formation — \(describeTraining(filter))")]
        if let c = filter.competency { tables.append(try await teachingRegionsTable(c)) }
        func options(_ pairs: [(String, String)], _ selected: String?) -> [[String: Any]] {
            [["value": "", "label": "Toutes", "selected": selected == nil]]
                + pairs.map { ["value": $0.0, "label": $0.1, "selected": $0.0 == selected] }
        }
        let competencies = catalog.domains.flatMap { d in
            catalog.competencies(in: d.id).map { ($0.id, "\(d.label) — \($0.label)") }
        }
        let pages = max(1, (list.total + perPage - 1) / perPage)
        var view: [String: Any] = [
            "total": FrenchFormat.int(list.total), "page": page, "pages": pages, "q": filter.text ?? "",
            "description": describeTraining(filter),
            "regions": options(Geography.regions.sorted { $0.name < $1.name }.map { ($0.code, $0.name) }, filter.region),
            "domains": options(catalog.domains.map { ($0.id, $0.label) }, filter.domain),
            "competencies": options(competencies, filter.competency),
            "rule": SupplyRules.frenchMatchRule,
        ]
        if let c = filter.competency {
            view["competency"] = ["label": catalog.competencyLabel(c), "href": Self.competencyPath(c),
                                  "gaps": "/ecarts?competence=" + (c.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? c) + "#regions"]
        }
        if page > 1 { view["previous"] = "/formations?" + q.encoded(setting: ["page": String(page - 1)]) }
        if page < pages { view["next"] = "/formations?" + q.encoded(setting: ["page": String(page + 1)]) }
        return PageResult(template: "trainings", title: "Offres de formation", view: view, tables: tables,
                          exportBase: "/formations/export")
    }

    func describeTraining(_ f: TrainingFilter) -> String {
        var parts: [String] = []
        if let c = f.competency { parts.append("qui enseignent « \(catalog.competencyLabel(c)) »") }
        if let d = f.domain { parts.append("domaine " + catalog.domainLabel(d)) }
        if let r = f.region { parts.append("région " + Catalog.regionName(r)) }
        if let t = f.text { parts.append("contenant « \(t) »") }
        return parts.isEmpty ? "toutes les formations" : parts.joined(separator: ", ")
    }

    func trainingListTable(_ list: TrainingList, caption: String) -> DataTable {
        DataTable(
            name: "formations", caption: caption,
            columns: [DataTable.Column("intitule", "Intitulé"), DataTable.Column("organisme", "Organisme"),
                      DataTable.Column("regions", "Régions"), DataTable.Column("domaines", "Domaines"),
                      DataTable.Column("competences_enseignees", "Compétences enseignées", numeric: true),
                      DataTable.Column("sessions_a_venir", "Sessions à venir", numeric: true),
                      DataTable.Column("prochaine_session", "Prochaine session")],
            rows: list.offers.map { o in
                [.text(o.title, href: Self.trainingPath(o.offerID)), .text(o.organisation),
                 .text(o.regions.isEmpty ? nil : o.regions.map(Catalog.regionName).joined(separator: ", ")),
                 .text(o.domains.isEmpty ? nil : o.domains.map(catalog.domainLabel).joined(separator: ", ")),
                 .int(o.taught), .int(o.upcomingSessions), Self.dayCell(o.nextSession)]
            },
            note: "Sessions à venir : à partir du premier jour qui suit le dernier mois d’offres d’emploi de la base.")
    }

    /// (b) Where a competency is taught: per region, offers with an action there and upcoming sessions.
    func teachingRegionsTable(_ competency: String) async throws -> DataTable {
        let rows = try await trends.teachingRegions(competency)
        return DataTable(
            name: "regions", caption: "Régions où « \(catalog.competencyLabel(competency)) » est enseignée",
            columns: [DataTable.Column("region", "Région"), DataTable.Column("formations", "Formations", numeric: true),
                      DataTable.Column("sessions_a_venir", "Sessions à venir", numeric: true)],
            rows: rows.map { [.text(Catalog.regionName($0.region)), .int($0.offers), .int($0.sessions)] },
            note: "Compétence enseignée seulement : une mention dans les prérequis ne compte pas.")
    }

    /// `/formations/:id`: one training offer, what it teaches (with evidence), what it only
    /// requires (prerequisites, never counted as supply), its sessions, and the demand for what
    /// it teaches with the competencies asked alongside that it does not teach.
    func training(_ idText: String, _ q: QueryParameters) async throws -> PageResult {
        guard let id = Int64(idText), let t = try await trends.training(id: id) else { throw NotFound("formation \(idText)") }
        let filter = try FilterParser.parse(q)
        let keep = Self.suffix(q)
        func firstEvidence(_ c: String, taught: Bool) -> TrainingDetail.EvidenceItem? {
            t.evidence.first { $0.competency == c && (!taught || ($0.section != "prerequis" && !$0.negated)) }
        }
        let taught = t.competencies.filter(\.taught)
        let taughtTable = DataTable(
            name: "competences", caption: "Compétences enseignées",
            columns: [DataTable.Column("competence", "Compétence"), DataTable.Column("domaine", "Domaine"),
                      DataTable.Column("passages", "Passages", numeric: true), DataTable.Column("preuve", "Passage reconnu")],
            rows: taught.map { c in
                [.text(catalog.competencyLabel(c.competency), href: Self.competencyPath(c.competency) + keep),
                 .text(catalog.domainLabel(c.domain)), .int(c.evidenceCount),
                 firstEvidence(c.competency, taught: true).map { DataTable.Cell.snippet($0.snippet) } ?? .text(nil)]
            },
            note: "Enseignée : reconnue sans négation dans l’intitulé, les objectifs, les résultats attendus ou le contenu.")
        let required = t.competencies.filter { !$0.taught }
        let requiredTable = DataTable(
            name: "prerequis", caption: "Compétences requises ou niées, non comptées comme enseignées",
            columns: [DataTable.Column("competence", "Compétence"), DataTable.Column("domaine", "Domaine"),
                      DataTable.Column("motif", "Motif"), DataTable.Column("preuve", "Passage reconnu")],
            rows: required.map { c in
                let e = firstEvidence(c.competency, taught: false)
                return [.text(catalog.competencyLabel(c.competency), href: Self.competencyPath(c.competency) + keep),
                        .text(catalog.domainLabel(c.domain)),
                        .text(e?.section == "prerequis" ? "prérequis (non enseignée)" : "négation (non enseignée)"),
                        e.map { DataTable.Cell.snippet($0.snippet) } ?? .text(nil)]
            },
            note: "Ce que l’apprenant doit déjà savoir n’est jamais compté dans l’offre de formation.")
        let evidenceTable = DataTable(
            name: "preuves", caption: "Tous les passages reconnus (décalages en caractères Unicode dans le texte classé)",
            columns: [DataTable.Column("competence", "Compétence"), DataTable.Column("phrase", "Dans son contexte"),
                      DataTable.Column("section", "Section"), DataTable.Column("negation", "Négation"),
                      DataTable.Column("texte", "Texte reconnu")],
            rows: t.evidence.map { e in
                [.text(catalog.competencyLabel(e.competency)), .snippet(e.snippet), .text(e.section),
                 .text(e.negated ? "oui" : "non"), .text(e.text)]
            })
        let sessionsTable = DataTable(
            name: "sessions", caption: "Sessions",
            columns: [DataTable.Column("lieu", "Lieu"), DataTable.Column("region", "Région"),
                      DataTable.Column("debut", "Début"), DataTable.Column("fin", "Fin")],
            rows: t.sessions.map { s in
                [.text(s.city ?? s.department.map(Catalog.departmentName)), .text(s.region.map(Catalog.regionName)),
                 Self.dayCell(s.start), Self.dayCell(s.end)]
            })
        let demand = try await trends.demand(forTraining: id, filter: filter)
        let window = demand.window?.label ?? "aucune donnée"
        let demandTable = DataTable(
            name: "demande", caption: "Demande des compétences enseignées — offres d’emploi, \(window)",
            columns: [DataTable.Column("competence", "Compétence"), DataTable.Column("domaine", "Domaine"),
                      DataTable.Column("offres_emploi", "Offres d’emploi", numeric: true),
                      DataTable.Column("periode_precedente", "Période précédente", numeric: true),
                      DataTable.Column("evolution", "Évolution", numeric: true),
                      DataTable.Column("regions", "Régions les plus demandeuses")],
            rows: demand.taught.map { d in
                [.text(catalog.competencyLabel(d.competency), href: Self.competencyPath(d.competency) + keep),
                 .text(catalog.domainLabel(d.domain)), .int(d.postings), .int(d.previous), .measure(d.growth, growth: true),
                 .text(d.topRegions.isEmpty ? nil : d.topRegions.map { "\(Catalog.regionName($0.value)) (\(FrenchFormat.int($0.count)))" }
                    .joined(separator: ", "))]
            },
            note: "Offres d’emploi uniques ; évolution sur la période de même durée qui précède (« eff. faible » sous \(TrendRules.minimumSupport) offres).")
        let missingTable = DataTable(
            name: "manquantes",
            caption: "Compétences souvent demandées avec celles-ci, que la formation n’enseigne pas",
            columns: [DataTable.Column("competence", "Compétence"), DataTable.Column("domaine", "Domaine"),
                      DataTable.Column("ensemble", "Offres avec l’une des compétences enseignées", numeric: true),
                      DataTable.Column("part", "Part", numeric: true), DataTable.Column("dans_la_formation", "Dans la formation")],
            rows: demand.missing.map { m in
                [.text(catalog.competencyLabel(m.competency), href: Self.competencyPath(m.competency) + keep),
                 .text(catalog.domainLabel(m.domain)), .int(m.together), .percent(m.share),
                 .text(m.prerequisite ? "prérequis" : "absente")]
            },
            note: "Sur \(FrenchFormat.int(demand.postings)) offres d’emploi demandant au moins une compétence enseignée ; au moins \(TrendRules.minimumSupport) offres.")
        func field(_ label: String, _ value: String?) -> [String: Any]? {
            value.flatMap { $0.isEmpty ? nil : ["label": label, "value": $0] }
        }
        let fields: [[String: Any]] = [
            field("Organisme", t.organisation), field("Source", t.source), field("Numéro à la source", t.sourceID),
            field("Durée", t.durationHours.map { "\(FrenchFormat.int($0))\u{00A0}heures" }),
            field("Prix", t.priceEuros.map(FrenchFormat.euros)),
            field("Formacode", t.formacodes.joined(separator: ", ")), field("Codes ROME", t.romeCodes.joined(separator: ", ")),
            field("Certifications", t.certifications.joined(separator: ", ")),
            field("Domaines retenus", t.domains.isEmpty ? "aucun" : t.domains.map(catalog.domainLabel).joined(separator: ", ")),
            field("Version de la taxonomie", t.taxonomyVersion),
        ].compactMap { $0 }
        var view: [String: Any] = ["title": t.title, "fields": fields, "window": window,
                                   "filters": filterView(q, filter, action: Self.trainingPath(id))]
        if !t.prerequisites.isEmpty {
            view["prerequisites"] = Snippet.plainText(fromMarkup: t.prerequisites)
        }
        if let u = t.url, u.hasPrefix("https://") || u.hasPrefix("http://") { view["url"] = u }
        return PageResult(template: "training", title: t.title, view: view,
                          tables: [taughtTable, requiredTable, demandTable, missingTable, sessionsTable, evidenceTable],
                          exportBase: Self.trainingPath(id) + "/export")
    }

    /// (a) on the posting page: the training offers covering the posting's competencies.
    func postingMatchesTable(_ id: Int64) async throws -> DataTable {
        let matches = try await trends.matches(posting: id, weights: catalog.weights)
        return DataTable(
            name: "formations", caption: "Formations qui couvrent ce poste",
            columns: [DataTable.Column("formation", "Formation"), DataTable.Column("organisme", "Organisme"),
                      DataTable.Column("score", "Couverture", numeric: true),
                      DataTable.Column("competences_communes", "Compétences du poste enseignées"),
                      DataTable.Column("meme_region", "Dans la région du poste"),
                      DataTable.Column("sessions_a_venir", "Sessions à venir", numeric: true),
                      DataTable.Column("prochaine_session", "Prochaine session")],
            rows: matches.map { m in
                [.text(m.title, href: Self.trainingPath(m.offerID)), .text(m.organisation), .percent(m.score),
                 .text(m.shared.map(catalog.competencyLabel).joined(separator: ", ")), .text(m.sameRegion ? "oui" : "non"),
                 .int(m.upcomingSessions), Self.dayCell(m.nextSession)]
            },
            note: SupplyRules.frenchMatchRule)
    }
}
