import Foundation
import Testing
import Records
@testable import Ingest

/// CSV training catalogues: CPF open-data layout, training bodies' own exports, bad cells.
struct TrainingCSVReaderTests {
    struct Read {
        var offers: [TrainingOffer] = []
        var rejects: [RecordError] = []
    }

    func read(_ text: String, mapping: [String: String] = [:], limits: ReaderLimits = ReaderLimits()) throws -> (TrainingCSVReader, Read) {
        try read(Array(text.utf8), mapping: mapping, limits: limits)
    }

    func read(_ bytes: [UInt8], mapping: [String: String] = [:], limits: ReaderLimits = ReaderLimits()) throws -> (TrainingCSVReader, Read) {
        let r = try TrainingCSVReader(input: ByteSource(bytes: bytes, name: "catalogue.csv", chunkSize: 7), source: "cpf",
                                      mapping: mapping, limits: limits)
        var out = Read()
        while let result = r.next() {
            switch result {
            case .success(let o): out.offers.append(o)
            case .failure(let e): out.rejects.append(e)
            }
        }
        return (r, out)
    }

    /// The CPF catalogue's open-data columns (one row per formation and department).
    static let cpf = """
    date_extract;nom_of;nom_departement;nom_region;type_referentiel;code_inventaire;code_rncp;intitule_certification;code_formacode_1;code_formacode_2;code_formacode_3;siret;numero_formation;intitule_formation;points_forts;nombre_heures_total_mean;frais_ttc_tot_mean;code_departement;code_region
    2025-11-01;Numérique Pour Tous;Rhône;Auvergne-Rhône-Alpes;RNCP;;RNCP37827;Concepteur développeur d'applications;31054;31025;;123 456 789 00012;F-0001;Data analyst : SQL, Power BI et Python;"Maîtriser SQL et Power BI ; analyser des données avec Python (pandas).";399,5;"4 990,00";69;84
    2025-11-01;Numérique Pour Tous;Isère;Auvergne-Rhône-Alpes;RNCP;;RNCP37827;Concepteur développeur d'applications;31054;31025;;123 456 789 00012;F-0001;Data analyst : SQL, Power BI et Python;"Maîtriser SQL et Power BI ; analyser des données avec Python (pandas).";399,5;"4 990,00";38;84
    2025-11-01;Cyber Académie;Gironde;Nouvelle-Aquitaine;RS;RS5643;;Sécuriser son poste de travail;31006;9999;;;F-0002;Sensibilisation à la cybersécurité;Reconnaître l'hameçonnage (phishing) et appliquer l'authentification multifacteur.;14;abc;33;75
    2025-11-01;Atelier Médiation;;;;;;;;;;;F-0003;;Sans intitulé;;;;
    """

    @Test func readsTheCPFLayoutWithOneActionPerDepartment() throws {
        let (r, c) = try read(Self.cpf)
        #expect(c.offers.map(\.id) == ["F-0001", "F-0002"])
        let data = c.offers[0]
        #expect(data.source == "cpf")
        #expect(data.title == "Data analyst : SQL, Power BI et Python")
        #expect(data.objectives.hasPrefix("Maîtriser SQL et Power BI"))
        #expect(data.organisation == "Numérique Pour Tous")
        #expect(data.siret == "12345678900012")
        #expect(data.formacodes == ["31054", "31025"])
        #expect(data.certifications == ["RNCP37827"])
        #expect(data.durationHours == 400)
        #expect(data.priceEuros == 4990)
        // Consecutive rows of the same formation are its actions, one per department.
        #expect(data.actions.compactMap(\.place?.department) == ["69", "38"])
        #expect(data.actions.compactMap(\.place?.region) == ["84", "84"])

        let cyber = c.offers[1]
        #expect(cyber.certifications == ["RS5643"])
        #expect(cyber.formacodes == ["31006"])
        #expect(cyber.priceEuros == nil)
        #expect(cyber.actions.first?.place?.department == "33")
        // Invalid values are dropped with a warning naming the file's column; the offer is kept.
        #expect(r.warningCount == 2)
        #expect(r.warnings.map(\.field) == ["code_formacode_2", "frais_ttc_tot_mean"])
        #expect(r.warnings[0].line == 4)

        #expect(c.rejects.count == 1)
        #expect(c.rejects[0].code == .missingField)
        #expect(c.rejects[0].line == 5)
        #expect(c.rejects[0].field == "intitule_formation")
        #expect(c.rejects[0].description.contains("intitulé de la formation absent"))
    }

    /// A training body's own export: French headers, comma-separated, Windows-1252, no id
    /// column, codes listed in one cell, session dates in French form.
    @Test func readsAFrenchExcelExportInWindows1252() throws {
        let text = "Intitulé de la formation,Organisme,Objectifs,Contenu,Prérequis,Formacode,Code ROME,Ville,Code postal,Date de début,Date de fin,Durée,Prix\r\n"
            + "Concevoir une expérience en réalité virtuelle,Studio Immersif,Prototyper une visite en réalité virtuelle avec Unity,\"Modélisation 3D ; scénographie immersive\",Bases de C#,46270 ; 31010,E1205 / L1304,Lille,59000,01/03/2026,30/06/2026,210 h,\"2 400 €\"\r\n"
        let bytes = text.unicodeScalars.map { s -> UInt8 in
            switch s { case "é": 0xE9; case "è": 0xE8; case "€": 0x80; case "É": 0xC9; default: UInt8(s.value) }
        }
        let (r, c) = try read(bytes)
        #expect(r.encoding == .windows1252)
        #expect(c.rejects.isEmpty)
        let o = try #require(c.offers.first)
        #expect(o.id.hasPrefix("h-"))
        #expect(o.title == "Concevoir une expérience en réalité virtuelle")
        #expect(o.prerequisites == "Bases de C#")
        #expect(o.formacodes == ["46270", "31010"])
        #expect(o.romeCodes == ["E1205", "L1304"])
        #expect(o.durationHours == 210)
        #expect(o.priceEuros == 2400)
        let action = try #require(o.actions.first)
        #expect(action.place?.department == "59")
        #expect(action.place?.city == "Lille")
        #expect(action.sessions.first?.start == Day(year: 2026, month: 3, day: 1))
        #expect(action.sessions.first?.end == Day(year: 2026, month: 6, day: 30))
        // The same content read twice gets the same id: re-ingesting changes nothing.
        let (_, again) = try read(bytes)
        #expect(again.offers.first?.id == o.id)
    }

