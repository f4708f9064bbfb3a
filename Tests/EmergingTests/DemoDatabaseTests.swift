import Classifier
import Emerging
import Foundation
import Records
import Store
import Taxonomy
import Testing

/// Emerging terms and titles on the 4,000 synthetic demo postings (`Data/demo-postings.jsonl`)
/// stored through `Store.ingest`: it must take seconds, not minutes.
struct DemoDatabaseTests {
    @Test func emergingOnDemoDatabase() throws {
        let (tax, _) = try TaxonomyLoader(directory: repoRoot.appendingPathComponent("Taxonomy")).load()
        let classifier = Classifier(taxonomy: tax)
        var scratch = Classifier.Scratch()
        let store = try Store.inMemory()
        let text = try String(contentsOf: repoRoot.appendingPathComponent("Data/demo-postings.jsonl"), encoding: .utf8)
        var items: [IngestItem] = []
        let decoder = JSONDecoder()
        for (i, line) in text.split(separator: "\n").enumerated() {
            let p = try decoder.decode(Posting.self, from: Data(line.utf8))
            let signature = DedupSignature(exactKey: UInt64(i + 1), titleKey: 0, minHash: [], bandCount: 0, rowsPerBand: 1)
            items.append(IngestItem(posting: p, classification: classifier.classify(p, scratch: &scratch), signature: signature))
        }
        _ = try store.ingest(items, run: store.beginRun(files: ["demo"]))
        let matcher = try RomeMatcher(reference: RomeReference.load(directory: romeDirectory))
        var options = EmergingAnalysis.Options()
        options.granularity = .quarter
        options.recentPeriods = 2
        let analysis = EmergingAnalysis(reader: store.reader, taxonomy: tax, matcher: matcher, options: options)
        let start = Date()
        let terms = try analysis.emergingTerms()
        let titles = try analysis.emergingTitles()
        let seconds = Date().timeIntervalSince(start)
        print("démo : \(items.count) offres, \(terms.count) termes, \(titles.count) intitulés en \(String(format: "%.2f", seconds)) s")
        for t in terms.prefix(10) {
            print("  terme « \(t.label) » \(t.score.recent)/\(t.recentTotal) contre \(t.score.earlier)/\(t.earlierTotal), z \(String(format: "%.1f", t.score.z)), \(t.domain ?? "—")")
        }
        for t in titles.prefix(10) { print("  intitulé « \(t.title) » \(t.total) \(t.reasons.map(\.rawValue)) \(t.rome?.code ?? "—")") }
        #expect(items.count == 4_000)
        // Debug build on a shared 2-core machine; a release build is several times faster.
        #expect(seconds < 30)
    }
}
