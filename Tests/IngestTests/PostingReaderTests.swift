import Foundation
import Testing
import Records
@testable import Ingest

struct PostingReaderTests {
    @Test func detectsFormatsByExtensionThenContent() throws {
        let dir = TempDir()
        let jsonl = dir.write("a.jsonl", "{\"id\": \"1\", \"title\": \"t\", \"description\": \"d\"}\n")
        let ft = dir.write("page.json", "{\"resultats\": [{\"id\": \"1\", \"intitule\": \"t\", \"description\": \"d\"}]}")
        let ld = dir.write("ld.json", "{\"@context\": \"https://schema.org\", \"@type\": \"JobPosting\", \"title\": \"t\", \"description\": \"d\", \"identifier\": \"x\"}")
        let html = dir.write("page.txt", "<html><script type=\"application/ld+json\">{\"@type\": \"JobPosting\", \"title\": \"t\", \"description\": \"d\"}</script></html>")
        let csv = dir.write("b.csv", "titre;description\nt;d\n")
        let lines = dir.write("lines.json", "{\"id\": \"1\", \"title\": \"t\", \"description\": \"d\"}\n{\"id\": \"2\", \"title\": \"t\", \"description\": \"d\"}\n")
        #expect(try InputFormat.detect(path: jsonl) == .jsonl)
        #expect(try InputFormat.detect(path: ft) == .franceTravail)
        #expect(try InputFormat.detect(path: ld) == .jsonld)
        #expect(try InputFormat.detect(path: html) == .html)
        #expect(try InputFormat.detect(path: csv) == .csv)
        #expect(try InputFormat.detect(path: lines) == .jsonl)
        for path in [jsonl, ft, ld, html, csv, lines] {
            let r = try PostingReader(path: path)
            let c = collect(r)
            #expect(c.rejects.isEmpty, "\(path)")
            #expect(!c.postings.isEmpty, "\(path)")
            #expect(r.bytesRead == r.fileSize)
        }
        #expect(collect(try PostingReader(path: csv)).postings.first?.source == "b")
        #expect(collect(try PostingReader(path: csv, source: "ft")).postings.first?.source == "ft")
        #expect(collect(try PostingReader(path: ft)).postings.first?.source == "france-travail-api")
        #expect(InputFormat(name: "JSON-LD") == .jsonld)
    }

    func fileError(_ body: () throws -> Void) -> IngestError? {
        do { try body(); return nil } catch let e as IngestError { return e } catch { return nil }
    }

    @Test func fileLevelErrorsAreThrownInFrench() {
        let dir = TempDir()
        let empty = dir.write("vide.jsonl", "")
        let unknown = dir.write("notes.txt", "bonjour")
        #expect(fileError { _ = try PostingReader(path: empty) }?.code == .empty)
        #expect(fileError { _ = try PostingReader(path: dir.url.path) }?.code == .isDirectory)
        #expect(fileError { _ = try PostingReader(path: dir.url.path, format: .csv) }?.reason == "c’est un répertoire, pas un fichier")
        #expect(fileError { _ = try PostingReader(path: dir.url.path + "/absent.csv") }?.code == .notFound)
        let e = fileError { _ = try PostingReader(path: unknown) }
        #expect(e?.code == .unknownFormat)
        #expect(e?.reason.contains("jsonl, france-travail, csv, jsonld, html") == true)
    }

