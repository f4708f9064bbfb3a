import Classifier
@testable import Emerging
import Foundation
import GRDB
import Records
import Store
import Taxonomy
import Testing

/// Candidate extraction, the growth rule, emerging terms and titles on a small synthetic store,
/// and the suggestion snippet read back by `TaxonomyLoader`.
struct EmergingAnalysisTests {
    static let taxonomyText = """
    domain: donnees
    label: Données
    label-en: Data

    competency: donnees.python
    label: Python
    label-en: Python language
    variant: pandas
    rome: M1405

    competency: donnees.sql
    label: SQL
    label-en: Structured query language
    weight: support
    """

    static func taxonomy() throws -> Taxonomy {
        let dir = try temporaryDirectory("taxonomy")
        try taxonomyText.write(to: dir.appendingPathComponent("donnees.tax"), atomically: true, encoding: .utf8)
        try "2026.1".write(to: dir.appendingPathComponent("VERSION"), atomically: true, encoding: .utf8)
        return try TaxonomyLoader(directory: dir).load().0
    }

    /// 60 postings over January–June, 20 over July–September; "jumeau numérique" appears only in
    /// 12 recent ones, "tickets restaurant" everywhere, "rare outil" in 4 recent ones.
    static func store(taxonomy: Taxonomy) throws -> Store {
        let store = try Store.inMemory()
        let classifier = Classifier(taxonomy: taxonomy)
        var scratch = Classifier.Scratch()
        var items: [IngestItem] = []
        for i in 0..<80 {
            let recent = i >= 60
            let month = recent ? 7 + (i - 60) % 3 : 1 + i % 6
            var lines = ["Missions :", "Analyser les ventes avec Python et SQL.", "Avantages : tickets restaurant, mutuelle."]
            var title = "Analyste de données"
            if recent && i < 72 {
                let sentences = ["Construire le jumeau numérique de l’usine.", "Maintenir un jumeau numérique en production.",
                                 "Vous travaillerez sur les jumeaux numériques des réseaux."]
                lines.insert(sentences[i % 3], at: 1)
                title = "Ingénieur jumeau numérique"
            }
            if recent && i >= 76 { lines.insert("Maîtriser un rare outil.", at: 1) }
            let posting = Posting(id: "syn-\(i)", source: "test", title: title, description: lines.joined(separator: "\n"),
                                  published: Day(iso: String(format: "2025-%02d-%02d", month, 1 + i % 27)))
            let signature = DedupSignature(exactKey: UInt64(i + 1), titleKey: 0, minHash: [], bandCount: 0, rowsPerBand: 1)
            items.append(IngestItem(posting: posting, classification: classifier.classify(posting, scratch: &scratch), signature: signature))
        }
        let run = try store.beginRun(files: ["synthetique"])
        _ = try store.ingest(items, run: run)
        return store
    }

    @Test func candidatesSkipStopWordsNumbersAndCoveredWordings() throws {
        let extractor = PhraseExtractor(taxonomy: try Self.taxonomy())
        let keys = Set(extractor.candidates(in: "Vous construirez le jumeau numérique avec Python et pandas. 2025 est l’année").map(\.key))
        #expect(keys.contains(where: { $0.hasPrefix("jumeau") }))
        #expect(!keys.contains(where: { $0.contains("python") || $0.contains("panda") }), "\(keys)")
        #expect(!keys.contains("2025"))
        #expect(!keys.contains(where: { $0.hasPrefix("le ") || $0.hasSuffix(" le") || $0 == "avec" }))
        // Never across a sentence boundary.
        #expect(!keys.contains(where: { $0.contains("panda") && $0.contains("anne") }))
    }

    @Test func growthRule() {
        let rule = GrowthRule()
        #expect(rule.score(recent: 12, recentTotal: 20, earlier: 0, earlierTotal: 60).rises)
        #expect(!rule.score(recent: 12, recentTotal: 20, earlier: 36, earlierTotal: 60).rises)
        #expect(!rule.score(recent: 4, recentTotal: 20, earlier: 0, earlierTotal: 60).rises)
        let s = rule.score(recent: 10, recentTotal: 100, earlier: 9, earlierTotal: 99)
        #expect(abs(s.logRatio - log((11.0 / 101) / (10.0 / 100))) < 1e-9)
    }

    @Test func emergingTermsAndTitlesOnSyntheticStore() throws {
        let tax = try Self.taxonomy()
        let store = try Self.store(taxonomy: tax)
        let matcher = try RomeMatcher(reference: RomeReference.load(directory: romeDirectory))
        let analysis = EmergingAnalysis(reader: store.reader, taxonomy: tax, matcher: matcher)
        let terms = try analysis.emergingTerms()
        let jumeau = try #require(terms.first { $0.label.hasPrefix("jumeau numérique") || $0.label == "jumeau numérique" }, "\(terms.map(\.label))")
        #expect(jumeau.score.recent == 12 && jumeau.score.earlier == 0)
        #expect(jumeau.domain == "donnees")
        #expect(jumeau.examples.count == 3)
        #expect(jumeau.examples.allSatisfy { $0.text.contains("jumeau") })
        #expect(jumeau.variants == ["jumeaux numériques"])
        #expect(!terms.contains { $0.label.contains("tickets") || $0.label.contains("rare outil") })
        let titles = try analysis.emergingTitles()
        let title = try #require(titles.first { $0.title == "ingénieur jumeau numérique" })
        #expect(title.reasons.contains(.rising))
    }

