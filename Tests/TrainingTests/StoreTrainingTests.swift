import Classifier
import Foundation
import Ingest
import Records
@testable import Store
import Testing

struct StoreTrainingTests {
    static let demo: [TrainingItem] = {
        let classifier = Classifier(taxonomy: TrainingFixtures.taxonomy)
        var scratch = Classifier.Scratch()
        let offers = try! LHEOReader(source: "demo-lheo").readAll(path: TrainingFixtures.demoFile).offers
        return offers.map { TrainingItem(offer: $0, classification: classifier.classify($0, scratch: &scratch)) }
    }()

    @Test func demoOffersAreStoredOnceAndReingestChangesNothing() throws {
        let store = try Store.inMemory()
        let run = try store.beginRun(files: ["demo-formations.lheo.xml"])
        let first = try store.ingestTraining(Self.demo, run: run)
        #expect(first.count(.stored) == 300)
        #expect(try store.status().trainingOffers == 300)
        #expect(try store.trainingRowCount("training_actions") == 300)
        #expect(try store.trainingRowCount("training_sessions") == Self.demo.reduce(0) { $0 + $1.offer.actions.reduce(0) { $0 + $1.sessions.count } })
        #expect(try store.trainingRowCount("training_classifications") == 300)
        let evidence = try store.trainingRowCount("training_evidence")
        #expect(evidence > 300)

        let again = try store.ingestTraining(Self.demo, run: try store.beginRun(files: ["demo-formations.lheo.xml"]))
        #expect(again.count(.unchanged) == 300)
        #expect(try store.trainingRowCount("training_offers") == 300)
        #expect(try store.trainingRowCount("training_evidence") == evidence)
    }

    @Test func changedOfferIsUpdatedAndOtherVersionReclassified() throws {
        let store = try Store.inMemory()
        let items = Array(Self.demo.prefix(3))
        _ = try store.ingestTraining(items, run: try store.beginRun(files: ["a"]))
        var changed = items
        changed[0].offer.content += "\nModule ajouté : RAG et grands modèles de langage."
        changed[0].offer.actions[0].sessions = []
        changed[1].classification.taxonomyVersion = "autre-version"
        let outcome = try store.ingestTraining(changed, run: try store.beginRun(files: ["b"]))
        #expect(outcome.outcomes == [.updated, .reclassified, .unchanged])
        let sessions = try store.strings(sql: """
            SELECT CAST(COUNT(*) AS TEXT) FROM training_sessions s JOIN training_offers o ON o.id = s.offer_id
            WHERE o.source_id = '\(items[0].offer.id)'
            """)
        #expect(sessions == ["0"])
        #expect(try store.strings(sql: "SELECT taxonomy_version FROM training_classifications ORDER BY offer_id")[1] == "autre-version")
        #expect(try store.trainingNeedsReclassification(version: items[0].classification.taxonomyVersion).count == 1)
    }

    @Test func competenciesOnlyInPrerequisitesAreNotTaught() throws {
        let classifier = Classifier(taxonomy: TrainingFixtures.taxonomy)
        var scratch = Classifier.Scratch()
        let offer = TrainingClassificationTests.mlOffer
        let store = try Store.inMemory()
        _ = try store.ingestTraining([TrainingItem(offer: offer, classification: classifier.classify(offer, scratch: &scratch))],
                                     run: try store.beginRun(files: ["ml"]))
        #expect(try store.strings(sql: "SELECT CAST(taught AS TEXT) FROM training_competencies WHERE competency_id = 'donnees.sql'") == ["0"])
        #expect(try store.strings(sql: "SELECT CAST(MIN(taught) AS TEXT) FROM training_competencies WHERE domain = 'ia'") == ["1"])
        #expect(try store.strings(sql: "SELECT domain FROM training_domains") == ["ia"])
        #expect(try store.strings(sql: "SELECT DISTINCT section FROM training_evidence WHERE competency_id = 'donnees.sql'") == ["prerequis"])
    }

    @Test func sessionsCarryRegionDerivedFromDepartment() throws {
        let store = try Store.inMemory()
        _ = try store.ingestTraining(Array(Self.demo.prefix(20)), run: try store.beginRun(files: ["a"]))
        let missing = try store.strings(sql: "SELECT CAST(COUNT(*) AS TEXT) FROM training_sessions WHERE region IS NULL OR department IS NULL")
        #expect(missing == ["0"])
        let mismatched = try store.strings(sql: """
            SELECT CAST(COUNT(*) AS TEXT) FROM training_sessions s JOIN training_actions a ON a.id = s.action_id
            WHERE s.region <> a.region OR s.start_day IS NULL
            """)
        #expect(mismatched == ["0"])
    }

    @Test func readerErrorsAreKeptAsRejects() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: TrainingFixtures.demoFile))
        let (_, errors, _) = try LHEOReader().readAll(data: data.prefix(data.count / 3), file: "tronque.xml")
        let store = try Store.inMemory()
        let run = try store.beginRun(files: ["tronque.xml"])
        try store.reject(errors, run: run)
        try store.reject(errors, run: run)
        #expect(try store.rowCount("rejected_records") == 1)
        #expect(try store.strings(sql: "SELECT code FROM rejected_records") == ["xml-invalide"])
    }
}
