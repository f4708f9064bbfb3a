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

    /// A CPF-style CSV catalogue is recognized by its columns, stored as training offers (one per
    /// formation, its rows as actions), classified, idempotent; a bad row is a counted reject.
    @Test func ingestsACSVCatalogue() throws {
        let dir = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("base.sqlite").path
        let csv = dir.appendingPathComponent("catalogue.csv")
        try """
        numero_formation;intitule_formation;nom_of;objectifs;contenu;prerequis;code_formacode_1;code_departement;nombre_heures_total_mean;frais_ttc_tot_mean
        C1;Analyste de données;Data École;Analyser des données avec SQL et Power BI;Requêtes SQL, tableaux de bord Power BI;Notions de Python;31054;44;210;2 100
        C1;Analyste de données;Data École;Analyser des données avec SQL et Power BI;Requêtes SQL, tableaux de bord Power BI;Notions de Python;31054;35;210;2 100
        C2;;Data École;Sans intitulé;;;;;;
        C3;Réalité virtuelle avec Unity;Studio XR;Concevoir une expérience en réalité virtuelle;Unity, modélisation 3D;;46270;59;140;1 500
        """.write(to: csv, atomically: true, encoding: .utf8)
        let first = try EndToEnd.ingest([csv.path], db: db, ["--json"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.json?["read"] as? Int == 3)
        #expect(first.json?["stored"] as? Int == 2)
        #expect((first.json?["rejected"] as? [String: Int])?["champ-manquant"] == 1)
        let again = try EndToEnd.ingest([csv.path], db: db, ["--json"])
        #expect(again.json?["unchanged"] as? Int == 2)
        #expect(again.json?["stored"] as? Int == 0)
        let status = try EndToEnd.run(["status", "--db", db, "--json"])
        #expect(status.json?["training_offers"] as? Int == 2)
        // The taught competencies come from objectives and content, not from the prerequisites.
        func teaching(_ competency: String) throws -> String {
            let r = try EndToEnd.run(["match", "--competency", competency, "--json", "--db", db,
                                      "--taxonomy", EndToEnd.root.appendingPathComponent("Taxonomy").path])
            #expect(r.status == 0, "\(r.stderr)")
            return r.stdout
        }
        #expect(try teaching("donnees.sql").contains("Analyste de données"))
        #expect(try !teaching("donnees.python").contains("Analyste de données"))

        // The same layout under another extension, read with --input-format.
        let txt = dir.appendingPathComponent("export.dat")
        try String(contentsOf: csv, encoding: .utf8).replacingOccurrences(of: "C3;", with: "C4;").write(to: txt, atomically: true, encoding: .utf8)
        let forced = try EndToEnd.ingest([txt.path], db: db, ["--json", "--input-format", "formations-csv"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.json?["stored"] as? Int == 1)
    }
}
