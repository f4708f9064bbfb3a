import Classifier
import Dedup
import Demo
import Foundation
import Records
import Store
import Taxonomy
import Trends

/// An in-memory store filled with 600 synthetic demo postings classified by the real classifier
/// and taxonomy, built once and shared by the tests.
struct Fixture: Sendable {
    let store: Store
    let trends: TrendStore
    let taxonomy: Taxonomy

    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func make(postings: [Posting]) async throws -> Fixture {
        let (taxonomy, _) = try TaxonomyLoader(directory: repoRoot.appendingPathComponent("Taxonomy")).load()
        let classifier = Classifier(taxonomy: taxonomy)
        let store = try Store.inMemory()
        var scratch = Classifier.Scratch()
        let dedup = Deduplicator()
        let items = postings.map {
            IngestItem(posting: $0, classification: classifier.classify($0, scratch: &scratch), signature: dedup.signature(for: $0))
        }
        let run = try store.beginRun(files: ["demo"], now: Date(timeIntervalSince1970: 0))
        _ = try store.ingest(items, run: run, now: Date(timeIntervalSince1970: 0))
        try store.finishRun(run: run, now: Date(timeIntervalSince1970: 0))
        let trends = try TrendStore(store: store)
        try await trends.refresh()
        return Fixture(store: store, trends: trends, taxonomy: taxonomy)
    }

    static func shared() async throws -> Fixture { try await cache.get() }
    private static let cache = Cache()

    private actor Cache {
        var task: Task<Fixture, any Error>?
        func get() async throws -> Fixture {
            if let task { return try await task.value }
            let t = Task { try await Fixture.make(postings: DemoGenerator(postings: 600).postings()) }
            task = t
            return try await t.value
        }
    }
}