    @Test(arguments: [
        ("2024-03-12", Day(year: 2024, month: 3, day: 12)),
        ("2024-03-12T10:00:00Z", Day(year: 2024, month: 3, day: 12)),
        ("2024-03-12T10:00:00.000+01:00", Day(year: 2024, month: 3, day: 12)),
        ("12/03/2024", Day(year: 2024, month: 3, day: 12)),
        ("12-03-2024", Day(year: 2024, month: 3, day: 12)),
        ("12.03.2024", Day(year: 2024, month: 3, day: 12)),
        ("1/3/2024", Day(year: 2024, month: 3, day: 1)),
        ("12/03/24", Day(year: 2024, month: 3, day: 12)),
        ("12 mars 2024", Day(year: 2024, month: 3, day: 12)),
        ("1er mars 2024", Day(year: 2024, month: 3, day: 1)),
        ("mardi 12 Mars 2024", Day(year: 2024, month: 3, day: 12)),
        ("29 février 2024", Day(year: 2024, month: 2, day: 29)),
        ("3 août 2024", Day(year: 2024, month: 8, day: 3)),
        ("12 déc. 2024", Day(year: 2024, month: 12, day: 12)),
        ("mars 2024", Day(year: 2024, month: 3, day: 1)),
        ("  ", nil),
        ("", nil),
    ])
    func frenchDates(_ text: String, _ expected: Day?) throws {
        #expect(try PublishedDate.parse(text).get() == expected)
    }

    @Test(arguments: ["2024-02-30", "32/01/2024", "hier", "0000-00-00", "29 février 2023", "2e mars 2024", "12/13/2024", "2024-3-1", "12 truc 2024", "20240312"])
    func nonsenseDatesAreInvalid(_ text: String) {
        guard case .failure(let e) = PublishedDate.parse(text) else { Issue.record("« \(text) » accepté"); return }
        #expect(e.description.contains(text))
    }

    @Test func departments() {
        #expect(Department.fromLabel("75 - Paris 15") == "75")
        #expect(Department.fromLabel("2B - Bastia") == "2B")
        #expect(Department.fromLabel("971 - Les Abymes") == "971")
        #expect(Department.fromLabel("France") == nil)
        #expect(Department.fromLabel("20 - Corse") == nil)
        #expect(Department.fromPostalCode("07200") == "07")
        #expect(Department.fromPostalCode("20090") == "2A")
        #expect(Department.fromPostalCode("20600") == "2B")
        #expect(Department.fromPostalCode("97400") == "974")
        #expect(Department.fromCommune("2A004") == "2A")
        #expect(Department.fromCommune("97105") == "971")
    }
}

struct RealDataTests {
    static let shared = SharedData.available

    /// Every shared posting file through the public entry point, format detected.
    @Test(.enabled(if: shared, "données partagées absentes (../shared/data) : test ignoré"),
          arguments: [("postings/postings.jsonl", InputFormat.jsonl, 8_913),
                      ("postings/raw/france-travail-api-page.json", .franceTravail, 399),
                      ("postings/raw/france-travail-api-offer.json", .franceTravail, 1),
                      ("postings/raw/france-travail-ardeche.csv", .csv, 150)])
    func sharedFiles(_ relative: String, _ format: InputFormat, _ count: Int) throws {
        let r = try PostingReader(path: SharedData.path(relative))
        #expect(r.format == format)
        let c = collect(r)
        #expect(c.postings.count == count)
        #expect(c.rejects.isEmpty)
        #expect(r.bytesRead == r.fileSize)
    }

    /// Raw JSON parsing speed (lines split + parsed, no mapping). Meaningful in release:
    /// `swift test -c release --scratch-path .build-ingest --filter RealDataTests`.
    @Test(.enabled(if: shared, "données partagées absentes (../shared/data) : test ignoré"))
    func jsonParseThroughput() throws {
        let input = try ByteSource(path: SharedData.path("postings/postings.jsonl"))
        let lines = LineSplitter(source: input, maxLineBytes: 10 << 20)
        let start = Date()
        var objects = 0
        while let ok = lines.next({ event -> Bool in
            guard case .line(_, let bytes, _) = event else { return false }
            return (try? JSONParser.parse(bytes)) != nil
        }) { if ok { objects += 1 } }
        let seconds = Date().timeIntervalSince(start)
        #expect(objects == 8_913)
        print("analyse JSON seule : \(Double(input.bytesRead) / 1e6 / seconds) Mo/s")
    }
}
