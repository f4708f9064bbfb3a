import Foundation
import Ingest
import Records
import Testing

struct LHEOReaderTests {
    let reader = LHEOReader(source: "test")

    @Test(.enabled(if: TrainingFixtures.hasRealSample, "exemple LHEO réel absent de ../shared/data/training"))
    func realSampleIsReadWithItsCodesActionAndSession() throws {
        let (offers, errors, summary) = try reader.readAll(path: TrainingFixtures.realSample)
        #expect(errors.isEmpty)
        #expect(summary.version == "2.2")
        let o = try #require(offers.first)
        #expect(offers.count == 1)
        #expect(o.id == "9436_18706")
        // Only domaine-formation codes: the organisation's `potentiel` Formacodes are not the offer's.
        #expect(o.formacodes == ["34582", "34076"])
        #expect(o.nsfCodes == ["312"])
        #expect(o.romeCodes.count == 3)
        #expect(o.certifications == ["RNCP474"])
        #expect(o.siret?.count == 14)
        #expect(o.organisation != nil)
        #expect(o.prerequisites.isEmpty)  // `-` placeholder
        #expect(o.content.contains("<li>"))  // escaped HTML decoded once by XML, markup left to the classifier
        let a = try #require(o.actions.first)
        #expect(a.place?.department == "29")
        #expect(a.place?.region == "53")
        #expect(a.place?.communeCode?.count == 5)
        #expect(a.sessions.count == 1)
        #expect(a.sessions.first?.start == Day(year: 2015, month: 9, day: 1))
        #expect(a.sessions.first?.end == Day(year: 2017, month: 8, day: 31))
        #expect(a.durationHours == nil)  // « 2 ans » is no number of hours
    }

    @Test func demoFileHas300OffersAndNoError() throws {
        let (offers, errors, summary) = try reader.readAll(path: TrainingFixtures.demoFile)
        #expect(offers.count == 300)
        #expect(errors.isEmpty)
        #expect(summary.warningCount == 0)
        #expect(Set(offers.map(\.id)).count == 300)
        #expect(offers.allSatisfy { !$0.prerequisites.isEmpty && !$0.actions.isEmpty && $0.durationHours != nil })
        #expect(offers.allSatisfy { $0.actions.allSatisfy { $0.place?.department != nil && !$0.sessions.isEmpty } })
        #expect(offers.contains { $0.certifications.contains { $0.hasPrefix("RS") } })
        #expect(offers.contains { $0.certifications.contains { $0.hasPrefix("RNCP") } })
        #expect(offers.allSatisfy { !$0.formacodes.isEmpty && $0.siret != nil })
    }

    @Test(arguments: ["http://www.lheo.org/2.2", "http://lheo.gouv.fr/2.3", nil] as [String?])
    func versionsAndNamespaces(namespace: String?) throws {
        let doc = TrainingFixtures.document(TrainingFixtures.formation(codes: "<code-ROME>M1805</code-ROME>"),
                                            namespace: namespace)
        let (offers, errors, summary) = try reader.readAll(data: doc, file: "ns.xml")
        #expect(errors.isEmpty)
        #expect(offers.first?.romeCodes == ["M1805"])
        #expect(summary.version == namespace.map { $0.hasSuffix("2.3") ? "2.3" : "2.2" })
    }

    @Test func prefixedNamespace() throws {
        let xml = """
        <?xml version="1.0"?><l:lheo xmlns:l="http://lheo.gouv.fr/2.3"><l:offres><l:formation numero="P1">
        <l:intitule-formation>Préfixée</l:intitule-formation></l:formation></l:offres></l:lheo>
        """
        let (offers, errors, _) = try reader.readAll(data: Data(xml.utf8), file: "p.xml")
        #expect(errors.isEmpty)
        #expect(offers.map(\.id) == ["P1"])
    }

    @Test func escapedHTMLInContentIsKeptAsMarkup() throws {
        let html = TrainingFixtures.escaped("<p>Programme :</p><ul><li>Python &amp; pandas</li></ul>")
        let (offers, _, _) = try reader.readAll(data: TrainingFixtures.document(TrainingFixtures.formation(content: html)),
                                                file: "html.xml")
        #expect(offers.first?.content == "<p>Programme :</p><ul><li>Python &amp; pandas</li></ul>")
    }

