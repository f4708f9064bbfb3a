import Classifier
import Demo
import Foundation
import Hummingbird
import ObservatoireServer
import Records
import Store
import Taxonomy
import Trends

/// An in-memory store with 600 synthetic demo postings plus one hostile posting (a `<script>`
/// title and a formula in the company), served by the real router.
struct ServerFixture: Sendable {
    let site: Site
    let hostileID: Int64
    let webDirectory: String

    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let hostileTitle = "<script>alert('x')</script> Data scientist Python"
    static let hostileCompany = "=HYPERLINK(\"http://evil.invalid\",\"clic\")"

    static func make() async throws -> ServerFixture {
        let (taxonomy, _) = try TaxonomyLoader(directory: repoRoot.appendingPathComponent("Taxonomy")).load()
        let classifier = Classifier(taxonomy: taxonomy)
        let store = try Store.inMemory()
        var postings = DemoGenerator(postings: 600).postings()
        postings.append(Posting(id: "hostile-1", source: "test", title: hostileTitle,
                                description: "Vous maîtrisez Python, le machine learning et SQL.",
                                published: Day(year: 2025, month: 11, day: 3), department: "75", contract: "CDI",
                                romeCode: "M1405", naf: "62.01Z", company: hostileCompany))
        try loadPostings(postings, store: store, classifier: classifier, now: Date(timeIntervalSince1970: 0))
        let trends = try TrendStore(store: store)
        try await trends.refresh()
        let hit = try await trends.search("alert", filter: TrendFilter())
        let site = try await Site(trends: trends, catalog: Catalog(taxonomy: taxonomy))
        return ServerFixture(site: site, hostileID: hit.hits.first?.postingID ?? -1,
                             webDirectory: repoRoot.appendingPathComponent("web").path)
    }

    func router() async throws -> Router<BasicRequestContext> {
        try await WebServer.router(site: site, webDirectory: webDirectory)
    }

    static func shared() async throws -> ServerFixture { try await cache.get() }
    private static let cache = Cache()

    private actor Cache {
        var task: Task<ServerFixture, any Error>?
        func get() async throws -> ServerFixture {
            if let task { return try await task.value }
            let t = Task { try await ServerFixture.make() }
            task = t
            return try await t.value
        }
    }
}
