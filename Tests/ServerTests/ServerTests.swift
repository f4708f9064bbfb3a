import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import ObservatoireServer
import Testing

struct ServerTests {
    func get(_ uri: String) async throws -> (status: HTTPResponse.Status, headers: HTTPFields, body: String) {
        let f = try await ServerFixture.shared()
        let app = Application(router: try await f.router())
        return try await app.test(.router) { client in
            try await client.execute(uri: uri, method: .get) { r in (r.status, r.headers, String(buffer: r.body)) }
        }
    }

    @Test(arguments: ["/", "/?periode=mois&region=11", "/domaines/ia", "/domaines/cybersecurite?mesure=glissement&tri=total&ordre=asc",
                      "/domaines/donnees?periode=annee&region=84&contrat=CDI", "/recherche?q=python", "/recherche?q=data+scientist&page=2",
                      "/competences/ia.grands-modeles-de-langage"])
    func testPagesRenderInFrenchWithSecurityHeaders(uri: String) async throws {
        let r = try await get(uri)
        #expect(r.status == .ok, "\(uri)")
        #expect(r.body.contains("<html lang=\"fr\">"))
        #expect(r.body.contains("<caption"))
        #expect(r.body.contains("scope=\"col\""))
        #expect(!r.body.contains("<script"))
        let csp = r.headers[HTTPField.Name("Content-Security-Policy")!] ?? ""
        #expect(csp.contains("default-src 'none'") && !csp.contains("unsafe-inline"))
    }

    @Test func testCompetencyPageHasChartTablesAndHighlightedSamples() async throws {
        let f = try await ServerFixture.shared()
        let top = try await f.site.trends.demand(.competencies(domain: "ia"), filter: .init()).rows[0].key
        let r = try await get("/competences/\(top)")
        #expect(r.status == .ok)
        #expect(r.body.contains("<svg") && r.body.contains("<title id=") && r.body.contains("<desc id="))
        #expect(r.body.contains("<mark>"))
        for table in ["evolution", "regions", "secteurs", "contrats", "intitules", "cooccurrences"] {
            #expect(r.body.contains("/export/\(table).csv"), "\(table)")
        }
    }

    @Test func testPostingPageShowsEvidenceAndEscapesScriptTitle() async throws {
        let f = try await ServerFixture.shared()
        #expect(f.hostileID > 0)
        let r = try await get("/offres/\(f.hostileID)")
        #expect(r.status == .ok)
        #expect(!r.body.contains("<script>alert"))
        #expect(r.body.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(r.body.contains("<mark>"))
        #expect(r.body.contains("Version de la taxonomie"))
        let search = try await get("/recherche?q=alert")
        #expect(search.body.contains("&lt;script&gt;") && !search.body.contains("<script>"))
    }

    @Test func testCSVExportsNeutralizeFormulas() async throws {
        let f = try await ServerFixture.shared()
        let r = try await get("/recherche/export/offres.csv?q=alert")
        #expect(r.status == .ok)
        #expect(r.headers[.contentType]?.hasPrefix("text/csv") == true)
        #expect(r.body.contains("'=HYPERLINK(\"\"http://evil.invalid\"\",\"\"clic\"\")"))
        #expect(!r.body.contains(",=HYPERLINK"))
        #expect(r.body.hasPrefix("intitule,id,entreprise"))
        #expect(r.body.contains("\r\n"))
        let excel = try await get("/recherche/export/offres.csv?q=alert&variante=excel")
        #expect(excel.body.hasPrefix("\u{FEFF}intitule;id;entreprise"))
        let first = try await get("/recherche?q=python")
        #expect(!first.body.contains("Page précédente") && first.body.contains("Page suivante"))
        _ = f
    }

    @Test func testExcelVariantUsesDecimalComma() async throws {
        let r = try await get("/domaines/ia/export/competences.csv?mesure=parts&periode=annee&variante=excel")
        #expect(r.status == .ok)
        let lines = r.body.split(separator: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.dropFirst().contains { $0.contains(";0,") })
    }

