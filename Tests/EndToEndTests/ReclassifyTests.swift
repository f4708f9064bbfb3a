import Foundation
import Testing

/// `observatoire reclassify` after a taxonomy change, run as a process.
@Suite(.enabled(if: EndToEnd.binary != nil, "binaire observatoire introuvable : lancez swift build avant swift test"))
struct ReclassifyTests {
    /// Adds a competency whose only wording is « médiation numérique » to a copy of the taxonomy:
    /// only the postings that contain those words can change, the others are restamped.
    @Test func onlyPostingsTheChangeCanTouchAreReclassified() throws {
        let dir = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("offres.jsonl")
        try EndToEnd.write(EndToEnd.postingLines(80), to: file)
        let db = dir.appendingPathComponent("base.sqlite").path
        #expect(try EndToEnd.ingest([file.path], db: db).status == 0)

        let old = EndToEnd.root.appendingPathComponent("Taxonomy")
        let new = dir.appendingPathComponent("Taxonomy")
        try FileManager.default.copyItem(at: old, to: new)
        let ia = new.appendingPathComponent("ia.tax")
        var text = try String(contentsOf: ia, encoding: .utf8)
        text += "\ncompetency: ia.essai-reclassement\nlabel: Essai de reclassement\nlabel-en: Reclassification test\nvariant: rigueur curiosité\n"
        try text.write(to: ia, atomically: true, encoding: .utf8)

        let r = try EndToEnd.run(["reclassify", "--db", db, "--taxonomy", new.path, "--depuis", old.path])
        #expect(r.status == 0, "\(r.stderr)")
        // Every invented posting says « rigueur, curiosité »: all are reclassified, none restamped.
        #expect(r.stdout.contains("80 offre(s) reclassée(s)"), "\(r.stdout)")
        #expect(r.stdout.contains("0 hors d’atteinte"), "\(r.stdout)")

        // A second change that no posting's text contains: nothing is reclassified.
        text += "\ncompetency: ia.essai-absent\nlabel: Photogrammétrie sous-marine quantique\nlabel-en: Absent\n"
        let newer = dir.appendingPathComponent("Taxonomy2")
        try FileManager.default.copyItem(at: new, to: newer)
        try text.write(to: newer.appendingPathComponent("ia.tax"), atomically: true, encoding: .utf8)
        let r2 = try EndToEnd.run(["reclassify", "--db", db, "--taxonomy", newer.path, "--depuis", new.path])
        #expect(r2.status == 0, "\(r2.stderr)")
        #expect(r2.stdout.contains("0 offre(s) reclassée(s)"), "\(r2.stdout)")
        #expect(r2.stdout.contains("80 hors d’atteinte"), "\(r2.stdout)")
        let status = try #require(try EndToEnd.run(["status", "--db", db, "--json"]).json)
        #expect("\(status)".contains(String(try TaxonomyVersionProbe.version(of: newer))))
    }
}

/// The version identity `taxonomy stats` prints for a folder.
enum TaxonomyVersionProbe {
    static func version(of dir: URL) throws -> String {
        let out = try EndToEnd.run(["taxonomy", "stats", "--taxonomy", dir.path]).stdout
        return String(out.split(separator: "\n").first?.split(separator: " ").last ?? "")
    }
}
