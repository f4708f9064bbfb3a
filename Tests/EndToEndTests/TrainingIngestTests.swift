import Foundation
import Testing

/// `observatoire ingest` on LHEO files and `observatoire match`, run as processes.
@Suite(.enabled(if: EndToEnd.binary != nil, "binaire observatoire introuvable : lancez swift build avant swift test"))
struct TrainingIngestTests {
    static let demo = EndToEnd.root.appendingPathComponent("Data/demo-formations.lheo.xml")

    @Test func ingestsTheDemoLHEOFileIdempotently() throws {
        let dir = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("base.sqlite").path
        let first = try EndToEnd.ingest([Self.demo.path], db: db, ["--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let a = try #require(first.json, "\(first.stdout)")
        #expect(a["read"] as? Int == 300)
        #expect(a["stored"] as? Int == 300)
        #expect((a["rejected"] as? [String: Int])?.isEmpty == true)
        let second = try EndToEnd.ingest([Self.demo.path], db: db, ["--json"])
        #expect(second.json?["unchanged"] as? Int == 300)
        #expect(second.json?["stored"] as? Int == 0)
        let french = try EndToEnd.ingest([Self.demo.path], db: db)
        #expect(french.stdout.contains("Enregistrements lus : 300") || french.stdout.contains("Enregistrements lus\u{00A0}: 300"))
    }

    /// Detection by root element (any extension) and `--input-format lheo`; rejects are counted.
    @Test func detectsLHEOByContentAndFormatOption() throws {
        let dir = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("base.sqlite").path
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- essai -->
        <lheo xmlns="http://www.lheo.org/2.2"><offres>
        <formation numero="E1"><intitule-formation>Analyse de données avec SQL</intitule-formation>
        <contenu-formation>SQL et modélisation.</contenu-formation></formation>
        <formation numero="E2"><intitule-formation></intitule-formation></formation>
        </offres></lheo>
        """
        let sniffed = dir.appendingPathComponent("export.dat")
        try xml.write(to: sniffed, atomically: true, encoding: .utf8)
        let r = try EndToEnd.ingest([sniffed.path], db: db, ["--json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.json?["stored"] as? Int == 1)
        #expect(((r.json?["rejected"] as? [String: Int])?.values.reduce(0, +) ?? 0) == 1)
        let forced = dir.appendingPathComponent("offres.txt")
        try xml.replacingOccurrences(of: "E1", with: "E3").write(to: forced, atomically: true, encoding: .utf8)
        let f = try EndToEnd.ingest([forced.path], db: db, ["--json", "--input-format", "lheo"])
        #expect(f.json?["stored"] as? Int == 1)
        let missing = try EndToEnd.ingest([dir.appendingPathComponent("absent.xml").path], db: db, ["--json"])
        #expect(missing.status == 1)
    }

    @Test func matchPrintsFrenchTextAndJSON() throws {
        let dir = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("base.sqlite").path
        let postings = dir.appendingPathComponent("offres.jsonl")
        try EndToEnd.write(EndToEnd.postingLines(60), to: postings)
        #expect(try EndToEnd.ingest([postings.path, Self.demo.path], db: db).status == 0)
        let text = try EndToEnd.run(["match", "--training", "1", "--db", db, "--taxonomy", EndToEnd.root.appendingPathComponent("Taxonomy").path])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Demande des compétences enseignées"))
        let json = try EndToEnd.run(["match", "--competency", "donnees.sql", "--json", "--db", db,
                                     "--taxonomy", EndToEnd.root.appendingPathComponent("Taxonomy").path])
        #expect(json.status == 0, "\(json.stderr)")
        #expect((json.json?["tableaux"] as? [Any])?.count == 2)
        let none = try EndToEnd.run(["match", "--training", "99999", "--db", db])
        #expect(none.status == 1 && none.stderr.contains("introuvable"))
    }
}
