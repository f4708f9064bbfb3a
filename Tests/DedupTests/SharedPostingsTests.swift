import Dedup
import Foundation
import Records
import Testing

/// Measurements on the shared real postings (`../shared/data/postings/postings.jsonl`, read at run
/// time, never copied). Skipped when the shared folder is absent.
enum SharedPostings {
    static let url: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data/postings/postings.jsonl")
    static var available: Bool { FileManager.default.fileExists(atPath: url.path) }

    static func load() throws -> [Posting] {
        let data = try Data(contentsOf: url)
        let decoder = JSONDecoder()
        return try data.split(separator: UInt8(ascii: "\n")).map { try decoder.decode(Posting.self, from: Data($0)) }
    }
}

@Suite(.enabled(if: SharedPostings.available, "../shared/data/postings/postings.jsonl absent : mesure ignorée"))
struct SharedPostingsTests {
    /// The one-pass signature equals the reference on every real posting (every fourth in debug).
    @Test func fastSignaturesMatchTheReferenceOnRealPostings() throws {
        let dedup = Deduplicator()
        for p in try SharedPostings.load().enumerated().filter({ $0.offset % 4 == 0 }).map(\.element) {
            let reference = dedup.signature(for: p, tokens: Dedup.tokens(p.title + "\n" + p.description))
            #expect(dedup.signature(for: p) == reference, "\(p.id)")
        }
    }

    @Test func duplicateCountsOnSharedPostings() throws {
        let postings = try SharedPostings.load()
        #expect(postings.count == 8_913)

        // Independent oracles for exact duplicates, computed in Python: raw (title, description,
        // company) triples give 1,493 duplicates of an earlier posting; folded ones (NFD, marks
        // dropped, lowercase, words split on [^0-9a-z]+, title + "\n" + description, then company)
        // give 1,561, the number the exact key must find.
        struct Triple: Hashable { var t: String; var d: String; var c: String? }
        let raw = postings.count - Set(postings.map { Triple(t: $0.title, d: $0.description, c: $0.company) }).count
        #expect(raw == 1_493)

        let dedup = Deduplicator()
        var index = DuplicateIndex()
        var byKind: [DuplicateKind: [(Posting, DuplicateIndex.Match)]] = [:]
        let byID = Dictionary(uniqueKeysWithValues: postings.map { ($0.id, $0) })
        let clock = ContinuousClock()
        let start = clock.now
        for p in postings {
            if let m = index.add(id: p.id, source: p.source, signature: dedup.signature(for: p)) {
                byKind[m.kind, default: []].append((p, m))
            }
        }
        let elapsed = clock.now - start
        let exact = byKind[.exact]?.count ?? 0
        #expect(exact == 1_561)
        let near = byKind[.near] ?? [], cross = byKind[.crossSource] ?? []
        print("Dédoublonnage de \(postings.count) offres en \(elapsed) : exact \(exact), quasi \(near.count), inter-sources \(cross.count)")
        for (kind, list) in [("quasi", near), ("inter-sources", cross)] {
            for (p, m) in list.prefix(8) {
                let other = byID[m.matched]!
                print("  \(kind) \(String(format: "%.2f", m.similarity)) \(p.id) [\(p.source)] « \(p.title) » ~ \(other.id) [\(other.source)] « \(other.title) »")
            }
        }
        // Near and cross-source matches stay a minority: the data has reposts, not one template.
        #expect(near.count < postings.count / 5)
        #expect(cross.count < postings.count / 10)
    }
}