    @Test func missingSessionsKeepTheOffer() throws {
        let action = "<action><conditions-specifiques>-</conditions-specifiques></action>"
        let (offers, errors, _) = try reader.readAll(
            data: TrainingFixtures.document(TrainingFixtures.formation(action: action)), file: "s.xml")
        #expect(errors.isEmpty)
        #expect(offers.first?.actions.count == 1)
        #expect(offers.first?.actions.first?.sessions.isEmpty == true)
        #expect(offers.first?.actions.first?.place == nil)
    }

    @Test func invalidCodesAreDroppedWithWarningsAndTheOfferKept() throws {
        let codes = """
        <code-FORMACODE>3104</code-FORMACODE><code-FORMACODE>31054</code-FORMACODE><code-NSF>32</code-NSF>
        <code-ROME>M18</code-ROME><code-ROME>m1805</code-ROME>
        """
        let extra = "<certification><code-RNCP>RNCP-ABC</code-RNCP></certification><extras><extra info=\"code-RS\">RS5487</extra></extras>"
        let (offers, errors, summary) = try reader.readAll(
            data: TrainingFixtures.document(TrainingFixtures.formation(codes: codes, extra: extra)), file: "codes.xml")
        #expect(errors.isEmpty)
        let o = try #require(offers.first)
        #expect(o.formacodes == ["31054"])
        #expect(o.romeCodes == ["M1805"])
        #expect(o.nsfCodes.isEmpty)
        #expect(o.certifications == ["RS5487"])
        #expect(summary.warningCount == 4)
        #expect(Set(summary.warnings.compactMap(\.field)) == ["code-FORMACODE", "code-NSF", "code-ROME", "code-RNCP"])
        #expect(summary.warnings.allSatisfy { $0.code == .invalidField && $0.line != nil && $0.record == 1 })
    }

    @Test func offerWithoutNumeroGetsAStableHashID() throws {
        let doc = TrainingFixtures.document(TrainingFixtures.formation(numero: nil))
        let a = try reader.readAll(data: doc, file: "h.xml").offers
        let b = try reader.readAll(data: doc, file: "h.xml").offers
        #expect(a.first?.id.hasPrefix("h-") == true)
        #expect(a.first?.id == b.first?.id)
    }

    @Test func offerWithoutTitleIsRejectedAndReadingGoesOn() throws {
        let doc = TrainingFixtures.document(TrainingFixtures.formation(numero: "X", title: ""),
                                            TrainingFixtures.formation(numero: "Y"))
        let (offers, errors, summary) = try reader.readAll(data: doc, file: "t.xml")
        #expect(offers.map(\.id) == ["Y"])
        #expect(errors.map(\.code) == [.missingField])
        #expect(errors.first?.record == 1)
        #expect(summary.fatal == nil)
    }

    // MARK: hostile input