    /// A formation whose rows are not consecutive: the later row is rejected, not merged and
    /// not silently replacing the first.
    @Test func rejectsARepeatedFormationFurtherDown() throws {
        let (_, c) = try read("""
        numero_formation,intitule_formation,code_departement
        A1,Médiation numérique pour les seniors,07
        B2,Animer un fablab,26
        A1,Médiation numérique pour les seniors,26
        """)
        #expect(c.offers.map(\.id) == ["A1", "B2"])
        #expect(c.offers[0].actions.count == 1)
        #expect(c.rejects.count == 1)
        #expect(c.rejects[0].line == 4)
        #expect(c.rejects[0].reason.contains("déjà lue plus haut (ligne 2)"))
    }

    /// A hostile file repeating one formation on every row cannot grow one offer without bound.
    @Test func rowsOfOneFormationAreBounded() throws {
        let rows = (0..<(TrainingCSVReader.maxActions + 3)).map { "Z1;Cybersécurité;\(21 + $0 % 70)" }
        let (_, c) = try read((["numero_formation;intitule_formation;code_departement"] + rows).joined(separator: "\n"))
        #expect(c.offers.count == 1)
        #expect(c.offers[0].actions.count == TrainingCSVReader.maxActions)
        #expect(c.rejects.count == 3)
        #expect(c.rejects.allSatisfy { $0.code == .tooLarge })
    }

    @Test func fileLevelErrorsNameTheMissingTitleAndTheHeaders() throws {
        #expect {
            _ = try read("organisme;ville\nCNAM;Paris\n")
        } throws: { e in
            let e = e as! IngestError
            return e.code == .missingColumns && e.reason.contains("« title »") && e.reason.contains("« organisme »")
                && e.reason.contains("formations")
        }
        #expect(throws: IngestError.self) { _ = try read("") }
    }

    @Test func explicitMappingNamesOtherColumns() throws {
        let (_, c) = try read("""
        Réf;Cours;Texte du programme;Lieu
        X9;Gouvernance des données;Mettre en œuvre le RGPD et un catalogue de données;Nantes
        """, mapping: ["id": "Réf", "title": "Cours", "content": "Texte du programme", "city": "Lieu"])
        #expect(c.offers.first?.id == "X9")
        #expect(c.offers.first?.content.contains("RGPD") == true)
        #expect(c.offers.first?.actions.first?.place?.city == "Nantes")
        #expect(throws: IngestError.self) { _ = try read("a;b\n1;2\n", mapping: ["titre-inconnu": "a"]) }
    }

    @Test func malformedRowsAndOversizedCellsAreRejectedAndReadingGoesOn() throws {
        let long = String(repeating: "x", count: 1_200)
        let (_, c) = try read("""
        id;intitule;objectifs
        1;Python pour l'analyse de données;"Pandas et
        visualisation"
        2;\(long);trop long
        3;"Quote ouverte;jamais fermée
        4;Cybersécurité des PME;Analyse de risques
        """)
        #expect(c.offers.map(\.id) == ["1", "4"])
        #expect(c.offers[0].objectives == "Pandas et\nvisualisation")
        #expect(c.rejects.map(\.code) == [.tooLarge, .malformedCSV])
        #expect(c.rejects[0].field == "intitule")
        #expect(c.rejects.map(\.line) == [4, 5])
    }

    @Test func tellsACatalogueFromAPostingsExport() {
        #expect(TrainingCSVReader.isCatalogue(headers: ["numero_formation", "intitule_formation", "nom_of"]))
        #expect(TrainingCSVReader.isCatalogue(headers: ["Intitulé de la formation", "Organisme", "Formacode"]))
        #expect(!TrainingCSVReader.isCatalogue(headers: ["Référence", "Intitulé", "Descriptif", "Date de publication"]))
        #expect(!TrainingCSVReader.isCatalogue(headers: ["id", "intitule", "description", "formations", "competences"]))
    }

    @Test func valueParsers() {
        #expect(TrainingCSVReader.hours("35") == 35)
        #expect(TrainingCSVReader.hours("35,5") == 36)
        #expect(TrainingCSVReader.hours("35.0") == 35)
        #expect(TrainingCSVReader.hours("35 heures") == 35)
        #expect(TrainingCSVReader.hours("2 ans") == nil)
        #expect(TrainingCSVReader.euros("1 290,00 €") == 1290)
        #expect(TrainingCSVReader.euros("1.290,50 EUR") == 1290.5)
        #expect(TrainingCSVReader.euros("1290.5") == 1290.5)
        #expect(TrainingCSVReader.euros("gratuit") == nil)
        #expect(TrainingCSVReader.regionCode("ILE DE FRANCE") == "11")
        #expect(TrainingCSVReader.regionCode("Provence-Alpes-Côte d’Azur") == "93")
        #expect(TrainingCSVReader.regionCode("Atlantide") == nil)
        #expect(TrainingCSVReader.day("31/02/2026") == nil)
    }
}
