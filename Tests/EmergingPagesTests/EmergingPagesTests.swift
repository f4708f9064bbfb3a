import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import ObservatoireServer
import Testing

struct EmergingPagesTests {
    func get(_ uri: String) async throws -> (status: HTTPResponse.Status, headers: HTTPFields, body: String) {
        let f = try await EmergingPagesFixture.shared()
        let app = Application(router: try await f.router())
        return try await app.test(.router) { client in
            try await client.execute(uri: uri, method: .get) { r in (r.status, r.headers, String(buffer: r.body)) }
        }
    }

    func titleURI(_ title: String) -> String {
        "/metiers/" + (title.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? title)
    }

    @Test(arguments: ["/emergents", "/emergents?periode=trimestre&recentes=2", "/emergents?region=11&du=2024-01&au=2025-12"])
    func testEmergingPageRendersInFrench(uri: String) async throws {
        let r = try await get(uri)
        #expect(r.status == .ok, "\(uri)")
        #expect(r.body.contains("<html lang=\"fr\">"))
        #expect(r.body.contains("Métiers et compétences émergents"))
        #expect(r.body.contains("<strong>Règle :</strong>") && r.body.contains("fenêtre antérieure"))
        #expect(r.body.contains("/emergents/export/intitules.csv") && r.body.contains("/emergents/export/termes.json"))
        #expect(!r.body.contains("<script"))
    }

    @Test func testEmergingTitlesHaveSparklinesAndLinks() async throws {
        let r = try await get("/emergents")
        #expect(r.body.contains("href=\"/metiers/"))
        #expect(r.body.contains("class=\"sparkline\"") && r.body.contains("<title id=\"spark-0-t\">"))
    }

    @Test func testTitlePageShowsMappingTrendAndPostings() async throws {
        let f = try await EmergingPagesFixture.shared()
        let r = try await get(titleURI(f.hostileTitle))
        #expect(r.status == .ok)
        #expect(r.body.contains("<html lang=\"fr\">") && r.body.contains("Correspondance avec le ROME 4.0"))
        #expect(r.body.contains("href=\"/offres/\(f.hostileID)\""))
        #expect(r.body.contains("<svg"))
        for table in ["rome", "evolution", "regions", "competences", "offres"] {
            #expect(r.body.contains("/export/\(table).csv"), "\(table)")
        }
    }

    @Test func testScriptTitleIsEscaped() async throws {
        let f = try await EmergingPagesFixture.shared()
        let r = try await get(titleURI(f.hostileTitle))
        #expect(r.status == .ok)
        #expect(!r.body.contains("<script"))
        #expect(r.body.contains("&lt;script&gt;") || !f.hostileTitle.contains("<"))
        let list = try await get("/emergents")
        #expect(!list.body.contains("<script"))
    }

    @Test func testExportsAnswerCSVAndJSON() async throws {
        let f = try await EmergingPagesFixture.shared()
        for uri in ["/emergents/export/intitules.csv", "/emergents/export/termes.csv?periode=trimestre",
                    titleURI(f.hostileTitle) + "/export/offres.csv", titleURI(f.hostileTitle) + "/export/rome.csv"] {
            let r = try await get(uri)
            #expect(r.status == .ok, "\(uri)")
            #expect(r.headers[.contentType]?.hasPrefix("text/csv") == true, "\(uri)")
            #expect(r.headers[.contentDisposition]?.contains("attachment") == true, "\(uri)")
        }
        for uri in ["/emergents/export/intitules.json", "/emergents/export/termes.json",
                    titleURI(f.hostileTitle) + "/export/competences.json", titleURI(f.hostileTitle) + "/export/evolution.json"] {
            let r = try await get(uri)
            #expect(r.status == .ok, "\(uri)")
            let doc = try JSONSerialization.jsonObject(with: Data(r.body.utf8)) as? [String: Any]
            #expect(doc?["lignes"] is [Any], "\(uri)")
        }
        let csv = try await get(titleURI(f.hostileTitle) + "/export/offres.csv")
        #expect(csv.body.hasPrefix("intitule,id,entreprise"))
    }

    @Test(arguments: ["/metiers/astrologue%20quantique", "/metiers/inconnu/export/offres.csv", "/emergents/export/inconnu.csv"])
    func testUnknownTitleAnswersFrench404(uri: String) async throws {
        let r = try await get(uri)
        #expect(r.status == .notFound, "\(uri)")
        #expect(r.body.contains("Page introuvable"))
    }

    @Test(arguments: [("/emergents?periode=annee", "periode"), ("/emergents?recentes=99", "recentes"),
                      ("/emergents?region=99", "region"), ("/metiers/x?du=2024-13", "du")])
    func testBadParametersAnswerFrench400(uri: String, name: String) async throws {
        let r = try await get(uri)
        #expect(r.status == .badRequest, "\(uri)")
        #expect(r.body.contains("Paramètre « \(name) » invalide"), "\(uri)")
    }
}
