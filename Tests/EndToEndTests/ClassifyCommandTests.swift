import Foundation
import Testing

@Suite(.enabled(if: EndToEnd.binary != nil, "binaire observatoire introuvable : lancez swift build avant swift test"))
struct ClassifyCommandTests {
    /// A file that cannot be read at all is an error of the run (status 1, as `ingest`), said in
    /// French on standard error, not a usage error (status 64 with the usage text).
    @Test func unreadableInputIsStatusOneNotAUsageError() throws {
        let dir = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = dir.appendingPathComponent("vide.csv")
        try Data().write(to: empty)
        let cases: [(String, String)] = [
            (dir.appendingPathComponent("absente.jsonl").path, "introuvable"),
            (dir.path, "répertoire"),
            (empty.path, "vide"),
        ]
        for (path, reason) in cases {
            let r = try EndToEnd.run(["classify", "--jobs", "1", "--no-rome", "--input", path])
            #expect(r.status == 1, "\(path)")
            #expect(r.stderr.contains("erreur : ") && r.stderr.contains(reason), "\(r.stderr)")
            #expect(!r.stderr.contains("Usage"), "\(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        // Training offers: not postings, and said so (it used to read 0 postings and exit 0).
        let lheo = try EndToEnd.run(["classify", "--input", EndToEnd.root.appendingPathComponent("Data/demo-formations.lheo.xml").path])
        #expect(lheo.status == 1)
        #expect(lheo.stderr.contains("LHEO") && lheo.stderr.contains("observatoire ingest"))
        // A wrong option is still a usage error.
        let good = dir.appendingPathComponent("bonnes.jsonl")
        try EndToEnd.write(EndToEnd.postingLines(2), to: good)
        let r = try EndToEnd.run(["classify", "--input", good.path, "--input-format", "xls"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("xls"))
    }
}
