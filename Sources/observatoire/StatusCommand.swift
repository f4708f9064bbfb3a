import ArgumentParser
import Foundation
import Records
import Store

/// `observatoire status`: what the database holds, in French or as one JSON object.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Décrit le contenu de la base : offres, doublons, rejets, taxonomies, dates, dernières ingestions.",
        discussion: """
        Exemples :
          observatoire status
          observatoire status --db /tmp/essai.sqlite --json
        """)

    @Option(help: "Base SQLite.")
    var db = "observatoire.sqlite"

    @Flag(help: "Un objet JSON sur la sortie standard.")
    var json = false

    @Option(help: "Nombre de dernières ingestions affichées.")
    var runs = 5

    func run() throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: db, isDirectory: &isDir), !isDir.boolValue else {
            FileHandle.standardError.write(Data("erreur\(FrenchFormat.nbsp): base « \(db) » introuvable (créez-la avec observatoire ingest)\n".utf8))
            throw ExitCode(1)
        }
        let store = try Store(path: db)
        let status = try store.status()
        let recent = try store.recentRuns(limit: max(0, runs))
        print(json ? Self.json(status, runs: recent) : Self.french(status, runs: recent, db: db), terminator: json ? "\n" : "")
    }

    static func json(_ s: StoreStatus, runs: [IngestRun]) -> String {
        var dup: [String: Int] = [:]
        for kind in DuplicateKind.allCases { dup[kind.rawValue] = s.duplicates[kind.rawValue] ?? 0 }
        for (k, v) in s.duplicates { dup[k] = v }
        let object: [String: Any] = [
            "postings": s.postings,
            "unique_postings": s.uniquePostings,
            "duplicates": dup,
            "rejected": s.rejected,
            "training_offers": s.trainingOffers,
            "taxonomy_versions": s.taxonomyVersions,
            "first_published": s.firstPublished.map { $0.description as Any } ?? NSNull(),
            "last_published": s.lastPublished.map { $0.description as Any } ?? NSNull(),
            "run_count": s.runs,
            "runs": runs.map { r -> [String: Any] in
                ["id": Int(r.id.rawValue), "started_at": r.startedAt, "finished_at": r.finishedAt as Any? ?? NSNull(),
                 "status": r.status, "files": r.files, "counts": r.counts]
            },
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func french(_ s: StoreStatus, runs: [IngestRun], db: String) -> String {
        typealias F = FrenchFormat
        var lines: [String] = [F.field("Base", db)]
        lines.append(F.field("Offres", F.integer(s.postings)))
        lines.append(F.field("Offres uniques (chaque groupe de doublons compté une fois)", F.integer(s.uniquePostings)))
        let dupTotal = s.duplicates.values.reduce(0, +)
        let kinds = DuplicateKind.allCases.map { "\($0.rawValue)\(F.nbsp): \(F.integer(s.duplicates[$0.rawValue] ?? 0))" }
        lines.append(F.field("Doublons", F.integer(dupTotal) + " (" + kinds.joined(separator: ", ") + ")"))
        lines.append(F.field("Enregistrements rejetés", F.integer(s.rejected)))
        lines.append(F.field("Offres de formation", F.integer(s.trainingOffers)))
        lines.append(F.field("Versions de la taxonomie", s.taxonomyVersions.isEmpty ? "aucune" : s.taxonomyVersions.joined(separator: ", ")))
        if let first = s.firstPublished, let last = s.lastPublished {
            lines.append(F.field("Publication", "du \(frenchDate(first)) au \(frenchDate(last))"))
        } else {
            lines.append(F.field("Publication", "aucune date"))
        }
        lines.append(F.field("Ingestions", F.integer(s.runs)))
        for r in runs {
            let state: String
            switch r.status {
            case Store.RunStatus.finished.rawValue: state = "terminée"
            case Store.RunStatus.failed.rawValue: state = "en échec"
            case Store.RunStatus.running.rawValue: state = r.finishedAt == nil ? "inachevée (en cours ou interrompue)" : "en cours"
            default: state = r.status
            }
            var line = "  n°\(F.nbsp)\(r.id.rawValue), \(r.startedAt), \(state), " + F.count(r.files.count, "fichier", "fichiers")
            if let read = r.counts["lues"] {
                line += " ; lus\(F.nbsp): \(F.integer(read)), nouveaux\(F.nbsp): \(F.integer(r.counts["nouvelles"] ?? 0)), "
                    + "modifiés\(F.nbsp): \(F.integer(r.counts["modifiees"] ?? 0)), rejetés\(F.nbsp): \(F.integer(r.counts["rejetees"] ?? 0))"
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                         "octobre", "novembre", "décembre"]

    /// `2025-03-01` → `1ᵉʳ mars 2025`.
    static func frenchDate(_ d: Day) -> String {
        (d.day == 1 ? "1er" : String(d.day)) + " " + months[d.month - 1] + " " + String(d.year)
    }
}
