import Foundation
import Records
@testable import Store

/// Invented postings and hand-made signatures (StoreTests does not depend on Dedup).
enum StoreFixtures {
    static func tempPath() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("observatoire-store-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent("store.sqlite").path
    }

    /// A deterministic sketch: 128 pseudo-random slots from `seed`; `changed` slots (from the end,
    /// outside the LSH bands) replaced, to make near-duplicates of a given similarity.
    static func sketch(seed: UInt64, changed: Int = 0, changeSeed: UInt64 = 99) -> [UInt32] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next() -> UInt32 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt32(truncatingIfNeeded: state >> 33)
        }
        var v = (0..<128).map { _ in next() }
        state = changeSeed
        for i in 0..<changed { v[127 - i] = next() }
        return v
    }

    static func signature(exact: UInt64, title: UInt64 = 0, minHash: [UInt32]) -> DedupSignature {
        DedupSignature(exactKey: exact, titleKey: title, minHash: minHash, bandCount: 16, rowsPerBand: 4)
    }

    static func item(_ n: Int, source: String = "france-travail", published: String = "2025-01-15",
                     description: String? = nil, version: String = "2025.1", competencies: Int = 3,
                     signature: DedupSignature? = nil) -> IngestItem {
        let id = "\(source)-\(n)"
        let posting = Posting(id: id, source: source, title: "Ingénieur données \(n) H/F",
                              description: description ?? "Mission \(n) : pipelines de données, SQL et Python.",
                              published: Day(iso: published), location: "69003 Lyon", contract: "CDI",
                              romeCode: "M1811", naf: "62.02A", company: "Société \(n % 7)",
                              sourceSkills: ["SQL", "Python"])
        let comps = (0..<competencies).map { c in
            CompetencyMatch(id: "donnees.c\(c)", domain: c % 2 == 0 ? "donnees" : "ia", label: "compétence \(c)",
                            evidence: [Evidence(start: 10 + c, end: 14 + c, text: "SQL", section: .missions),
                                       Evidence(start: 30 + c, end: 36 + c, text: "Python", section: .profile, negated: c == 2)])
        }
        let classification = Classification(id: id, domains: ["donnees", "ia"], domainScores: ["donnees": 3.5, "ia": 1],
                                            title: NormalizedTitle(normalized: "ingenieur donnees", rome: "M1811"),
                                            competencies: comps, taxonomyVersion: version)
        return IngestItem(posting: posting, classification: classification,
                          signature: signature ?? self.signature(exact: UInt64(n) &* 7919 &+ 1,
                                                                 minHash: sketch(seed: UInt64(n) &+ 1_000)))
    }
}
