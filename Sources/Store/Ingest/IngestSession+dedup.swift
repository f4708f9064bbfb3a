import Foundation
import GRDB
import Records

extension IngestSession {
    /// Postings taken from each LSH band, most recent first.
    static let maxPerBand = 64
    /// Candidates compared in full (MinHash similarity) per new posting.
    static let maxCandidates = 32

    /// Finds the best earlier match of a new or changed posting, records it in `duplicates`, and
    /// indexes the posting for later look-ups. Returns the duplicate kind, if any.
    ///
    /// Exact duplicates get no band rows: any posting near them is near their twin, which has them.
    mutating func deduplicate(id: Int64, _ item: IngestItem) throws -> DuplicateKind? {
        let source = item.posting.source, published = item.posting.published, signature = item.signature
        let bands = item.derived.bands
        try upsertSketch.run { b in
            b.bind(id); b.bind(source); b.bind(item.derived.published)
            b.bind(signature.titleKey == 0 ? nil : Int64(bitPattern: signature.titleKey)); b.bind(blob: item.derived.minHashBytes)
        }
        var best: (id: Int64, kind: DuplicateKind, similarity: Double)?
        if let match = try findExact.int64({ $0.bind(Int64(bitPattern: signature.exactKey)); $0.bind(id) }) {
            best = (match, .exact, 1)
        } else if !signature.minHash.isEmpty {
            // Candidates are ranked by how many LSH bands they share with the new posting (more
            // shared bands, higher likely similarity) and only the best `maxCandidates` are
            // compared: in feeds full of near-identical templates a popular band can hold
            // thousands of postings, and comparing them all made ingest slow down as the base grew.
            var hits: [Int64: Int] = [:]
            if !bands.isEmpty {
                let found = try bandStatements(count: bands.count).find.int64s { b in
                    for (band, h) in bands.enumerated() { b.bind(band); b.bind(Int64(bitPattern: h)) }
                }
                for c in found { hits[c, default: 0] += 1 }
            }
            if signature.titleKey != 0 {
                for c in try findTitle.int64s({ $0.bind(Int64(bitPattern: signature.titleKey)); $0.bind(source) }) {
                    hits[c, default: 0] += 1
                }
            }
            hits[id] = nil
            let candidates = hits.sorted { ($0.value, $0.key) > ($1.value, $1.key) }.prefix(Self.maxCandidates).map(\.key)
            for c in candidates {
                var found: (source: String, minHash: [UInt8], title: Int64?)?
                try candidate.query({ $0.bind(c) }) { row in
                    found = (row.string(0) ?? "", row.bytes(1) ?? [], row.int64OrNil(3))
                    return false
                }
                guard let found else { continue }
                let otherSource = found.source
                // The exact key was already checked: the candidate's is set to differ.
                let other = DedupSignature(exactKey: ~signature.exactKey, titleKey: UInt64(bitPattern: found.title ?? 0),
                                           minHash: DedupSignature.minHash(fromBytes: found.minHash),
                                           bandCount: signature.bandCount, rowsPerBand: signature.rowsPerBand)
                guard let verdict = policy.judge(signature, source: source, against: other, candidateSource: otherSource) else { continue }
                if best == nil || verdict.similarity > best!.similarity { best = (c, verdict.kind, verdict.similarity) }
            }
        }
        try insertExact.run { $0.bind(id); $0.bind(Int64(bitPattern: signature.exactKey)) }
        if best?.kind != .exact, !bands.isEmpty {
            try bandStatements(count: bands.count).insert.run { b in
                for (band, h) in bands.enumerated() { b.bind(band); b.bind(Int64(bitPattern: h)); b.bind(id) }
            }
        }
        guard let best else { return nil }
        let canonical = try clusterOf.int64({ $0.bind(best.id) }) ?? best.id
        var canonicalPublished: Day?
        try candidate.query({ $0.bind(canonical) }) { row in
            canonicalPublished = row.string(2).flatMap(Day.init(iso:))
            return false
        }
        if let published, let canonicalPublished, published < canonicalPublished {
            // The new posting is earlier: it becomes the cluster's canonical.
            try repointCluster.run { $0.bind(id); $0.bind(canonical) }
            try insertDuplicate.run { b in b.bind(canonical); b.bind(id); b.bind(best.kind.rawValue); b.bind(best.similarity) }
        } else {
            try insertDuplicate.run { b in b.bind(id); b.bind(canonical); b.bind(best.kind.rawValue); b.bind(best.similarity) }
        }
        return best.kind
    }

    /// The band statements for `count` bands, prepared once per session: one look-up for all
    /// bands, each band contributing its most recent postings only, and one multi-row insert.
    mutating func bandStatements(count: Int) throws -> (count: Int, find: Statement, insert: Statement) {
        if let s = bandStatements, s.count == count { return s }
        let find = try db.cachedStatement(sql: Array(repeating:
            "SELECT posting_id FROM (SELECT posting_id FROM dedup_bands WHERE band = ? AND hash = ? ORDER BY posting_id DESC LIMIT \(Self.maxPerBand)) b",
            count: count).joined(separator: " UNION ALL "))
        let values = Array(repeating: "(?, ?, ?)", count: count).joined(separator: ", ")
        let insert = try db.cachedStatement(sql: "INSERT INTO dedup_bands (band, hash, posting_id) VALUES \(values) ON CONFLICT DO NOTHING")
        let s = (count, find, insert)
        bandStatements = s
        return s
    }

    /// Removes a posting's dedup entries before its content changes. When it was the canonical of
    /// a cluster, the earliest remaining member becomes canonical (members keep their kind and
    /// similarity, measured against the former canonical).
    func removeDedup(id: Int64, oldMinHash: [UInt8]?, rowsPerBand: Int, bandCount: Int) throws {
        if let oldMinHash {
            let old = DedupSignature(exactKey: 0, titleKey: 0, minHash: DedupSignature.minHash(fromBytes: oldMinHash),
                                     bandCount: bandCount, rowsPerBand: rowsPerBand)
            for (b, h) in old.bands.enumerated() {
                try deleteBand.execute(arguments: [b, Int64(bitPattern: h), id])
            }
        }
        for s in deleteDedup { try s.execute(arguments: [id]) }
        let members = try Int64.fetchAll(clusterMembers, arguments: [id])
        if let first = members.first {
            try deleteDuplicate.execute(arguments: [first])
            try repointCluster.execute(arguments: [first, id])
        }
    }
}
