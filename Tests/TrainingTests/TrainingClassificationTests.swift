import Classifier
import Foundation
import Ingest
import Records
import Testing

struct TrainingClassificationTests {
    static let classifier = Classifier(taxonomy: TrainingFixtures.taxonomy)

    func classify(_ offer: TrainingOffer) -> Classification {
        var scratch = Classifier.Scratch()
        return Self.classifier.classify(offer, scratch: &scratch)
    }

    /// Every evidence span points at its own text in `TrainingText.text`.
    func expectOffsetsExplainEvidence(_ offer: TrainingOffer, _ c: Classification,
                                      sourceLocation: SourceLocation = #_sourceLocation) {
        let scalars = Array(offer.classifiedText.text.unicodeScalars)
        for m in c.competencies {
            for e in m.evidence {
                let slice = String(String.UnicodeScalarView(scalars[e.start..<e.end]))
                #expect(slice == e.text, "\(offer.id) \(m.id)", sourceLocation: sourceLocation)
            }
        }
    }

    static let mlOffer = TrainingOffer(
        id: "ml", source: "test", title: "Initiation au machine learning",
        objectives: "Entraîner et évaluer des modèles d’apprentissage automatique.",
        content: "Régression et classification supervisées, machine learning avec scikit-learn.",
        prerequisites: "Maîtrise de SQL et des bases de données relationnelles.")

    @Test func prerequisitesDoNotMakeADomain() {
        let c = classify(Self.mlOffer)
        #expect(c.domains.contains("ia"))
        #expect(!c.domains.contains("donnees"))
        let sql = c.competencies.first { $0.id == "donnees.sql" }
        #expect(sql != nil)
        #expect(sql?.evidence.allSatisfy { $0.section == .prerequisites } == true)
        let ml = c.competencies.first { $0.domain == "ia" }
        #expect(ml?.evidence.contains { $0.section == .content || $0.section == .title } == true)
        expectOffsetsExplainEvidence(Self.mlOffer, c)
    }

    @Test func aHeadingInsidePrerequisitesDoesNotReopenTheContent() {
        var offer = Self.mlOffer
        offer.prerequisites = "Avoir suivi le module précédent.\nProgramme : SQL avancé, entrepôt de données, ETL et Power BI."
        let c = classify(offer)
        #expect(!c.domains.contains("donnees"))
        let part = offer.classifiedText.parts.first { $0.section == .prerequisites }!
        for m in c.competencies {
            for e in m.evidence where e.start >= part.start && e.start < part.end {
                #expect(e.section == .prerequisites, "\(m.id)")
            }
        }
    }

    @Test func sectionedTextHasHeadingsAndParts() {
        let t = Self.mlOffer.classifiedText
        #expect(t.description.hasPrefix("Objectifs :\n"))
        #expect(t.description.contains("\nContenu de la formation :\n"))
        #expect(t.description.contains("\nPrérequis :\n"))
        #expect(t.parts.map(\.section) == [.title, .objectives, .content, .prerequisites])
        let scalars = Array(t.text.unicodeScalars)
        for p in t.parts.dropFirst() {
            let s = String(String.UnicodeScalarView(scalars[p.start..<p.end]))
            #expect([Self.mlOffer.objectives, Self.mlOffer.content, Self.mlOffer.prerequisites].contains(s))
        }
        #expect(t.part(at: t.parts[3].start)?.field == "conditions-specifiques")
    }

    @Test func escapedHTMLContentIsClassifiedWithExactOffsets() throws {
        let html = TrainingFixtures.escaped("<p><b>Programme :</b></p><ul><li>Deep learning et réseaux de neurones</li><li>Machine learning</li></ul>")
        let doc = TrainingFixtures.document(TrainingFixtures.formation(title: "Intelligence artificielle appliquée", content: html))
        let offer = try #require(try LHEOReader().readAll(data: doc, file: "html.xml").offers.first)
        let c = classify(offer)
        #expect(c.domains.contains("ia"))
        let inContent = c.competencies.flatMap(\.evidence).filter { $0.section == .content }
        #expect(!inContent.isEmpty)
        expectOffsetsExplainEvidence(offer, c)
    }

    @Test func demoOffersNeverDependOnTheirPrerequisites() throws {
        let offers = try LHEOReader().readAll(path: TrainingFixtures.demoFile).offers
        #expect(offers.count == 300)
        var withDomain = 0
        for offer in offers {
            let c = classify(offer)
            var without = offer
            without.prerequisites = ""
            #expect(c.domains == classify(without).domains, "\(offer.id)")
            if !c.domains.isEmpty { withDomain += 1 }
            let part = offer.classifiedText.parts.first { $0.section == .prerequisites }
            for e in c.competencies.flatMap(\.evidence) {
                if let part, e.start >= part.start, e.start < part.end { #expect(e.section == .prerequisites) }
            }
            expectOffsetsExplainEvidence(offer, c)
        }
        // The demo offers are all in the five domains.
        #expect(withDomain >= 270, "offres classées : \(withDomain) / 300")
    }

    @Test(.enabled(if: TrainingFixtures.hasRealSample, "exemple LHEO réel absent de ../shared/data/training"))
    func realSampleIsClassifiedWithExactOffsets() throws {
        let offer = try #require(try LHEOReader().readAll(path: TrainingFixtures.realSample).offers.first)
        let c = classify(offer)
        expectOffsetsExplainEvidence(offer, c)
        #expect(c.competencies.flatMap(\.evidence).allSatisfy { $0.section != .prerequisites })
    }
}
