import Foundation
import Testing
import Records
@testable import Ingest

struct CSVReaderTests {
    func read(_ bytes: [UInt8], chunkSize: Int = ByteSource.defaultChunkSize, mapping: [String: String] = [:],
              limits: ReaderLimits = ReaderLimits()) throws -> (CSVReader, Collected) {
        let r = try CSVReader(input: ByteSource(bytes: bytes, name: "essai.csv", chunkSize: chunkSize), source: "csv",
                              mapping: mapping, limits: limits)
        return (r, collect(r))
    }

    static let multiline = """
    Référence;Intitulé;Descriptif;Date de publication;Lieu;Type de contrat\r
    R1;Chargé·e de médiation numérique;"Accompagner les publics.\r
    Animer des ateliers « bien débuter » ; suivre les ""usagers"".";12 mars 2024;07 - Aubenas;CDI\r
    R2;Soudeur <b>H/F</b>;Assemblage de pièces;1er avril 2024;;CDD\r
    \r
    R3;Date absurde;Texte;32/01/2024;;\r
    R4;Trop de champs;Texte;;;;en trop\r
    R5;Dernier;"Fin sans retour à la ligne";;;
    """

    @Test func readsQuotedMultilineFieldsWithFirstLineNumbers() throws {
        let (r, c) = try read(Array(Self.multiline.utf8))
        #expect(r.delimiter == ";")
        #expect(r.encoding == .utf8)
        #expect(c.postings.map(\.id) == ["R1", "R2", "R5"])
        #expect(c.postings[0].description == "Accompagner les publics.\r\nAnimer des ateliers « bien débuter » ; suivre les \"usagers\".")
        #expect(c.postings[0].published == Day(year: 2024, month: 3, day: 12))
        #expect(c.postings[0].department == "07")
        #expect(c.postings[1].title == "Soudeur <b>H/F</b>")
        #expect(c.postings[1].published == Day(year: 2024, month: 4, day: 1))
        #expect(c.rejects.map(\.line) == [6, 7])
        #expect(c.rejects[0].code == .invalidField)
        #expect(c.rejects[0].field == "Date de publication")
        #expect(c.rejects[0].reason.contains("32/01/2024"))
        #expect(c.rejects[1].code == .malformedCSV)
    }

    @Test func sameResultWithTinyChunks() throws {
        let whole = try read(Array(Self.multiline.utf8)).1
        for size in tinyChunkSizes {
            let c = try read(Array(Self.multiline.utf8), chunkSize: size).1
            #expect(c.postings == whole.postings, "taille de bloc \(size)")
            #expect(c.rejects == whole.rejects, "taille de bloc \(size)")
        }
    }

    @Test func windows1252IsDetectedAndDecoded() throws {
        // "Cœur de métier’s" in Windows-1252: œ = 0x9C, é = 0xE9, ’ = 0x92.
        var bytes = Array("titre,description,id\r\n".utf8)
        bytes += [0x43, 0x9C, 0x75, 0x72, 0x2C, 0x6D, 0xE9, 0x74, 0x69, 0x65, 0x72, 0x92, 0x73, 0x2C, 0x31, 0x0D, 0x0A]
        let (r, c) = try read(bytes)
        #expect(r.encoding == .windows1252)
        #expect(c.postings.first?.title == "Cœur")
        #expect(c.postings.first?.description == "métier’s")
    }

    @Test func bomTabsAndDerivedIDs() throws {
        let text = "\u{FEFF}title\tdescription\tcompany\nAnalyste\tDonnées\tACME\nAnalyste\tDonnées\tACME\n"
        let (r, c) = try read(Array(text.utf8))
        #expect(r.delimiter == "\t")
        #expect(r.mapping.headers == ["title", "description", "company"])
        #expect(c.postings.count == 2)
        #expect(c.postings[0].id.hasPrefix("h-"))
        #expect(c.postings[0].id == c.postings[1].id)  // same content, same id (dedup finds them)
        #expect(c.postings[0].source == "csv")
    }

    @Test func missingColumnsIsOneFileLevelError() {
        do {
            _ = try read(Array("nom,texte libre\na,b\n".utf8))
            Issue.record("erreur attendue")
        } catch let error as IngestError {
            #expect(error.code == .missingColumns)
            #expect(error.reason.contains("« title »"))
            #expect(error.reason.contains("« nom »"))
        } catch {
            Issue.record("IngestError attendue : \(error)")
        }
        // Wrong delimiter: the header is one column, the required ones are missing.
        #expect(throws: IngestError.self) { try read(Array("title description\nx y\n".utf8)) }
    }

    @Test func explicitMappingWins() throws {
        let (_, c) = try read(Array("Poste,Texte,Quand\nDev,Code,2024-01-05\n".utf8),
                              mapping: try CSVHeaderMapping.parse(["title=Poste", "description = Texte", "published=Quand"]))
        #expect(c.postings.first?.title == "Dev")
        #expect(c.postings.first?.published == Day(year: 2024, month: 1, day: 5))
        #expect(throws: IngestError.self) { try read(Array("a,b\n".utf8), mapping: ["titre": "a"]) }
        #expect(throws: IngestError.self) { try CSVHeaderMapping.parse(["title"]) }
    }