    /// Above `maximumPostingsPerWindow`, each window is read one posting in k: totals are the
    /// sample's (earlier window: 60 postings read one in 3 → 20), the recent window under the cap
    /// is read whole, and a term that only appears recently still rises.
    @Test func largeWindowsAreSampledOnePostingInK() throws {
        let tax = try Self.taxonomy()
        let store = try Self.store(taxonomy: tax)
        var options = EmergingAnalysis.Options()
        options.termRule = GrowthRule(minimumSupport: 5)
        options.maximumPostingsPerWindow = 25
        let sampled = try EmergingAnalysis(reader: store.reader, taxonomy: tax, matcher: nil, options: options).emergingTerms()
        let jumeau = try #require(sampled.first { $0.label.hasPrefix("jumeau") }, "\(sampled.map(\.label))")
        #expect(jumeau.earlierSampling == 3 && jumeau.recentSampling == 1)
        #expect(jumeau.earlierTotal == 20 && jumeau.recentTotal == 20)
        #expect(jumeau.score.recent == 12 && jumeau.score.earlier == 0)
        options.maximumPostingsPerWindow = nil
        let whole = try EmergingAnalysis(reader: store.reader, taxonomy: tax, matcher: nil, options: options).emergingTerms()
        let all = try #require(whole.first { $0.label.hasPrefix("jumeau") })
        #expect(all.earlierSampling == 1 && all.earlierTotal == 60)
    }

    /// The window's `published` bounds: from its first month, before the month after its last.
    @Test func windowDateBounds() {
        #expect(EmergingAnalysis.dateBounds(["2025-09", "2025-07"])! == ("2025-07", "2025-10"))
        #expect(EmergingAnalysis.dateBounds(["2024-12"])! == ("2024-12", "2025-01"))
        #expect(EmergingAnalysis.dateBounds(["2024-T4", "2024-T2"])! == ("2024-04", "2025-01"))
        #expect(EmergingAnalysis.dateBounds([]) == nil)
        #expect(EmergingAnalysis.dateBounds(["2024-13", "n'importe"]) == nil)
    }

    @Test func suggestSnippetParsesBack() throws {
        let tax = try Self.taxonomy()
        let store = try Self.store(taxonomy: tax)
        let terms = try EmergingAnalysis(reader: store.reader, taxonomy: tax, matcher: nil).emergingTerms()
        #expect(!terms.isEmpty)
        let snippet = TaxonomySnippet.render(terms, existingIDs: Set(tax.competencies.map(\.id)))
        #expect(snippet.contains("label-en: (à compléter)"))
        #expect(snippet.contains("note: suggestion automatique"))
        let dir = try temporaryDirectory("snippet")
        try (Self.taxonomyText + "\n" + snippet).write(to: dir.appendingPathComponent("donnees.tax"), atomically: true, encoding: .utf8)
        try "2026.2".write(to: dir.appendingPathComponent("VERSION"), atomically: true, encoding: .utf8)
        let (loaded, diagnostics) = try TaxonomyLoader(directory: dir).load()
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        #expect(loaded.competencies.count == tax.competencies.count + terms.filter { $0.domain == "donnees" }.count)
        #expect(loaded.competencies.contains { $0.label.hasPrefix("jumeau numérique") })
        // The suggested wordings now match: the same term is no longer a candidate.
        let again = try EmergingAnalysis(reader: store.reader, taxonomy: loaded, matcher: nil).emergingTerms()
        #expect(!again.contains { $0.label.hasPrefix("jumeau numérique") })
    }

    @Test func reclassificationReplacesStaleVersions() throws {
        let tax = try Self.taxonomy()
        let store = try Self.store(taxonomy: tax)
        var newer = tax
        newer.version = TaxonomyVersion(human: "2026.2", hash: "1")
        let classifier = Classifier(taxonomy: newer)
        let stale = try store.storedPostings(limit: 1_000, otherThanVersion: classifier.compiled.versionString)
        #expect(stale.count == 80)
        var scratch = Classifier.Scratch()
        try store.replaceClassifications(stale.map { p in
            (p.rowID, p.published, classifier.classify(id: p.key.sourceID, title: p.title, description: p.description, scratch: &scratch))
        })
        #expect(try store.storedPostings(limit: 1_000, otherThanVersion: classifier.compiled.versionString).isEmpty)
        #expect(try store.rowCount("classifications") == 80)
        #expect(try store.rowCount("posting_competencies") == 160)
    }
}
