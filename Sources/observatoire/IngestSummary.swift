import Foundation
import Ingest
import Records
import Store

/// What one `observatoire ingest` did over all its files, for the French summary and `--json`.
struct IngestSummary: Sendable {
    /// Records read: postings plus rejects.
    var read = 0
    var stored = 0
    var updated = 0
    /// Same content, classified by another taxonomy version.
    var reclassified = 0
    var unchanged = 0
    var duplicates: [DuplicateKind: Int] = [:]
    /// Rejects by reason code (`json-invalide`, `champ-manquant`…).
    var rejected: [String: Int] = [:]
    var seconds = 0.0
    /// Files that could not be read at all.
    var unreadable: [IngestError] = []

    var rejectedTotal: Int { rejected.values.reduce(0, +) }
    var duplicatesTotal: Int { duplicates.values.reduce(0, +) }

    mutating func add(_ outcome: BatchOutcome) {
        for o in outcome.outcomes {
            switch o {
            case .stored: stored += 1
            case .updated: updated += 1
            case .reclassified: reclassified += 1
            case .unchanged: unchanged += 1
            }
        }
        for (kind, n) in outcome.duplicates { duplicates[kind, default: 0] += n }
    }

    mutating func add(_ other: IngestSummary) {
        read += other.read; stored += other.stored; updated += other.updated
        reclassified += other.reclassified; unchanged += other.unchanged
        for (k, n) in other.duplicates { duplicates[k, default: 0] += n }
        for (k, n) in other.rejected { rejected[k, default: 0] += n }
        unreadable += other.unreadable
    }

    /// Counts kept with the run in `ingest_runs.counts`.
    var runCounts: [String: Int] {
        ["lues": read, "enregistrees": stored, "mises-a-jour": updated, "reclassees": reclassified,
         "inchangees": unchanged, "doublons": duplicatesTotal, "rejets": rejectedTotal,
         "fichiers-illisibles": unreadable.count]
    }

    /// One JSON object: `read`, `stored`, `updated`, `reclassified`, `unchanged`, `duplicates`
    /// (every kind, by its French name), `rejected` (by reason code), `seconds`, and
    /// `unreadable` (file, code, reason in French) when a file could not be read.
    func json() -> String {
        var dup: [String: Int] = [:]
        for kind in DuplicateKind.allCases { dup[kind.rawValue] = duplicates[kind] ?? 0 }
        var object: [String: Any] = [
            "read": read, "stored": stored, "updated": updated, "reclassified": reclassified,
            "unchanged": unchanged, "duplicates": dup, "rejected": rejected,
            "seconds": (seconds * 1000).rounded() / 1000,
        ]
        if !unreadable.isEmpty {
            object["unreadable"] = unreadable.map { ["file": $0.file, "code": $0.code.rawValue, "reason": $0.reason] }
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The French summary, one fact per line.
    func french() -> String {
        typealias F = FrenchFormat
        var lines: [String] = []
        lines.append(F.field("Enregistrements lus", F.integer(read)))
        lines.append(F.field("  enregistrés (nouveaux)", F.integer(stored)))
        lines.append(F.field("  mis à jour", F.integer(updated)))
        if reclassified > 0 { lines.append(F.field("  reclassés (autre version de la taxonomie)", F.integer(reclassified))) }
        lines.append(F.field("  inchangés", F.integer(unchanged)))
        let kinds = DuplicateKind.allCases.map { "\($0.rawValue)\(F.nbsp): \(F.integer(duplicates[$0] ?? 0))" }
        lines.append(F.field("Doublons détectés", F.integer(duplicatesTotal) + " (" + kinds.joined(separator: ", ") + ")"))
        var rejectLine = F.field("Rejetés", F.integer(rejectedTotal))
        if !rejected.isEmpty {
            rejectLine += " (" + rejected.sorted { $0.key < $1.key }.map { "\($0.key)\(F.nbsp): \(F.integer($0.value))" }
                .joined(separator: ", ") + ")"
        }
        lines.append(rejectLine)
        if !unreadable.isEmpty {
            lines.append(F.field("Fichiers illisibles", F.integer(unreadable.count)))
        }
        var duration = F.field("Durée", F.duration(seconds))
        if seconds > 0, read > 0 {
            duration += " (" + F.integer(Int((Double(read) / seconds).rounded())) + "\(F.nbsp)enregistrements/s)"
        }
        lines.append(duration)
        return lines.joined(separator: "\n") + "\n"
    }
}
