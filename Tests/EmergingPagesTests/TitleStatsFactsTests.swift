import Classifier
import Demo
import Emerging
import Foundation
import GRDB
import ObservatoireServer
import Records
import Store
import Taxonomy
import Testing
import Trends

/// Job-title profiles read month and region from the trend tables' `trend_facts` once `serve`
/// has built them, from the posting rows before: both must give the same figures, for every scope.
struct TitleStatsFactsTests {
    @Test func profilesFromTrendFactsEqualProfilesFromPostings() async throws {
        let root = EmergingPagesFixture.repoRoot
        let (taxonomy, _) = try TaxonomyLoader(directory: root.appendingPathComponent("Taxonomy")).load()
        let store = try Store.inMemory()
        try loadPostings(DemoGenerator(postings: 400).postings(), store: store, classifier: Classifier(taxonomy: taxonomy),
                         now: Date(timeIntervalSince1970: 0))
        let titles = try await store.reader.read { db in
            try String.fetchAll(db, sql: """
                SELECT title_normalized FROM classifications WHERE title_normalized <> ''
                GROUP BY title_normalized ORDER BY COUNT(*) DESC, title_normalized LIMIT 8
                """)
        }
        let scopes = [EmergingScope(), EmergingScope(region: "11"), EmergingScope(from: "2024-01", to: "2025-06"),
                      EmergingScope(romeDomain: "M", contract: "CDI")]
        func snapshot(_ scope: EmergingScope) throws -> [String] {
            try TitleStats(reader: store.reader, scope: scope).profiles(titles).sorted { $0.key < $1.key }.map { title, p in
                "\(title) \(p.months.sorted { $0.key < $1.key }) \(p.regions.map { "\($0.code)=\($0.count)" }) "
                    + "\(p.competencies.map { "\($0.id)=\($0.count)/\($0.evidence)" })"
            }
        }
        let fromPostings = try scopes.map(snapshot)
        let trends = try TrendStore(store: store)
        try await trends.refresh()
        let fromFacts = try scopes.map(snapshot)
        #expect(titles.count == 8)
        #expect(fromPostings.flatMap { $0 }.joined().contains("="))
        #expect(fromFacts == fromPostings)
    }
}
