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
    func deduplicate(id: Int64, source: String, published: Day?, signature: DedupSignature) throws -> DuplicateKind? {
        try upsertSketch.execute(arguments: [id, source, published?.description,
                                             signature.titleKey == 0 ? nil : Int64(bitPattern: signature.titleKey),
                                             Data(signature.minHashBytes)])
        var best: (id: Int64, kind: DuplicateKind, similarity: Double)?
        if let match = try Int64.fetchOne(findExact, arguments: [Int64(bitPattern: signature.exactKey), id]) {
            best = (match, .exact, 1)
        } else if !signature.minHash.isEmpty {
            // Candidates are ranked by how many LSH bands they share with the new posting (more
            // shared bands, higher likely similarity) and only the best `maxCandidates` are
            // compared: in feeds full of near-identical templates a popular band can hold
            // thousands of postings, and comparing them all made ingest slow down as the base grew.
            var hits: [Int64: Int] = [:]
            let bands = signature.bands
            if !bands.isEmpty {
                // One statement for all bands; each band contributes its most recent postings only.
                let findBands = try db.cachedStatement(sql: Array(repeating:
                    "SELECT posting_id FROM (SELECT posting_id FROM dedup_bands WHERE band = ? AND hash = ? ORDER BY posting_id DESC LIMIT \(Self.maxPerBand)) b",
                    count: bands.count).joined(separator: " UNION ALL "))
                var args: [Int64] = []
                args.reserveCapacity(bands.count * 2)
                for (b, h) in bands.enumerated() { args.append(Int64(b)); args.append(Int64(bitPattern: h)) }
                for c in try Int64.fetchAll(findBands, arguments: StatementArguments(args)) { hits[c, default: 0] += 1 }
            }
            if signature.titleKey != 0 {
                for c in try Int64.fetchAll(findTitle, arguments: [Int64(bitPattern: signature.titleKey), source]) {
                    hits[c, default: 0] += 1
                }
            }
            hits[id] = nil
            let candidates = hits.sorted { ($0.value, $0.key) > ($1.value, $1.key) }.prefix(Self.maxCandidates).map(\.key)
            for c in candidates {
                guard let row = try Row.fetchOne(candidate, arguments: [c]) else { continue }
                let otherSource: String = row[0]
                let bytes: Data? = row[1]
                let otherTitle: Int64? = row[3]
                // The exact key was already checked: the candidate's is set to differ.
                let other = DedupSignature(exactKey: ~signature.exactKey, titleKey: UInt64(bitPattern: otherTitle ?? 0),
                                           minHash: DedupSignature.minHash(fromBytes: bytes ?? Data()),
                                           bandCount: signature.bandCount, rowsPerBand: signature.rowsPerBand)
                guard let verdict = policy.judge(signature, source: source, against: other, candidateSource: otherSource) else { continue }
                if best == nil || verdict.similarity > best!.similarity { best = (c, verdict.kind, verdict.similarity) }
            }
        }
        try insertExact.execute(arguments: [id, Int64(bitPattern: signature.exactKey)])
        let bands = signature.bands
        if best?.kind != .exact, !bands.isEmpty {
            let values = Array(repeating: "(?, ?, ?)", count: bands.count).joined(separator: ", ")
            let insert = try db.cachedStatement(sql: "INSERT INTO dedup_bands (band, hash, posting_id) VALUES \(values) ON CONFLICT DO NOTHING")
            var args: [Int64] = []
            args.reserveCapacity(bands.count * 3)
            for (b, h) in bands.enumerated() { args.append(Int64(b)); args.append(Int64(bitPattern: h)); args.append(id) }
            try insert.execute(arguments: StatementArguments(args))
        }
        guard let best else { return nil }
        let canonical = try Int64.fetchOne(clusterOf, arguments: [best.id]) ?? best.id
        let canonicalPublished = try Row.fetchOne(candidate, arguments: [canonical]).flatMap { ($0[2] as String?).flatMap(Day.init(iso:)) }
        if let published, let canonicalPublished, published < canonicalPublished {
            // The new posting is earlier: it becomes the cluster's canonical.
            try repointCluster.execute(arguments: [id, canonical])
            try insertDuplicate.execute(arguments: [canonical, id, best.kind.rawValue, best.similarity])
        } else {
            try insertDuplicate.execute(arguments: [id, canonical, best.kind.rawValue, best.similarity])
        }
        return best.kind
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