    @Test(arguments: ["/export/domaines.csv", "/export/domaines.json", "/export/hausses.csv", "/export/baisses.json",
                      "/domaines/ia/export/competences.csv?periode=mois", "/domaines/ia/export/hausses.json",
                      "/competences/ia.grands-modeles-de-langage/export/regions.csv", "/competences/ia.grands-modeles-de-langage/export/cooccurrences.json",
                      "/competences/ia.grands-modeles-de-langage/export/intitules.csv", "/competences/ia.grands-modeles-de-langage/export/evolution.json",
                      "/recherche/export/offres.json?q=python"])
    func testEveryExportAnswers(uri: String) async throws {
        let r = try await get(uri)
        #expect(r.status == .ok, "\(uri)")
        if uri.contains(".json") {
            let doc = try JSONSerialization.jsonObject(with: Data(r.body.utf8)) as? [String: Any]
            #expect(doc?["lignes"] is [Any])
        } else {
            #expect(r.headers[.contentDisposition]?.contains("attachment") == true)
        }
    }

    @Test func testExportReproducesThePageTable() async throws {
        let page = try await get("/?periode=annee&region=11")
        let csv = try await get("/export/domaines.csv?periode=annee&region=11")
        #expect(page.body.contains("/export/domaines.csv?periode=annee&amp;region=11"))
        #expect(csv.body.hasPrefix("domaine,total,2023,2024,2025"))
        let rows = csv.body.split(separator: "\r\n")
        #expect(rows.count == 7)
    }

    @Test(arguments: [("/?periode=semaine", "periode"), ("/?du=2024-13", "du"), ("/?region=99", "region"),
                      ("/domaines/ia?tri=inconnu", "tri"), ("/recherche?page=0", "page"), ("/?du=2025-01&au=2024-01", "du"),
                      ("/export/domaines.csv?variante=tableur", "variante"), ("/?departement=ZZ", "departement")])
    func testBadParametersAnswer400NamingTheParameter(uri: String, name: String) async throws {
        let r = try await get(uri)
        #expect(r.status == .badRequest, "\(uri)")
        #expect(r.body.contains("Paramètre « \(name) » invalide"), "\(uri)")
        #expect(r.body.contains("lang=\"fr\""))
    }

    @Test(arguments: ["/nulle-part", "/domaines/astrologie", "/competences/inconnue", "/offres/999999", "/offres/abc",
                      "/export/inconnu.csv", "/export/domaines.xml"])
    func testUnknownPagesAnswerFrench404(uri: String) async throws {
        let r = try await get(uri)
        #expect(r.status == .notFound, "\(uri)")
        #expect(r.body.contains("Page introuvable"))
    }

    @Test func testStaticStylesheet() async throws {
        let r = try await get("/static/style.css")
        #expect(r.status == .ok)
        #expect(r.body.contains("--bleu"))
    }

    @Test func testCSVQuotingFollowsRFC4180() {
        let t = DataTable(name: "t", caption: "t", columns: [.init("a", "A"), .init("b", "B")],
                          rows: [[.text("x,y"), .text("dit \"oui\"")], [.text("-1"), .text("@cmd")], [.text("\tz"), .text("ligne\nsuite")]])
        let csv = TableExport.csv(t, variant: .standard)
        #expect(csv == "a,b\r\n\"x,y\",\"dit \"\"oui\"\"\"\r\n'-1,'@cmd\r\n'\tz,\"ligne\nsuite\"\r\n")
    }
}

struct ServerCacheTests {
    @Test func testCachedResponsesAreIdentical() async throws {
        let f = try await ServerFixture.shared()
        let app = Application(router: try await WebServer.router(site: f.site, webDirectory: f.webDirectory, cacheCapacity: 8))
        try await app.test(.router) { client in
            let a = try await client.execute(uri: "/domaines/ia?periode=annee", method: .get) { String(buffer: $0.body) }
            let b = try await client.execute(uri: "/domaines/ia?periode=annee", method: .get) { r in
                #expect(r.headers[HTTPField.Name("Content-Security-Policy")!] != nil)
                return String(buffer: r.body)
            }
            #expect(a == b && a.contains("<caption"))
            let bad = try await client.execute(uri: "/?region=99", method: .get) { $0.status }
            #expect(bad == .badRequest)
        }
    }
}

struct FrenchFormatTests {
    @Test func pricesUseFrenchTypography() {
        #expect(FrenchFormat.euros(2100) == "2\u{202F}100\u{00A0}€")
        #expect(FrenchFormat.euros(1290.5) == "1\u{202F}290,50\u{00A0}€")
        #expect(FrenchFormat.euros(0) == "0\u{00A0}€")
    }
}
