import Foundation
import Testing

/// `observatoire ingest` and `status` run as processes: exit codes, the `--json` shape,
/// idempotence, rejects and file-level errors.
@Suite(.enabled(if: EndToEnd.binary != nil, "binaire observatoire introuvable : lancez swift build avant swift test"))
struct IngestCommandTests {
    @Test func jsonSummaryShapeAndIdempotence() throws {
        let dir = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("offres.jsonl")
        try EndToEnd.write(EndToEnd.postingLines(120), to: file)
        let db = dir.appendingPathComponent("base.sqlite").path

        let first = try EndToEnd.ingest([file.path], db: db, ["--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let a = try #require(first.json, "un objet JSON attendu sur la sortie standard : \(first.stdout)")
        for key in ["read", "stored", "updated", "unchanged", "duplicates", "rejected", "seconds"] {
            #expect(a[key] != nil, "clé \(key) absente")
        }
        #expect(first.stdout.split(separator: "\n").count == 1)
        #expect(a["read"] as? Int == 120)
        #expect(a["stored"] as? Int == 120)
        #expect((a["duplicates"] as? [String: Int])?.keys.sorted() == ["exact", "inter-sources", "quasi"])
        #expect((a["rejected"] as? [String: Int])?.isEmpty == true)
        let statusBefore = try EndToEnd.run(["status", "--db", db, "--json"])
        #expect(statusBefore.status == 0)

        let second = try EndToEnd.ingest([file.path], db: db, ["--json"])
        #expect(second.status == 0)
        let b = try #require(second.json)
        #expect(b["stored"] as? Int == 0)
        #expect(b["updated"] as? Int == 0)
        #expect(b["unchanged"] as? Int == 120)
        let statusAfter = try EndToEnd.run(["status", "--db", db, "--json"])
        var before = try #require(statusBefore.json), after = try #require(statusAfter.json)
        #expect(after["run_count"] as? Int == 2)
        for key in ["runs", "run_count"] { before[key] = nil; after[key] = nil }
        #expect(NSDictionary(dictionary: before) == NSDictionary(dictionary: after))
        #expect(after["postings"] as? Int == 120)
    }

    @Test func frenchSummaryAndStatus() throws {
        let dir = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("offres.jsonl")
        try EndToEnd.write(EndToEnd.postingLines(30), to: file)
        let db = dir.appendingPathComponent("base.sqlite").path
        let r = try EndToEnd.ingest([file.path], db: db)
        #expect(r.status == 0)
        for label in ["Enregistrements lus", "enregistrés", "mis à jour", "inchangés", "Doublons", "Rejetés", "Durée"] {
            #expect(r.stdout.contains(label), "« \(label) » absent du résumé")
        }
        let s = try EndToEnd.run(["status", "--db", db])
        #expect(s.status == 0)
        #expect(s.stdout.contains("Offres\u{00A0}: 30"))
        #expect(s.stdout.contains("Publication"))
        let missing = try EndToEnd.run(["status", "--db", dir.appendingPathComponent("absente.sqlite").path])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("introuvable"))
    }

    @Test func badLinesAreRejectedByReasonAndStored() throws {
        let dir = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("mixte.jsonl")
        var lines = EndToEnd.postingLines(10)
        lines.insert(#"{"id": "x1", "title": "Sans description"}"#, at: 3)
        lines.insert(#"{"id": "x2", "title": "Tronqué", "descr"#, at: 5)
        lines.insert("pas du JSON du tout", at: 7)
        try EndToEnd.write(lines, to: file)
        let db = dir.appendingPathComponent("base.sqlite").path

        let r = try EndToEnd.ingest([file.path], db: db, ["--json"])
        #expect(r.status == 0, "les rejets ne font pas échouer la commande")
        let j = try #require(r.json)
        #expect(j["read"] as? Int == 13)
        #expect(j["stored"] as? Int == 10)
        let rejected = try #require(j["rejected"] as? [String: Int])
        #expect(rejected["champ-manquant"] == 1)
        #expect(rejected["json-invalide"] == 2)
        #expect(!r.stderr.contains("Sans description"), "le texte des offres n’est pas recopié dans les erreurs")
        let status = try #require(try EndToEnd.run(["status", "--db", db, "--json"]).json)
        #expect(status["rejected"] as? Int == 3)

        let strict = try EndToEnd.ingest([file.path], db: db, ["--json", "--strict"])
        #expect(strict.status == 2)
        #expect(try #require(strict.json)["unchanged"] as? Int == 10)
        let again = try #require(try EndToEnd.run(["status", "--db", db, "--json"]).json)
        #expect(again["rejected"] as? Int == 3, "un rejet déjà connu n’est pas ajouté deux fois")
    }

    @Test func unreadableFilesFailWithAClearFrenchError() throws {
        let dir = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("base.sqlite").path
        let good = dir.appendingPathComponent("bonnes.jsonl")
        try EndToEnd.write(EndToEnd.postingLines(5), to: good)

        let missing = dir.appendingPathComponent("absent.jsonl").path
        let r1 = try EndToEnd.ingest([missing, good.path], db: db, ["--json"])
        #expect(r1.status == 1)
        #expect(r1.stderr.contains(missing) && r1.stderr.contains("introuvable"))
        #expect(try #require(r1.json)["stored"] as? Int == 5, "les autres fichiers sont tout de même lus")

        let r2 = try EndToEnd.ingest([dir.path], db: db)
        #expect(r2.status == 1)
        #expect(r2.stderr.contains("répertoire"))

        let unknown = dir.appendingPathComponent("notes.txt")
        try "ceci n’est pas un fichier d’offres\n".write(to: unknown, atomically: true, encoding: .utf8)
        let r3 = try EndToEnd.ingest([unknown.path], db: db)
        #expect(r3.status == 1)
        #expect(r3.stderr.contains("notes.txt") && r3.stderr.contains("jsonl, france-travail, csv, jsonld, html"))

        let r4 = try EndToEnd.ingest([good.path], db: db, ["--input-format", "xls"])
        #expect(r4.status != 0)
        #expect(r4.stderr.contains("jsonl, france-travail, csv, jsonld, html"))

        let empty = dir.appendingPathComponent("vide.jsonl")
        try Data().write(to: empty)
        let r5 = try EndToEnd.ingest([empty.path], db: db)
        #expect(r5.status == 1)
        #expect(r5.stderr.contains("vide"))
    }

    @Test func csvWithExplicitMapping() throws {
        let dir = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("export.csv")
        try "Réf;Poste;Texte\nA1;Analyste SOC;Surveillance et tests d’intrusion.\nA2;Data analyst;SQL et Power BI.\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("base.sqlite").path
        let r = try EndToEnd.ingest([file.path], db: db, ["--json", "--source", "mon-site", "--map", "id=Réf", "--map", "description=Texte"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try #require(r.json)["stored"] as? Int == 2)
        let bad = try EndToEnd.ingest([file.path], db: db, ["--map", "title"])
        #expect(bad.status != 0)
    }
}