    /// CRLF (Windows), LF (Unix) and a lone CR (old Mac exports) all end records: the same
    /// postings, rejects and line numbers, whatever the chunk size. A CR-only file used to be
    /// read as one header line, its records lost without a word.
    @Test(arguments: ["\n", "\r"])
    func everyLineEndingGivesTheSameRecords(_ ending: String) throws {
        let crlf = try read(Array(Self.multiline.utf8)).1
        let text = Self.multiline.replacingOccurrences(of: "\r\n", with: ending)
        for size in [1, 3, 1 << 20] {
            let c = try read(Array(text.utf8), chunkSize: size).1
            #expect(c.postings.map(\.id) == crlf.postings.map(\.id), "bloc \(size)")
            #expect(c.postings.map(\.title) == crlf.postings.map(\.title))
            #expect(c.postings[0].description == "Accompagner les publics.\(ending)Animer des ateliers « bien débuter » ; suivre les \"usagers\".")
            #expect(c.rejects.map(\.line) == crlf.rejects.map(\.line), "bloc \(size)")
            #expect(c.rejects.map(\.code) == crlf.rejects.map(\.code))
        }
        // An unbalanced quote in a CR-only file still resumes at the next record start.
        let broken = "id,title,description\r1,Premier,Texte\r2,Cassé,\"jamais fermé\r3,Repris,Texte simple\r"
        let c = try read(Array(broken.utf8)).1
        #expect(c.postings.map(\.id) == ["1", "3"])
        #expect(c.rejects.map(\.line) == [3])
    }

    /// Two exports pasted together repeat the header: that line is a reject with its reason,
    /// not a posting titled « Intitulé ».
    @Test func repeatedHeaderIsRejectedNotStored() throws {
        let text = "Référence;Intitulé;Descriptif\nR1;Analyste SOC;Surveillance\nRéférence;Intitulé;Descriptif\nR2;Data analyst;SQL\n"
        let c = try read(Array(text.utf8)).1
        #expect(c.postings.map(\.id) == ["R1", "R2"])
        #expect(c.rejects.map(\.line) == [3])
        #expect(c.rejects.first?.reason.contains("en-tête répétée") == true)
    }

    @Test func unbalancedQuoteRejectsOneRecordAndResyncs() throws {
        let text = """
        id,title,description
        1,Premier,"Texte correct"
        2,Cassé,"Guillemet jamais fermé
        suite du texte, avec virgule
        3,Repris,Texte simple
        4,Aussi,"Multi
        ligne"
        5,Fin,"jamais fermé non plus
        """
        for size in [1, 5, 1 << 20] {
            let (_, c) = try read(Array(text.utf8), chunkSize: size)
            #expect(c.postings.map(\.id) == ["1", "3", "4"], "taille de bloc \(size)")
            #expect(c.rejects.map(\.line) == [3, 8])
            #expect(c.rejects.map(\.code) == [.malformedCSV, .malformedCSV])
            #expect(c.rejects.first?.reason.contains("guillemet fermant") == true)
            #expect(c.rejects.first?.reason.contains("lignes 3 à 4 ignorées") == true)
            #expect(c.rejects.last?.reason.contains("jamais fermé") == true)
        }
    }

    @Test func invalidUTF8InOneRecordIsRejectedAlone() throws {
        // Valid UTF-8 in the first 64 KB with one bad byte far below: stays UTF-8.
        var bytes = Array("id,title,description\n".utf8)
        for i in 0..<2_000 { bytes += Array("\(i),Poste numéro \(i),Description détaillée du poste \(i)\n".utf8) }
        bytes += Array("bad,Caf".utf8) + [0xE9] + Array(",x\nlast,Fin,ok\n".utf8)
        let (r, c) = try read(bytes)
        #expect(r.encoding == .utf8)
        #expect(c.postings.count == 2_001)
        #expect(c.rejects.map(\.code) == [.invalidEncoding])
        #expect(c.rejects.first?.field == "title")
        #expect(c.rejects.first?.line == 2_002)
    }

    static let shared = SharedData.available

    /// 150 records: counted independently with Python's csv module (delimiter `|`, 60 columns,
    /// every row 60 fields, 150 non-empty titles and descriptions).
    @Test(.enabled(if: shared, "données partagées absentes (../shared/data) : test ignoré"))
    func realArdecheFile() throws {
        let r = try CSVReader(input: try ByteSource(path: SharedData.path("postings/raw/france-travail-ardeche.csv")), source: "france-travail")
        let c = collect(r)
        #expect(r.delimiter == "|")
        #expect(r.mapping.headers.count == 60)
        #expect(c.postings.count == 150)
        #expect(c.rejects.isEmpty, "\(c.rejects.prefix(3))")
        #expect(c.postings.allSatisfy { !$0.title.isEmpty && !$0.description.isEmpty })
        #expect(c.postings.allSatisfy { $0.department == "07" || $0.department == nil || $0.department == "26" || $0.department == "43" || $0.department == "30" || $0.department == "84" })
        #expect(c.postings.filter { !$0.sourceSkills.isEmpty }.count > 50)
        #expect(c.postings.first?.company != nil || c.postings.contains { $0.company != nil })
        #expect(Set(c.postings.map(\.id)).count == 150)
    }
}
