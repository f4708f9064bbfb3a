import Foundation
import Testing
import Records
@testable import Ingest

struct FranceTravailReaderTests {
    static let offer1 = """
    {"id": "100AAA", "intitule": "Technicien·ne support (H/F)", "description": "Assistance aux utilisateurs, « ticketing ».",
     "dateCreation": "2025-01-15T09:30:00.000Z", "dateActualisation": "2025-01-20T09:30:00.000Z",
     "lieuTravail": {"libelle": "69 - LYON 03", "codePostal": "69003", "commune": "69383"},
     "romeCode": "I1401", "typeContrat": "CDD", "typeContratLibelle": "Contrat à durée déterminée - 6 Mois",
     "entreprise": {"nom": "Société d’essai"}, "codeNAF": "62.02A",
     "origineOffre": {"origine": "1", "urlOrigine": "https://exemple.fr/offre/100AAA"},
     "competences": [{"code": "1", "libelle": "Diagnostiquer une panne", "exigence": "E"}],
     "qualitesProfessionnelles": [{"libelle": "Sens de l’écoute", "description": "…"}],
     "formations": [{"domaineLibelle": "Informatique", "niveauLibelle": "Bac+2"}]}
    """
    static let offer2 = """
    {"id": 200, "intitule": "Agent de tri", "description": "Tri des colis.", "dateActualisation": "2025-02-01T00:00:00Z",
     "lieuTravail": {"libelle": "Corse", "codePostal": "20200"}, "typeContratLibelle": "Intérim"}
    """
    static let page = "{\"resultats\": [\n" + offer1 + ",\n" + offer2 + ",\n{\"id\": \"bad\", \"intitule\": 3}\n], \"filtresPossibles\": [{\"a\": [1, 2]}]}\n"

    func read(_ text: String, chunkSize: Int = ByteSource.defaultChunkSize, limits: ReaderLimits = ReaderLimits()) -> Collected {
        collect(FranceTravailReader(input: ByteSource(bytes: Array(text.utf8), name: "page.json", chunkSize: chunkSize), limits: limits))
    }

    @Test func mapsAPageAndStreamsItsElements() {
        let c = read(Self.page)
        #expect(c.postings.count == 2)
        let p = c.postings[0]
        #expect(p.id == "100AAA")
        #expect(p.source == "france-travail-api")
        #expect(p.title == "Technicien·ne support (H/F)")
        #expect(p.published == Day(year: 2025, month: 1, day: 15))
        #expect(p.location == "69 - LYON 03")
        #expect(p.department == "69")
        #expect(p.contract == "CDD")
        #expect(p.romeCode == "I1401")
        #expect(p.naf == "62.02A")
        #expect(p.company == "Société d’essai")
        #expect(p.url == "https://exemple.fr/offre/100AAA")
        #expect(p.sourceSkills == ["Diagnostiquer une panne", "Sens de l’écoute", "Informatique"])
        let q = c.postings[1]
        #expect(q.id == "200")
        #expect(q.department == "2B")
        #expect(q.contract == "Intérim")
        #expect(q.published == Day(year: 2025, month: 2, day: 1))
        #expect(c.rejects.count == 1)
        #expect(c.rejects.first?.record == 3)
        #expect(c.rejects.first?.line == 13)
        #expect(c.rejects.first?.field == "intitule")
    }

    @Test func sameResultWithTinyChunks() {
        let whole = read(Self.page)
        let array = read("[" + Self.offer1 + "," + Self.offer2 + "]")
        #expect(array.postings == whole.postings)
        for size in tinyChunkSizes {
            let c = read(Self.page, chunkSize: size)
            #expect(c.postings == whole.postings, "taille de bloc \(size)")
            #expect(c.rejects == whole.rejects, "taille de bloc \(size)")
        }
    }

    @Test func singleOfferAndTruncatedArray() {
        #expect(read(Self.offer1).postings.map(\.id) == ["100AAA"])
        let cut = read("[" + Self.offer1 + "," + String(Self.offer2.prefix(40)))
        #expect(cut.postings.map(\.id) == ["100AAA"])
        #expect(cut.rejects.count == 1)
        #expect(cut.rejects.first?.reason.contains("tronqué") == true)
        let empty = read("{\"resultats\": []}")
        #expect(empty.postings.isEmpty && empty.rejects.isEmpty)
    }

    @Test func hugeSingleObjectIsRejectedInBoundedMemory() {
        let limits = ReaderLimits().with { $0.maxRecordBytes = 1 << 20 }
        let big = "{\"id\": \"x\", \"intitule\": \"t\", \"description\": \"" + String(repeating: "a", count: 50 << 20) + "\"}"
        let start = Date()
        let c = read(big, chunkSize: 1 << 20, limits: limits)
        #expect(c.postings.isEmpty)
        #expect(c.rejects.map(\.code) == [.tooLarge])
        #expect(Date().timeIntervalSince(start) < 20)
    }

    static let shared = SharedData.available

    @Test(.enabled(if: shared, "données partagées absentes (../shared/data) : test ignoré"))
    func realPageAndOffer() throws {
        let page = FranceTravailReader(input: try ByteSource(path: SharedData.path("postings/raw/france-travail-api-page.json")))
        let c = collect(page)
        #expect(c.postings.count == 399)
        #expect(c.rejects.isEmpty, "\(c.rejects.prefix(3))")
        #expect(c.postings.allSatisfy { !$0.description.isEmpty })
        #expect(c.postings.filter { $0.department != nil }.count > 300)
        let one = collect(FranceTravailReader(input: try ByteSource(path: SharedData.path("postings/raw/france-travail-api-offer.json"))))
        #expect(one.postings.count == 1)
        #expect(one.rejects.isEmpty)
    }
}
