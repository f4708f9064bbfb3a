import Foundation
import Records
@testable import Store
import Testing

struct StoreTests {
    static let tables = ["postings", "classifications", "posting_domains", "posting_competencies", "evidence",
                         "duplicates", "dedup_bands", "exact_keys", "rejected_records"]

    func rowCounts(_ store: Store) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for t in Self.tables { counts[t] = try store.rowCount(t) }
        return counts
    }

    @Test func ingestTwiceChangesNothing() throws {
        let store = try Store(path: StoreFixtures.tempPath())
        let batch = (0..<40).map { StoreFixtures.item($0) }
        let run = try store.beginRun(files: ["offres.jsonl"])
        let first = try store.ingest(batch, run: run)
        #expect(first.count(.stored) == 40)
        let counts = try rowCounts(store)
        #expect(counts["postings"] == 40)
        #expect(counts["posting_competencies"] == 120)
        #expect(counts["evidence"] == 240)
        #expect(counts["posting_domains"] == 80)
        #expect(counts["dedup_bands"] == 40 * 16)
        let status = try store.status()

        let second = try store.ingest(batch, run: run)
        #expect(second.count(.unchanged) == 40)
        #expect(second.duplicates.isEmpty)
        #expect(try rowCounts(store) == counts)
        #expect(try store.status() == status)
        #expect(status.postings == 40)
        #expect(status.uniquePostings == 40)
        #expect(status.taxonomyVersions == ["2025.1"])
        #expect(status.firstPublished == Day(iso: "2025-01-15"))
    }

    @Test func derivedColumnsAreFilled() throws {
        let store = try Store.inMemory()
        _ = try store.ingest([StoreFixtures.item(1)], run: store.beginRun(files: []))
        let row = try store.strings(sql: "SELECT department || '|' || region || '|' || naf_section || '|' || source_skills || '|' || published FROM postings")
        #expect(row == [#"69|84|J|["SQL","Python"]|2025-01-15"#])
    }

    @Test func changedContentReplacesClassification() throws {
        let store = try Store.inMemory()
        let run = try store.beginRun(files: ["a.jsonl"])
        _ = try store.ingest([StoreFixtures.item(1), StoreFixtures.item(2)], run: run)
        let changed = StoreFixtures.item(1, description: "Nouvelle mission : MLOps.", competencies: 1)
        let outcome = try store.ingest([changed], run: run)
        #expect(outcome.outcomes == [.updated])
        #expect(try store.rowCount("postings") == 2)
        #expect(try store.rowCount("posting_competencies") == 3 + 1)
        #expect(try store.rowCount("evidence") == 6 + 2)
        #expect(try store.rowCount("classifications") == 2)
        #expect(try store.rowCount("dedup_bands") == 32)
        let description = try store.strings(sql: "SELECT description FROM postings WHERE source_id = 'france-travail-1'")
        #expect(description == ["Nouvelle mission : MLOps."])
    }

    @Test func newTaxonomyVersionReclassifies() throws {
        let store = try Store.inMemory()
        let run = try store.beginRun(files: [])
        _ = try store.ingest([StoreFixtures.item(1), StoreFixtures.item(2)], run: run)
        #expect(try store.needsReclassification(version: "2025.2") ==
                [PostingKey(source: "france-travail", sourceID: "france-travail-1"),
                 PostingKey(source: "france-travail", sourceID: "france-travail-2")])
        let outcome = try store.ingest([StoreFixtures.item(1, version: "2025.2", competencies: 2)], run: run)
        #expect(outcome.outcomes == [.reclassified])
        #expect(try store.status().taxonomyVersions == ["2025.1", "2025.2"])
        #expect(try store.needsReclassification(version: "2025.2").count == 1)
        #expect(try store.rowCount("posting_competencies") == 3 + 2)
    }

    @Test func crashMidBatchLeavesNothing() throws {
        let path = StoreFixtures.tempPath()
        let store = try Store(path: path)
        let run = try store.beginRun(files: ["a.jsonl"])
        _ = try store.ingest((0..<5).map { StoreFixtures.item($0) }, run: run)
        let before = try rowCounts(store)
        let batch = (5..<15).map { StoreFixtures.item($0) } + [StoreFixtures.item(1, description: "modifiée")]
        #expect(throws: SimulatedCrash.self) {
            _ = try store.ingest(batch, run: run, now: Date(), failAfter: 8)
        }
        #expect(try rowCounts(store) == before)
        // A fresh connection sees the same thing.
        let reopened = try Store(path: path)
        #expect(try rowCounts(reopened) == before)
        // Re-running the batch converges to the counts of an uninterrupted run.
        _ = try reopened.ingest(batch, run: run)
        let counts = try reopened.finishRun(run: run)
        #expect(counts["vues"] == 15)
        #expect(counts["nouvelles"] == 15)
        #expect(counts["modifiees"] == 0)  // first seen in this same run
    }

    @Test func duplicatesAreClusteredOnTheEarliestPosting() throws {
        let store = try Store.inMemory()
        let run = try store.beginRun(files: [])
        let base = StoreFixtures.sketch(seed: 42)
        let title: UInt64 = 0xABCD
        let a = StoreFixtures.item(1, published: "2025-02-10",
                                   signature: StoreFixtures.signature(exact: 1, title: title, minHash: base))
        // Same text: exact.
        let b = StoreFixtures.item(2, published: "2025-02-12",
                                   signature: StoreFixtures.signature(exact: 1, title: title, minHash: base))
        // 12 of 128 slots differ (≈ 0.91): near-duplicate, published earlier → becomes canonical.
        let c = StoreFixtures.item(3, published: "2025-02-01",
                                   signature: StoreFixtures.signature(exact: 3, title: 0x1234, minHash: StoreFixtures.sketch(seed: 42, changed: 12)))
        // Other board, same title, 40 slots differ (≈ 0.69): cross-source.
        let d = StoreFixtures.item(4, source: "wttj", published: "2025-02-11",
                                   signature: StoreFixtures.signature(exact: 4, title: title, minHash: StoreFixtures.sketch(seed: 42, changed: 40)))
        // Unrelated.
        let e = StoreFixtures.item(5, signature: StoreFixtures.signature(exact: 5, title: title, minHash: StoreFixtures.sketch(seed: 7)))
        let outcome = try store.ingest([a, b, c, d, e], run: run)
        #expect(outcome.duplicates == [.exact: 1, .near: 1, .crossSource: 1])
        let rows = try store.strings(sql: """
            SELECT p.source_id || ' → ' || c.source_id || ' ' || d.kind FROM duplicates d
            JOIN postings p ON p.id = d.posting_id JOIN postings c ON c.id = d.cluster_id ORDER BY p.source_id
            """)
        #expect(rows == ["france-travail-1 → france-travail-3 quasi",
                         "france-travail-2 → france-travail-3 exact",
                         "wttj-4 → france-travail-3 inter-sources"])
        let status = try store.status()
        #expect(status.postings == 5)
        #expect(status.uniquePostings == 2)
        #expect(status.duplicates == ["exact": 1, "quasi": 1, "inter-sources": 1])
        // Idempotent.
        let again = try store.ingest([a, b, c, d, e], run: run)
        #expect(again.count(.unchanged) == 5)
        #expect(try store.status() == status)
    }

    @Test func updatingACanonicalPromotesTheNextMember() throws {
        let store = try Store.inMemory()
        let run = try store.beginRun(files: [])
        let base = StoreFixtures.sketch(seed: 5)
        let a = StoreFixtures.item(1, published: "2025-01-01", signature: StoreFixtures.signature(exact: 1, minHash: base))
        let b = StoreFixtures.item(2, published: "2025-01-02", signature: StoreFixtures.signature(exact: 1, minHash: base))
        let c = StoreFixtures.item(3, published: "2025-01-03", signature: StoreFixtures.signature(exact: 1, minHash: base))
        _ = try store.ingest([a, b, c], run: run)
        #expect(try store.status().uniquePostings == 1)
        // The canonical changes into something unrelated.
        let a2 = StoreFixtures.item(1, published: "2025-01-01", description: "autre chose",
                                    signature: StoreFixtures.signature(exact: 9, minHash: StoreFixtures.sketch(seed: 77)))
        #expect(try store.ingest([a2], run: run).outcomes == [.updated])
        let rows = try store.strings(sql: """
            SELECT p.source_id || '→' || c.source_id FROM duplicates d JOIN postings p ON p.id = d.posting_id
            JOIN postings c ON c.id = d.cluster_id ORDER BY p.source_id
            """)
        #expect(rows == ["france-travail-3→france-travail-2"])
        #expect(try store.status().uniquePostings == 2)
    }

    @Test func rejectsAreKeptOnce() throws {
        let store = try Store.inMemory()
        let errors = [
            RecordError(code: .malformedJSON, file: "offres.jsonl", line: 12, reason: "JSON invalide", excerpt: "{\"id\": "),
            RecordError(code: .missingField, file: "offres.jsonl", line: 40, field: "title", reason: "champ obligatoire absent",
                        excerpt: String(repeating: "x", count: 2_000)),
        ]
        let run1 = try store.beginRun(files: ["offres.jsonl"])
        try store.reject(errors, run: run1)
        try store.reject(errors, run: run1)
        #expect(try store.rowCount("rejected_records") == 2)
        let run2 = try store.beginRun(files: ["offres.jsonl"])
        try store.reject(errors, run: run2)
        #expect(try store.rowCount("rejected_records") == 2)
        #expect(try store.finishRun(run: run2)["rejetees"] == 2)
        #expect(try store.finishRun(run: run1)["rejetees"] == 0)
        #expect(try store.strings(sql: "SELECT CAST(MAX(LENGTH(excerpt)) AS TEXT) FROM rejected_records") == ["500"])
        #expect(try store.status().rejected == 2)
    }

    @Test func unknownRunIsAnError() throws {
        let store = try Store.inMemory()
        #expect(throws: StoreError.unknownRun(42)) { try store.finishRun(run: RunID(rawValue: 42)) }
    }
}
