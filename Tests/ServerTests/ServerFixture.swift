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
/// title and a formula in the company), the 300 demo training offers plus one hostile offer,
/// served by the real router.
struct ServerFixture: Sendable {
    let site: Site
    let hostileID: Int64
    let hostileTrainingID: Int64
    let webDirectory: String

    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let hostileTitle = "<script>alert('x')</script> Data scientist Python"
    static let hostileCompany = "=HYPERLINK(\"http://evil.invalid\",\"clic\")"
    static let hostileTraining = TrainingOffer(
        id: "HOSTILE-F1", source: "test", title: "<script>alert('f')</script> Formation SQL",
        content: "Programme : SQL avancé et modélisation relationnelle.", prerequisites: "Prérequis : Python.",
        organisation: "=HYPERLINK(\"http://evil.invalid\")",
        actions: [TrainingAction(place: .init(department: "75"),
                                 sessions: [.init(start: Day(year: 2026, month: 3, day: 2), end: Day(year: 2026, month: 3, day: 20))])])

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
        try loadTrainingOffers(file: repoRoot.appendingPathComponent("Data/demo-formations.lheo.xml"), store: store,
                               classifier: classifier, now: Date(timeIntervalSince1970: 0))
        var scratch = Classifier.Scratch()
        let run = try store.beginRun(files: ["hostile"])
        _ = try store.ingestTraining([TrainingItem(offer: hostileTraining,
                                                   classification: classifier.classify(hostileTraining, scratch: &scratch))], run: run)
        let trends = try TrendStore(store: store)
        try await trends.refresh()
        let hit = try await trends.search("alert", filter: TrendFilter())
        let site = try await Site(trends: trends, catalog: Catalog(taxonomy: taxonomy))
        let hostileTraining = try await trends.trainingOffers(TrainingFilter(text: "alert")).offers.first?.offerID ?? -1
        return ServerFixture(site: site, hostileID: hit.hits.first?.postingID ?? -1, hostileTrainingID: hostileTraining,
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
