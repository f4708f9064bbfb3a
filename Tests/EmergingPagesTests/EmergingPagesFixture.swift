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
/// title), served by the real router — the pattern of `ServerTests`' fixture.
struct EmergingPagesFixture: Sendable {
    let site: Site
    let hostileID: Int64
    let hostileTitle: String
    let webDirectory: String

    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func make() async throws -> EmergingPagesFixture {
        let (taxonomy, _) = try TaxonomyLoader(directory: repoRoot.appendingPathComponent("Taxonomy")).load()
        let classifier = Classifier(taxonomy: taxonomy)
        let store = try Store.inMemory()
        var postings = DemoGenerator(postings: 600).postings()
        for i in 0..<3 {
            postings.append(Posting(id: "hostile-\(i)", source: "test", title: "<script>alert('x')</script> Prompt engineer",
                                    description: "Vous concevez des prompts et maîtrisez Python.",
                                    published: Day(year: 2025, month: 11, day: 3 + i), department: "75", contract: "CDI",
                                    romeCode: "M1405", naf: "62.01Z", company: "Hostile"))
        }
        try loadPostings(postings, store: store, classifier: classifier, now: Date(timeIntervalSince1970: 0))
        let trends = try TrendStore(store: store)
        try await trends.refresh()
        let hit = try await trends.search("alert", filter: TrendFilter())
        let id = hit.hits.first?.postingID ?? -1
        let title = try await trends.posting(id: id)?.titleNormalized ?? ""
        let site = try await Site(trends: trends, catalog: Catalog(taxonomy: taxonomy))
        return EmergingPagesFixture(site: site, hostileID: id, hostileTitle: title,
                                    webDirectory: repoRoot.appendingPathComponent("web").path)
    }

    func router() async throws -> Router<BasicRequestContext> {
        try await WebServer.router(site: site, webDirectory: webDirectory)
    }

    static func shared() async throws -> EmergingPagesFixture { try await cache.get() }
    private static let cache = Cache()

    private actor Cache {
        var task: Task<EmergingPagesFixture, any Error>?
        func get() async throws -> EmergingPagesFixture {
            if let task { return try await task.value }
            let t = Task { try await EmergingPagesFixture.make() }
            task = t
            return try await t.value
        }
    }
}
