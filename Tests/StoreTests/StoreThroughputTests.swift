import Foundation
import Records
import Store
import Testing

/// Ingest throughput: 20 batches of 500 new postings with 3 competencies and 6 evidence each, into
/// a WAL file database. Run in release for meaningful numbers:
/// `swift test -c release -Xswiftc -enable-testing --scratch-path .build-store --filter StoreThroughput`.
struct StoreThroughputTests {
    @Test func ingestThroughput() throws {
        let store = try Store(path: StoreFixtures.tempPath())
        let run = try store.beginRun(files: ["bench"])
        let batches = (0..<20).map { b in (0..<500).map { StoreFixtures.item(b * 500 + $0) } }
        let clock = ContinuousClock()
        let start = clock.now
        for batch in batches { _ = try store.ingest(batch, run: run) }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Double(10_000) / seconds
        print("Ingestion : 10 000 offres en \(String(format: "%.3f", seconds)) s, \(Int(rate)) offres/s")
        #expect(try store.status().postings == 10_000)
        // Re-ingesting unchanged postings (the common case of a daily feed).
        let again = clock.now
        for batch in batches { _ = try store.ingest(batch, run: run) }
        let e2 = clock.now - again
        let s2 = Double(e2.components.seconds) + Double(e2.components.attoseconds) / 1e18
        print("Ré-ingestion inchangée : \(Int(10_000 / s2)) offres/s")
    }
}
