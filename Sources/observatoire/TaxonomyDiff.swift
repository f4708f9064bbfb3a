import ArgumentParser
import Emerging
import Foundation
import Store
import Taxonomy

/// `observatoire taxonomy diff OLD NEW`: what changed between two taxonomies, and with `--db`,
/// which stored postings would gain or lose each domain.
struct TaxonomyDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare deux versions de la taxonomie : compétences et formulations ajoutées, supprimées, modifiées.",
        discussion: """
        OLD et NEW sont des dossiers de taxonomie, ou « git:REV » pour lire Taxonomy/ à une révision \
        (git show REV:Taxonomy/<fichier>). Avec --db, les offres stockées (titre et description) sont \
        reclassées avec les deux taxonomies et, par domaine, on compte celles qui le gagnent ou le perdent.

        Exemples :
          observatoire taxonomy diff git:HEAD~1 Taxonomy
          observatoire taxonomy diff git:v1 Taxonomy --db observatoire.sqlite
        """)

    @Argument(help: "Ancienne taxonomie : dossier ou git:REV.")
    var old: String
    @Argument(help: "Nouvelle taxonomie : dossier ou git:REV.")
    var new: String
    @Option(help: "Base de données : mesure l’effet sur les offres stockées.")
    var db: String?
    @Option(help: "Nombre d’identifiants d’exemple par domaine.")
    var examples: Int = 5

    func run() throws {
        var temporary: [URL] = []
        defer { for t in temporary { try? FileManager.default.removeItem(at: t) } }
        func load(_ spec: String) throws -> Taxonomy {
            var dir = URL(fileURLWithPath: spec)
            if spec.hasPrefix("git:") {
                dir = try Self.checkout(revision: String(spec.dropFirst(4)))
                temporary.append(dir)
            }
            return try TaxonomyLoader(directory: dir).load().0
        }
        let before = try load(old), after = try load(new)
        let diff = TaxonomyDiff(old: before, new: after)
        print(diff.report)
        guard let db else { return }
        guard FileManager.default.fileExists(atPath: db) else { throw ValidationError("base introuvable : \(db)") }
        let store = try Store(path: db)
        var postings: [(id: String, title: String, description: String)] = []
        var last: Int64 = 0
        while true {
            let page = try store.storedPostings(afterRowID: last, limit: 2_000)
            guard let tail = page.last else { break }
            postings += page.map { ($0.key.sourceID, $0.title, $0.description) }
            last = tail.rowID
        }
        let impact = TaxonomyDiff.impact(old: before, new: after, postings: postings, examples: examples)
        print("\neffet sur \(postings.count) offres stockées :")
        var rows = [["domaine", "gagnent", "perdent", "exemples (gain)", "exemples (perte)"]]
        for i in impact {
            rows.append([i.domain, "\(i.gained)", "\(i.lost)", i.gainedExamples.joined(separator: " "), i.lostExamples.joined(separator: " ")])
        }
        print(impact.isEmpty ? "aucun domaine ne change" : TextTable.render(rows))
    }

    /// Writes `Taxonomy/*.tax` and `VERSION` at `revision` into a temporary folder.
    static func checkout(revision: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("taxonomie-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let names = try git(["ls-tree", "--name-only", "\(revision):Taxonomy"]).split(separator: "\n").map(String.init)
        guard !names.isEmpty else { throw ValidationError("aucun fichier dans Taxonomy/ à la révision « \(revision) »") }
        for name in names where name.hasSuffix(".tax") || name == "VERSION" {
            try git(["show", "\(revision):Taxonomy/\(name)"]).write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return dir
    }

    @discardableResult
    static func git(_ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git"] + arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw ValidationError("git \(arguments.joined(separator: " ")) : \(String(decoding: errData, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