    @Test func billionLaughsIsRefusedNotExpanded() throws {
        var entities = "<!ENTITY lol \"lol\">\n"
        for i in 1...9 { entities += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1 == 0 ? "" : String(i - 1));", count: 10) + "\">\n" }
        let prolog = "<!DOCTYPE lheo [\n\(entities)]>\n"
        let doc = TrainingFixtures.document(TrainingFixtures.formation(title: "&lol9;"), prolog: prolog)
        let clock = ContinuousClock()
        var result: (offers: [TrainingOffer], errors: [RecordError], summary: LHEOReader.Summary)!
        let elapsed = try clock.measure { result = try reader.readAll(data: doc, file: "lol.xml") }
        #expect(result.offers.isEmpty)
        #expect(result.summary.fatal?.code == .unsupported)
        #expect(result.summary.fatal?.line == 2)
        #expect(result.summary.fatal?.reason.contains("DOCTYPE") == true)
        #expect(elapsed < .seconds(2))
    }

    @Test func externalEntityIsRefused() throws {
        let prolog = "<!DOCTYPE lheo [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
        let doc = TrainingFixtures.document(TrainingFixtures.formation(title: "&xxe;"), prolog: prolog)
        let (offers, errors, summary) = try reader.readAll(data: doc, file: "xxe.xml")
        #expect(offers.isEmpty)
        #expect(errors.count == 1)
        #expect(summary.fatal?.code == .unsupported)
        #expect(!errors.contains { $0.description.contains("root:") })
    }

    @Test func doctypeSplitAcrossReadChunksIsStillSeen() throws {
        // The parser reads its stream in chunks: put the marker across every plausible boundary.
        for padding in [4085, 4090, 4093, 8185, 16380] {
            let prolog = "<!--" + String(repeating: "x", count: padding) + "-->\n<!DOCTYPE lheo SYSTEM \"file:///etc/passwd\">\n"
            let doc = TrainingFixtures.document(TrainingFixtures.formation(), prolog: prolog)
            let (offers, _, summary) = try reader.readAll(data: doc, file: "split.xml")
            #expect(offers.isEmpty, "padding \(padding)")
            #expect(summary.fatal?.code == .unsupported, "padding \(padding)")
        }
    }

    @Test func deepNestingRejectsThatOfferOnly() throws {
        let deep = String(repeating: "<extra>", count: 100) + String(repeating: "</extra>", count: 100)
        let doc = TrainingFixtures.document(TrainingFixtures.formation(numero: "deep", extra: deep),
                                            TrainingFixtures.formation(numero: "ok"))
        let (offers, errors, summary) = try reader.readAll(data: doc, file: "deep.xml")
        #expect(offers.map(\.id) == ["ok"])
        #expect(errors.map(\.code) == [.tooLarge])
        #expect(errors.first?.reason.contains("imbrication") == true)
        #expect(summary.fatal == nil)
    }

    @Test func deepNestingOutsideAnOfferStopsTheFile() throws {
        let deep = String(repeating: "<x>", count: 100) + String(repeating: "</x>", count: 100)
        let doc = TrainingFixtures.document(TrainingFixtures.formation(numero: "ok"), deep)
        let (offers, _, summary) = try reader.readAll(data: doc, file: "deep2.xml")
        #expect(offers.map(\.id) == ["ok"])
        #expect(summary.fatal?.code == .tooLarge)
    }

    @Test func hugeTextFieldRejectsThatOfferAndReadingGoesOn() throws {
        let huge = String(repeating: "données massives ", count: 20 << 20 / 18)  // about 20 MB
        let doc = TrainingFixtures.document(TrainingFixtures.formation(numero: "huge", content: huge),
                                            TrainingFixtures.formation(numero: "ok"))
        let (offers, errors, summary) = try reader.readAll(data: doc, file: "huge.xml")
        #expect(offers.map(\.id) == ["ok"])
        #expect(errors.count == 1)
        #expect(errors.first?.code == .tooLarge)
        #expect(errors.first?.field == "contenu-formation")
        #expect(errors.first?.record == 1)
        #expect(summary.fatal == nil)
    }

    @Test func manyMediumFieldsMakeAnOfferTooLarge() throws {
        var limits = LHEOReader.Limits()
        limits.maxOfferBytes = 4_000
        let extra = (0..<10).map { _ in "<extras><extra>" + String(repeating: "a", count: 500) + "</extra></extras>" }.joined()
        let doc = TrainingFixtures.document(TrainingFixtures.formation(numero: "big", extra: extra),
                                            TrainingFixtures.formation(numero: "ok"))
        let (offers, errors, _) = try LHEOReader(limits: limits).readAll(data: doc, file: "big.xml")
        #expect(offers.map(\.id) == ["ok"])
        #expect(errors.first?.field == "formation")
    }

    @Test func truncatedFileKeepsTheOffersAlreadyRead() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: TrainingFixtures.demoFile))
        let (offers, errors, summary) = try reader.readAll(data: data.prefix(data.count / 2), file: "tronque.xml")
        #expect(offers.count > 100 && offers.count < 200)
        #expect(errors.count == 1)
        #expect(summary.fatal?.code == .malformedXML)
        #expect(summary.fatal?.line != nil)
        #expect(summary.fatal?.record == offers.count + 1)
    }

    @Test func malformedXMLMidFileReportsItsLine() throws {
        let bad = "<formation numero=\"bad\">\n<intitule-formation>Cassée</contenu-formation>\n</formation>"
        let doc = TrainingFixtures.document(TrainingFixtures.formation(numero: "ok"), bad,
                                            TrainingFixtures.formation(numero: "after"))
        let text = String(decoding: doc, as: UTF8.self)
        let expectedLine = text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("Cassée") }! + 1
        let (offers, errors, summary) = try reader.readAll(data: doc, file: "bad.xml")
        #expect(offers.map(\.id) == ["ok"])
        #expect(errors.count == 1)
        #expect(summary.fatal?.code == .malformedXML)
        #expect(summary.fatal?.line == expectedLine)
        #expect(summary.fatal?.description.hasPrefix("bad.xml, ligne \(expectedLine)") == true)
    }

    @Test func utf16IsRefused() throws {
        let doc = TrainingFixtures.document(TrainingFixtures.formation())
        let utf16 = String(decoding: doc, as: UTF8.self).data(using: .utf16)!
        let (offers, _, summary) = try reader.readAll(data: utf16, file: "u16.xml")
        #expect(offers.isEmpty)
        #expect(summary.fatal?.code == .invalidEncoding)
    }

    /// libxml2 2.9 crashes (null dereference) on some declared encodings, and an EBCDIC one
    /// would hide a DOCTYPE from the byte scan: only the encodings LHEO producers use pass.
    @Test(arguments: ["UTF-7", "UTF7", "UTF-32", "utf-32le", "UCS-4", "ISO-2022-JP", "HZ", "IBM037", "EBCDIC-FR", ""])
    func unsupportedDeclaredEncodingIsRefusedBeforeTheParser(_ name: String) throws {
        let xml = "<?xml version=\"1.0\" encoding=\"\(name)\"?><lheo><offres><formation numero=\"E1\">"
            + "<intitule-formation>Médiation numérique</intitule-formation></formation></offres></lheo>"
        let (offers, _, summary) = try reader.readAll(data: Data(xml.utf8), file: "enc.xml")
        #expect(offers.isEmpty)
        #expect(summary.fatal?.code == .invalidEncoding)
        #expect(summary.fatal?.field == "encoding")
        #expect(summary.fatal?.reason.contains("« \(name) » non pris en charge") == true)
    }

    /// Foundation's XMLParser crashes on `<?name?>` (it takes the length of the null data
    /// pointer): refused with its line wherever it is, even split across reads; a processing
    /// instruction with data still passes.
    @Test func processingInstructionWithoutDataIsRefused() throws {
        let formation = TrainingFixtures.formation()
        for (doc, marker) in [("<?a?>", "<?a?>"), ("<?xml version=\"1.0\"?>\n<lheo>\n<offres>\n<?tri?>\(formation)</offres></lheo>", "<?tri?>"),
                              ("<?xml version=\"1.0\"?><lheo><offres>\(formation)</offres></lheo>\n<?fin?>", "<?fin?>")] {
            let line = doc[..<doc.range(of: marker)!.lowerBound].filter { $0 == "\n" }.count + 1
            let (_, _, summary) = try reader.readAll(data: Data(doc.utf8), file: "pi.xml")
            #expect(summary.fatal?.code == .malformedXML, "\(doc)")
            #expect(summary.fatal?.line == line, "\(doc)")
            #expect(summary.fatal?.reason.contains("instruction de traitement") == true, "\(doc)")
        }
        // Read two bytes at a time: the `<?name?>` spans several reads.
        let split = try reader.read(stream: ChunkedStream(Data("<?xml version=\"1.0\"?><lheo><?nom-long?></lheo>".utf8), size: 2),
                                    file: "split.xml") { _ in }
        #expect(split.fatal?.reason.contains("instruction de traitement") == true)
        let withData = "<?xml version=\"1.0\"?><?xml-stylesheet href=\"a.xsl\"?><lheo><offres>\(formation)</offres></lheo>"
        #expect(try reader.readAll(data: Data(withData.utf8), file: "ok.xml").offers.count == 1)
    }

    /// `<?a?>` written inside a comment or a CDATA section is text, not an instruction: the
    /// file is valid and read, whatever the read size.
    @Test func processingInstructionShapesInCommentsAndCDATAPass() throws {
        let formation = TrainingFixtures.formation(objectives: "<![CDATA[Écrire <?xml?> et <?a?> ]]>")
        let doc = "<?xml version=\"1.0\"?><!-- <?a?> --><lheo><offres><!--<?b?>-->\(formation)</offres></lheo>"
        for size in [1, 2, 7, 1 << 16] {
            var offers: [TrainingOffer] = []
            let summary = try reader.read(stream: ChunkedStream(Data(doc.utf8), size: size), file: "ok.xml") { r in
                if case .success(let o) = r { offers.append(o) }
            }
            #expect(summary.fatal == nil, "taille \(size)")
            #expect(offers.count == 1, "taille \(size)")
        }
        // After the comment and the CDATA section close, a real one is refused again.
        let after = "<?xml version=\"1.0\"?><lheo><!-- x --><![CDATA[y]]><?c?></lheo>"
        #expect(try reader.readAll(data: Data(after.utf8), file: "pi.xml").summary.fatal?.reason.contains("instruction") == true)
    }

    /// The declared encoding is read however long the declaration and however it is split
    /// across reads (libxml2 crashed on `encoding="UTF-32"` written after 600 spaces).
    @Test func declarationIsCheckedWhateverItsLengthAndSplit() throws {
        let body = "<lheo><offres>\(TrainingFixtures.formation())</offres></lheo>"
        let padding = String(repeating: " ", count: 600)
        for size in [2, 5, 1 << 16] {
            let refused = "<?xml version=\"1.0\"\(padding) encoding=\"UTF-32\"?>" + body
            let r = try reader.read(stream: ChunkedStream(Data(refused.utf8), size: size), file: "long.xml") { _ in }
            #expect(r.fatal?.code == .invalidEncoding, "taille \(size)")
            let accepted = "<?xml version=\"1.0\"\(padding) encoding=\"UTF-8\"?>" + body
            var count = 0
            let ok = try reader.read(stream: ChunkedStream(Data(accepted.utf8), size: size), file: "long.xml") { r in
                if case .success = r { count += 1 }
            }
            #expect(ok.fatal == nil && count == 1, "taille \(size)")
        }
        // Longer than 4,096 bytes, or never closed (libxml2 parses an unclosed one at the end of
        // the input, encoding included): refused, whatever the read size.
        for doc in ["<?xml version=\"1.0\"" + String(repeating: " ", count: 5000) + "?>" + body,
                    "<?xml version=\"1.0\" encoding=\"UTF7\"\u{A9}"] {
            for size in [3, 1 << 16] {
                let summary = try reader.read(stream: ChunkedStream(Data(doc.utf8), size: size), file: "long.xml") { _ in }
                #expect(summary.fatal?.reason.contains("déclaration XML non fermée") == true, "taille \(size)")
            }
        }
    }

    /// libxml2 crashes converting a byte the declared encoding does not define: refused first.
    @Test func undefinedBytesOfTheDeclaredEncodingAreRefused() throws {
        for (encoding, byte) in [("windows-1252", UInt8(0x81)), ("cp1252", 0x9D), ("US-ASCII", 0xE9)] {
            var data = Data("<?xml version=\"1.0\" encoding=\"\(encoding)\"?>\n<lheo>\n<offres>".utf8)
            data.append(byte)
            data.append(Data("</offres></lheo>".utf8))
            let (_, _, summary) = try reader.readAll(data: data, file: "octet.xml")
            #expect(summary.fatal?.code == .invalidEncoding, "\(encoding)")
            #expect(summary.fatal?.line == 3, "\(encoding)")
            #expect(summary.fatal?.reason.contains("0x\(String(byte, radix: 16, uppercase: true)) non défini") == true, "\(encoding)")
        }
    }

    @Test func allowedDeclaredEncodingsStillParse() throws {
        let body = "<lheo><offres><formation numero=\"W1\"><intitule-formation>Médiation numérique</intitule-formation>"
            + "</formation></offres></lheo>"
        for (declaration, encoding) in [("windows-1252", String.Encoding.windowsCP1252), ("UTF-8", .utf8), ("iso-8859-15", .isoLatin1)] {
            // Single quotes and spaces around `=` are valid XML too.
            let data = ("<?xml version='1.0' encoding = '\(declaration)' ?>" + body).data(using: encoding)!
            let (offers, errors, _) = try reader.readAll(data: data, file: "ok.xml")
            #expect(errors.isEmpty, "\(declaration)")
            #expect(offers.first?.title == "Médiation numérique", "\(declaration)")
        }
        // A UTF-8 byte order mark before the declaration.
        let bom = Data([0xEF, 0xBB, 0xBF]) + Data(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body).utf8)
        #expect(try reader.readAll(data: bom, file: "bom.xml").offers.count == 1)
    }

    @Test func emptyFileIsAnError() throws {
        let (offers, _, summary) = try reader.readAll(data: Data(), file: "vide.xml")
        #expect(offers.isEmpty)
        #expect(summary.fatal?.code == .malformedXML)
    }

    @Test func anErrorThrownByTheConsumerStopsReading() throws {
        struct Stop: Error {}
        let doc = TrainingFixtures.document(TrainingFixtures.formation(numero: "a"), TrainingFixtures.formation(numero: "b"))
        var seen = 0
        #expect(throws: Stop.self) {
            _ = try reader.read(stream: InputStream(data: doc), file: "stop.xml") { _ in seen += 1; throw Stop() }
        }
        #expect(seen == 1)
    }

    @Test func latin1DeclaredEncodingIsDecoded() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><lheo><offres><formation numero=\"L1\">"
            + "<intitule-formation>Médiation numérique</intitule-formation></formation></offres></lheo>"
        let data = xml.data(using: .isoLatin1)!
        let (offers, errors, _) = try reader.readAll(data: data, file: "latin1.xml")
        #expect(errors.isEmpty)
        #expect(offers.first?.title == "Médiation numérique")
    }

    @Test func missingFileIsOneError() throws {
        let (offers, errors, summary) = try reader.readAll(path: "/nonexistent/offres.xml")
        #expect(offers.isEmpty)
        #expect(errors.count == 1)
        #expect(summary.fatal?.file == "offres.xml")
    }

    @Test func prerequisitesFromConditionsAndExtrasAreCollectedOnce() throws {
        let extra = "<extras><extra info=\"pré-requis\">Bases de Python</extra></extras>"
        let action = """
            <action><conditions-specifiques>Savoir utiliser un tableur</conditions-specifiques>
            <info-public-vise>Demandeurs d’emploi</info-public-vise></action>
            <action><conditions-specifiques>Savoir utiliser un tableur</conditions-specifiques></action>
            """
        let doc = TrainingFixtures.document(TrainingFixtures.formation(action: action, extra: extra))
        let offer = try #require(try reader.readAll(data: doc, file: "pre.xml").offers.first)
        #expect(offer.prerequisites == "Savoir utiliser un tableur\nDemandeurs d’emploi\nBases de Python")
        #expect(offer.actions.count == 2)
    }

    @Test func millionsOfEmptyElementsRejectThatOfferOnly() throws {
        let sessions = String(repeating: "<session/>", count: 150_000)
        let action = "<action>\(sessions)</action>"
        let doc = TrainingFixtures.document(TrainingFixtures.formation(numero: "many", action: action),
                                            TrainingFixtures.formation(numero: "ok"))
        let (offers, errors, _) = try reader.readAll(data: doc, file: "many.xml")
        #expect(offers.map(\.id) == ["ok"])
        #expect(errors.map(\.code) == [.tooLarge])
    }

    @Test func codeListsAndWarningsAreBoundedPerOffer() throws {
        let valid = (0..<1_000).map { String(format: "<code-ROME>M%04d</code-ROME>", $0) }.joined()
        let invalid = String(repeating: "<code-FORMACODE>1</code-FORMACODE>", count: 1_000)
        let doc = TrainingFixtures.document(TrainingFixtures.formation(codes: valid + invalid))
        let (offers, _, summary) = try reader.readAll(data: doc, file: "codes.xml")
        #expect(offers.first?.romeCodes.count == 256)
        #expect(summary.warnings.count == 100)
        #expect(summary.warningCount == 1_000 + 1_000 - 256)
    }

    @Test func iteratorYieldsTheSameResultsAsTheCallback() throws {
        let pushed = try reader.readAll(path: TrainingFixtures.demoFile).offers
        let iterator = reader.offers(path: TrainingFixtures.demoFile, capacity: 8)
        var pulled: [TrainingOffer] = []
        while let r = iterator.next() { if case .success(let o) = r { pulled.append(o) } }
        #expect(pulled == pushed)
        #expect(iterator.summary?.offers == 300)
    }

    @Test func iteratorReportsTheFatalErrorLast() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lheo-\(UUID().uuidString).xml")
        let data = try Data(contentsOf: URL(fileURLWithPath: TrainingFixtures.demoFile))
        try data.prefix(data.count / 2).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var results: [Result<TrainingOffer, RecordError>] = []
        let iterator = reader.offers(path: url.path)
        while let r = iterator.next() { results.append(r) }
        guard case .failure(let e)? = results.last else { Issue.record("no error at the end"); return }
        #expect(e.code == .malformedXML)
        #expect(iterator.summary?.fatal == e)
    }

    @Test func droppingTheIteratorEarlyStopsTheReader() throws {
        for _ in 0..<20 {
            let iterator = reader.offers(path: TrainingFixtures.demoFile, capacity: 2)
            _ = iterator.next()
        }
    }
}

/// A stream that hands out at most `size` bytes per read, to put markers across read boundaries.
final class ChunkedStream: InputStream {
    private let data: Data
    private let size: Int
    private var offset = 0
    init(_ data: Data, size: Int) { self.data = data; self.size = size; super.init(data: Data()) }
    override func open() {}
    override func close() {}
    override var hasBytesAvailable: Bool { offset < data.count }
    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength len: Int) -> Int {
        let n = min(size, len, data.count - offset)
        data.copyBytes(to: buffer, from: offset..<(offset + n))
        offset += n
        return n
    }
}
