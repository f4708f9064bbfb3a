import Classifier
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import ObservatoireServer
import Records
import Store
import Taxonomy
import Testing
import Trends

/// Training supply against posting demand: matching order, prerequisites, gap rules, and the
/// `/formations`, `/formations/:id`, `/ecarts` pages with their exports.
struct SupplyTests {
    func get(_ uri: String) async throws -> (status: HTTPResponse.Status, headers: HTTPFields, body: String) {
        let f = try await ServerFixture.shared()
        let app = Application(router: try await f.router())
        return try await app.test(.router) { client in
            try await client.execute(uri: uri, method: .get) { r in (r.status, r.headers, String(buffer: r.body)) }
        }
    }

    // MARK: Matching

    @Test func testMatchOrderFollowsTheDocumentedScore() async throws {
        let f = try await ServerFixture.shared()
        let weights = f.site.catalog.weights
        var checked = 0
        for id in Int64(1)...60 {
            guard let posting = try await f.site.trends.posting(id: id) else { continue }
            let matches = try await f.site.trends.matches(posting: id, weights: weights, limit: 1_000)
            guard !matches.isEmpty else { continue }
            checked += 1
            let asked = Set(posting.evidence.map(\.competency))
            let total = asked.reduce(0.0) { $0 + (weights[$1] ?? 1) }
            for m in matches {
                #expect(!m.shared.isEmpty && Set(m.shared).isSubset(of: asked))
                let expected = m.shared.reduce(0.0) { $0 + (weights[$1] ?? 1) } / total
                #expect(abs(m.score - expected) < 1e-9, "offre \(id), formation \(m.offerID)")
            }
            for (a, b) in zip(matches, matches.dropFirst()) {
                #expect(a.score > b.score
                        || (a.score == b.score && a.sameRegion && !b.sameRegion)
                        || (a.score == b.score && a.sameRegion == b.sameRegion && a.upcomingSessions > b.upcomingSessions)
                        || (a.score == b.score && a.sameRegion == b.sameRegion && a.upcomingSessions == b.upcomingSessions
                            && a.offerID < b.offerID), "ordre de \(a.offerID) et \(b.offerID)")
            }
        }
        #expect(checked > 10)
    }

    @Test func testSupportCompetenciesWeighHalf() async throws {
        let f = try await ServerFixture.shared()
        #expect(f.site.catalog.weights["donnees.sql"] == SupplyRules.supportWeight)
        #expect(f.site.catalog.weights.values.contains(1))
    }

    /// An offer that requires Python and teaches SQL: Python never shows as supply.
    @Test func testPrerequisitesNeverCountAsSupply() async throws {
        let (taxonomy, _) = try TaxonomyLoader(directory: ServerFixture.repoRoot.appendingPathComponent("Taxonomy")).load()
        let classifier = Classifier(taxonomy: taxonomy)
        let store = try Store.inMemory()
        // Distinct texts, so that deduplication keeps all twelve.
        let sectors = ["banque", "assurance", "santé", "transport", "énergie", "commerce", "industrie", "tourisme",
                       "éducation", "agriculture", "médias", "immobilier"]
        let tasks = ["suivre les ventes", "mesurer la fréquentation", "prévoir les stocks", "auditer la qualité",
                     "piloter les coûts", "étudier la clientèle", "contrôler la production", "optimiser les tournées",
                     "évaluer les parcours", "analyser les récoltes", "mesurer les audiences", "estimer les loyers"]
        let postings = (0..<12).map { i in
            Posting(id: "p\(i)", source: "test", title: "Analyste \(sectors[i]) n° \(i * 37 + 11)",
                    description: "Entreprise du secteur \(sectors[i]) fondée en \(1950 + i * 5). Missions : \(tasks[i]) "
                        + "avec des requêtes SQL et des scripts Python. Équipe de \(i * 3 + 4) personnes, site \(tasks[(i + 5) % 12]).",
                    published: Day(year: 2025, month: 1 + i, day: 5), department: "69", contract: "CDI",
                    company: "Société \(sectors[i]) \(i)")
        }
        try loadPostings(postings, store: store, classifier: classifier, now: Date(timeIntervalSince1970: 0))
        let offer = TrainingOffer(
            id: "F1", source: "test", title: "Requêtes SQL", content: "Programme : SQL, jointures et agrégats.",
            prerequisites: "Maîtrise de Python exigée.",
            actions: [TrainingAction(place: .init(department: "69"),
                                     sessions: [.init(start: Day(year: 2026, month: 2, day: 1), end: Day(year: 2026, month: 2, day: 9))])])
        var scratch = Classifier.Scratch()
        let run = try store.beginRun(files: ["t"])
        _ = try store.ingestTraining([TrainingItem(offer: offer, classification: classifier.classify(offer, scratch: &scratch))], run: run)
        let trends = try TrendStore(store: store)
        try await trends.refresh()

        let detail = try #require(try await trends.training(id: 1))
        #expect(detail.competencies.contains { $0.competency == "donnees.python" && !$0.taught })
        #expect(detail.competencies.contains { $0.competency == "donnees.sql" && $0.taught })
        let matches = try await trends.matches(posting: 1)
        #expect(matches.count == 1)
        #expect(matches.first?.shared == ["donnees.sql"])
        #expect(matches.first?.sameRegion == true)
        #expect(matches.first?.upcomingSessions == 1)
        #expect(try await trends.offers(teaching: "donnees.python").total == 0)
        #expect(try await trends.offers(teaching: "donnees.sql").total == 1)
        let gaps = try await trends.gaps(.competency, filter: TrendFilter())
        let python = try #require(gaps.rows.first { $0.key == "donnees.python" })
        let sql = try #require(gaps.rows.first { $0.key == "donnees.sql" })
        #expect(python.sessions == 0 && python.offers == 0)
        #expect(sql.sessions == 1 && sql.offers == 1)
        #expect(python.postings == 12 && gaps.postingsTotal == 12 && gaps.sessionsTotal == 1)
        // (12/12) / ((0+1)/(1+1)) = 2 and (12/12) / ((1+1)/(1+1)) = 1: Python under-supplied, SQL not.
        #expect(abs(python.ratio - 2) < 1e-9 && python.underSupplied)
        #expect(abs(sql.ratio - 1) < 1e-9 && !sql.underSupplied)
        let demand = try await trends.demand(forTraining: 1)
        #expect(demand.taught.map(\.competency) == ["donnees.sql"])
        #expect(demand.missing.contains { $0.competency == "donnees.python" && $0.prerequisite })
    }

    // MARK: Gaps

    @Test(arguments: [(10, 100, 0, 9, 1.0, false), (30, 100, 0, 9, 3.0, true), (9, 100, 0, 99, 9.0, false),
                      (20, 100, 1, 9, 1.0, false), (0, 0, 3, 9, 0.0, false)])
    func testGapRatioAndMinimumSupport(d: Int, bigD: Int, s: Int, bigS: Int, ratio: Double, under: Bool) {
        let r = SupplyRules.ratio(demand: d, demandTotal: bigD, supply: s, supplyTotal: bigS)
        #expect(abs(r - ratio) < 1e-9)
        #expect(SupplyRules.isUnderSupplied(demand: d, ratio: r) == under)
    }

    @Test func testGapTablesApplyTheRuleToEveryRow() async throws {
        let f = try await ServerFixture.shared()
        let t = try await f.site.trends.gaps(.competency, filter: TrendFilter())
        #expect(t.postingsTotal > 0 && t.sessionsTotal > 0)
        #expect(t.window.map { $0.to.index - $0.from.index + 1 } == SupplyRules.windowMonths)
        for g in t.rows {
            #expect(g.postings <= t.postingsTotal)
            let r = SupplyRules.ratio(demand: g.postings, demandTotal: t.postingsTotal, supply: g.sessions, supplyTotal: t.sessionsTotal)
            #expect(abs(g.ratio - r) < 1e-9)
            #expect(g.underSupplied == (g.postings >= SupplyRules.minimumDemand && g.ratio > 1))
        }
        let under = t.underSupplied
        #expect(!under.isEmpty)
        #expect(under.allSatisfy { $0.postings >= SupplyRules.minimumDemand })
        #expect(zip(under, under.dropFirst()).allSatisfy { $0.ratio >= $1.ratio })
        let regions = try await f.site.trends.gaps(.region, filter: TrendFilter())
        #expect(regions.rows.reduce(0) { $0 + $1.sessions } <= regions.sessionsTotal)
        let idf = try await f.site.trends.gaps(.competency, filter: TrendFilter(region: "11"))
        #expect(idf.postingsTotal < t.postingsTotal && idf.sessionsTotal < t.sessionsTotal)
    }

    // MARK: Pages

    @Test(arguments: ["/formations", "/formations?region=11&domaine=donnees", "/formations?competence=donnees.sql",
                      "/formations?q=data&page=1", "/formations/1", "/formations/2?region=11", "/ecarts", "/ecarts?domaine=ia",
                      "/ecarts?competence=donnees.sql&region=84", "/ecarts?du=2024-01&au=2024-12"])
    func testSupplyPagesRenderInFrench(uri: String) async throws {
        let r = try await get(uri)
        #expect(r.status == .ok, "\(uri)")
        #expect(r.body.contains("<html lang=\"fr\">") && r.body.contains("<caption"))
        #expect(r.body.contains("href=\"/ecarts\"") && r.body.contains("href=\"/formations\""))
        #expect(!r.body.contains("<script"))
        if uri.hasPrefix("/ecarts") {
            #expect(r.body.contains("Écarts offre/demande") && r.body.contains("Compétences sous-dotées"))
        } else if uri.hasPrefix("/formations/") {
            #expect(r.body.contains("Compétences enseignées") && r.body.contains("Ce qu’elle demande sans l’enseigner"))
        } else {
            #expect(r.body.contains("Offres de formation"))
        }
    }

    @Test(arguments: ["/ecarts/export/sous-dotees.csv", "/ecarts/export/domaines.json", "/ecarts/export/competences.csv?region=11",
                      "/ecarts/export/regions.json?competence=donnees.sql", "/formations/export/formations.csv",
                      "/formations/export/regions.json?competence=donnees.sql", "/formations/1/export/competences.csv",
                      "/formations/1/export/prerequis.json", "/formations/1/export/demande.csv", "/formations/1/export/manquantes.json",
                      "/formations/1/export/sessions.csv", "/formations/1/export/preuves.json", "/offres/1/export/formations.csv"])
    func testSupplyExportsAnswer(uri: String) async throws {
        let r = try await get(uri)
        #expect(r.status == .ok, "\(uri)")
        if uri.contains(".json") {
            let doc = try JSONSerialization.jsonObject(with: Data(r.body.utf8)) as? [String: Any]
            #expect(doc?["lignes"] is [Any])
        } else {
            #expect(r.headers[.contentDisposition]?.contains("attachment") == true)
            #expect(r.body.contains("\r\n"))
        }
    }

    @Test func testExcelGapExportUsesSemicolonsAndDecimalComma() async throws {
        let r = try await get("/ecarts/export/domaines.csv?variante=excel")
        #expect(r.body.hasPrefix("\u{FEFF}valeur;offres_emploi;part_demande"))
        #expect(r.body.split(separator: "\r\n").dropFirst().contains { $0.contains(";0,") })
    }

    @Test func testHostileTrainingOfferIsEscapedAndNeutralized() async throws {
        let f = try await ServerFixture.shared()
        #expect(f.hostileTrainingID > 0)
        let page = try await get("/formations/\(f.hostileTrainingID)")
        #expect(page.status == .ok)
        #expect(!page.body.contains("<script>alert") && page.body.contains("&lt;script&gt;alert(&#39;f&#39;)"))
        // Its « Prérequis : Python » is listed apart, as not taught.
        #expect(page.body.contains("prérequis (non enseignée)") && page.body.contains("non comptées comme enseignées"))
        let list = try await get("/formations?q=alert")
        #expect(list.body.contains("&lt;script&gt;") && !list.body.contains("<script>"))
        let csv = try await get("/formations/export/formations.csv?q=alert")
        #expect(csv.body.contains("\"'=HYPERLINK(") && !csv.body.contains(",=HYPERLINK") && !csv.body.contains(",\"=HYPERLINK"))
    }

    @Test func testPostingPageListsCoveringTrainings() async throws {
        let r = try await get("/offres/1")
        #expect(r.status == .ok)
        #expect(r.body.contains("Formations qui couvrent ce poste"))
        #expect(r.body.contains("/offres/1/export/formations.csv"))
    }

    @Test func testCompetencyPageListsTeachingOffers() async throws {
        let r = try await get("/competences/donnees.sql")
        #expect(r.status == .ok)
        #expect(r.body.contains("Formations qui enseignent « SQL »"))
        #expect(r.body.contains("/formations?competence=donnees.sql"))
        #expect(r.body.contains("/competences/donnees.sql/export/formations.csv"))
    }

    @Test func testMarkupIsBlankedWithoutMovingOffsets() {
        let text = "<p>Programme :</p><ul><li>SQL <b>avancé</b></li><li>Python</li></ul>"
        let blank = Snippet.blankingTags(text)
        #expect(blank.unicodeScalars.count == text.unicodeScalars.count)
        let start = text.unicodeScalars.count - "Python</li></ul>".unicodeScalars.count
        let s = Snippet(markup: text, start: start, end: start + 6)
        #expect(s.match == "Python" && !s.before.contains("<") && !s.after.contains("<"))
        #expect(Snippet.plainText(fromMarkup: text) == "Programme : SQL avancé Python")
    }

    @Test(arguments: ["/formations/999999", "/formations/abc", "/formations/export/inconnu.csv"])
    func testUnknownTrainingAnswers404(uri: String) async throws {
        #expect(try await get(uri).status == .notFound, "\(uri)")
    }

    @Test(arguments: [("/formations?region=99", "region"), ("/formations?competence=zz", "competence"),
                      ("/ecarts?domaine=astrologie", "domaine"), ("/formations?page=0", "page")])
    func testBadSupplyParametersAnswer400(uri: String, name: String) async throws {
        let r = try await get(uri)
        #expect(r.status == .badRequest, "\(uri)")
        #expect(r.body.contains("Paramètre « \(name) » invalide"))
    }
}
