import Foundation
import Testing
import Records
@testable import Ingest

struct JSONLinesReaderTests {
    static let sample = """
    {"id": "a1", "title": "Développeur·se Swift <script>alert('x')</script>", "description": "Vous développerez l’API « emplois ».", "published": "12/03/2024", "location": "75 - Paris 15", "source_skills": ["Swift", "SQL"]}

    {"id": 42, "source": "essai", "title": "Analyste de données", "description": "Tableaux de bord.", "published": null, "department": "2a", "rome_code": "M1403"}
    {"id": "a3", "title": "Sans description"}
    {"id": "a4", "title": "Date fausse", "description": "x", "published": "2024-02-30"}
    [1, 2]
    {"id": "a6", "title": "Virgule", "description": "x",}
    {"id": "a7", "title": "Fin", "description": "tronquée
    """

    func read(_ bytes: [UInt8], chunkSize: Int = ByteSource.defaultChunkSize, limits: ReaderLimits = ReaderLimits()) -> Collected {
        collect(JSONLinesReader(input: ByteSource(bytes: bytes, name: "essai.jsonl", chunkSize: chunkSize), source: "defaut", limits: limits))
    }

    /// A byte order mark before the first line is not part of the JSON; elsewhere it is an error.
    @Test func leadingByteOrderMarkIsSkipped() {
        let line = #"{"id": "b1", "title": "Chargée de médiation numérique", "description": "Ateliers."}"#
        let c = read([0xEF, 0xBB, 0xBF] + Array((line + "\n" + "\u{FEFF}" + line.replacingOccurrences(of: "b1", with: "b2")).utf8))
        #expect(c.postings.map(\.id) == ["b1"])
        #expect(c.rejects.map(\.line) == [2])
    }

    @Test func readsGoodLinesAndRejectsBadOnesWithLineNumbers() {
        let c = read(Array(Self.sample.utf8))
        #expect(c.postings.map(\.id) == ["a1", "42"])
        let a1 = c.postings[0]
        #expect(a1.title == "Développeur·se Swift <script>alert('x')</script>")  // kept as given
        #expect(a1.published == Day(year: 2024, month: 3, day: 12))
        #expect(a1.department == "75")
        #expect(a1.source == "defaut")
        #expect(a1.sourceSkills == ["Swift", "SQL"])
        #expect(c.postings[1].source == "essai")
        #expect(c.postings[1].department == "2A")
        #expect(c.rejects.map(\.line) == [4, 5, 6, 7, 8])
        #expect(c.rejects.map(\.code) == [.missingField, .invalidField, .malformedJSON, .malformedJSON, .malformedJSON])
        #expect(c.rejects[0].field == "description")
        #expect(c.rejects[1].field == "published")
        #expect(c.rejects[1].reason.contains("2024-02-30"))
        #expect(c.rejects[3].reason.contains("virgule finale"))
        #expect(c.rejects[4].reason.contains("tronqué"))
        #expect(c.rejects[0].description.hasPrefix("essai.jsonl, ligne 4, champ « description » : "))
    }

    @Test func sameResultWithTinyChunks() {
        let whole = read(Array(Self.sample.utf8))
        for size in tinyChunkSizes {
            let c = read(Array(Self.sample.utf8), chunkSize: size)
            #expect(c.postings == whole.postings, "taille de bloc \(size)")
            #expect(c.rejects == whole.rejects, "taille de bloc \(size)")
        }
    }

    @Test func invalidUTF8MidFileRejectsOnlyThatLine() {
        var bytes = Array(#"{"id": "1", "title": "Chef de projet", "description": "ok"}"#.utf8) + [0x0A]
        bytes += Array(#"{"id": "2", "title": "Caf"#.utf8) + [0xE9] + Array(#"", "description": "latin-1"}"#.utf8) + [0x0D, 0x0A]
        bytes += Array(#"{"id": "3", "title": "Suite", "description": "lue"}"#.utf8)
        for size in [1, 3, 1 << 20] {
            let c = read(bytes, chunkSize: size)
            #expect(c.postings.map(\.id) == ["1", "3"])
            #expect(c.rejects.count == 1)
            #expect(c.rejects.first?.code == .invalidEncoding)
            #expect(c.rejects.first?.line == 2)
            #expect(c.rejects.first?.reason.contains("octet 25") == true, "\(c.rejects)")
        }
    }

    @Test func overlongLineIsSkippedWithoutStoppingTheReader() {
        let limits = ReaderLimits().with { $0.maxRecordBytes = 100 }
        let long = #"{"id": "x", "title": "t", "description": ""# + String(repeating: "é", count: 300) + "\"}"
        let text = #"{"id": "1", "title": "a", "description": "b"}"# + "\n" + long + "\n" + #"{"id": "2", "title": "a", "description": "b"}"#
        for size in [1, 7, 64, 1 << 20] {
            let c = read(Array(text.utf8), chunkSize: size, limits: limits)
            #expect(c.postings.map(\.id) == ["1", "2"], "taille de bloc \(size)")
            #expect(c.rejects.map(\.code) == [.tooLarge])
            #expect(c.rejects.first?.line == 2)
        }
    }

    @Test func fiftyMegabyteObjectIsRejectedFastInBoundedMemory() throws {
        let dir = TempDir()
        let path = dir.url.appendingPathComponent("gros.jsonl").path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        h.write(Data((#"{"id": "1", "title": "Petit", "description": "ok"}"# + "\n").utf8))
        h.write(Data(#"{"id": "big", "title": "Énorme", "description": ""#.utf8))
        let block = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
        for _ in 0..<50 { h.write(block) }
        h.write(Data(("\"}\n" + #"{"id": "3", "title": "Après", "description": "ok"}"#).utf8))
        try h.close()
        let start = Date()
        let c = collect(JSONLinesReader(input: try ByteSource(path: path), source: "s"))
        #expect(c.postings.map(\.id) == ["1", "3"])
        #expect(c.rejects.map(\.code) == [.tooLarge])
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func fieldLimitsRejectWithTheFieldName() {
        let title = String(repeating: "T", count: 1_001)
        let c = read(Array(#"{"id": "1", "title": "\#(title)", "description": "d"}"#.utf8))
        #expect(c.rejects.first?.code == .tooLarge)
        #expect(c.rejects.first?.field == "title")
    }

    @Test(.enabled(if: SharedData.available, "données partagées absentes (../shared/data) : test ignoré"))
    func realPostingsFile() throws {
        let start = Date()
        let path = SharedData.path("postings/postings.jsonl")
        let reader = JSONLinesReader(input: try ByteSource(path: path), source: "")
        let c = collect(reader)
        let seconds = Date().timeIntervalSince(start)
        #expect(c.postings.count == 8_913)
        #expect(c.rejects.isEmpty, "\(c.rejects.prefix(3))")
        #expect(reader.bytesRead == 26_020_527)
        #expect(Set(c.postings.map(\.source)) == ["france-travail", "wttj", "france-travail-api"])
        print("postings.jsonl : \(c.postings.count) offres en \(seconds) s, \(Double(reader.bytesRead) / 1e6 / seconds) Mo/s")
    }
}
