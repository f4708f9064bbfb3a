import Foundation
import GRDB
import Testing
@testable import Trends

struct TrendsTests {
    @Test func testMonthAndPeriodArithmetic() {
        let m = Month("2024-11")!
        #expect(m.adding(3).description == "2025-02")
        #expect(Month("2024-13") == nil)
        #expect(Month("2024-1") == nil)
        #expect(Month("2024-02-30") != nil) // day ignored, month kept
        let q = Period(containing: m, granularity: .quarter)
        #expect(q.key == "2024-T4")
        #expect(q.adding(1).key == "2025-T1")
        #expect(q.adding(-4).key == "2023-T4")
        #expect(Period(containing: m, granularity: .year).label == "2024")
        #expect(Period.range(from: Month("2023-02")!, to: Month("2023-07")!, granularity: .quarter).map(\.key) == ["2023-T1", "2023-T2", "2023-T3"])
    }

    @Test func testGrowthNeedsMinimumSupport() {
        #expect(Measure.growth(10, base: 5) == .value(1))
        #expect(Measure.growth(10, base: 4) == .lowSupport)
        #expect(Measure.growth(4, base: 40) == .lowSupport)
        #expect(Measure.growth(10, base: nil) == .unavailable)
        #expect(Measure.share(3, total: 4) == .lowSupport)
    }

    @Test func testSnippetIsTheSentenceAroundTheSpan() {
        let text = "Data engineer\nVous êtes curieux. Vous maîtrisez Python et SQL. Poste à Lyon."
        let start = Array(text.unicodeScalars).firstIndex(of: "P")!
        let s = Snippet(text: text, start: start, end: start + 6)
        #expect(s.match == "Python")
        #expect(s.before == "Vous maîtrisez ")
        #expect(s.after == " et SQL.")
    }

    @Test func testDomainTotalsCountUniquePostings() async throws {
        let f = try await Fixture.shared()
        let table = try await f.trends.demand(.domains, filter: TrendFilter(granularity: .year))
        #expect(table.periods.map(\.key) == ["2023", "2024", "2025"])
        let unique = try f.store.status().uniquePostings
        #expect(table.totals.reduce(0, +) == unique)
        #expect(Set(table.rows.map(\.key)).isSubset(of: ["ia", "donnees", "cybersecurite", "mediation", "immersif"]))
        for row in table.rows { #expect(row.cells.map(\.count).reduce(0, +) == row.total) }
    }

    @Test(arguments: [Granularity.month, .quarter, .year])
    func testRollupAndLiveQueriesAgree(granularity: Granularity) async throws {
        let f = try await Fixture.shared()
        // One dimension reads the rollup; adding a second one forces the live query. With a source
        // filter that every posting of the region satisfies, both must give the same numbers.
        let sources = try await f.trends.values(of: .source).map(\.value)
        let one = TrendFilter(granularity: granularity, region: "11")
        let rollup = try await f.trends.demand(.competencies(domain: nil), filter: one)
        var perSource: [String: Int] = [:]
        for s in sources {
            var two = one; two.source = s
            let live = try await f.trends.demand(.competencies(domain: nil), filter: two)
            for row in live.rows { perSource[row.key, default: 0] += row.total }
        }
        for row in rollup.rows { #expect(perSource[row.key] == row.total, "\(row.key)") }
    }

    @Test func testGenerativeAIRisesOverTheDemoYears() async throws {
        let f = try await Fixture.shared()
        let movers = try await f.trends.movers(filter: TrendFilter(), windowMonths: 12)
        #expect(movers.recentTotal > 0 && movers.baseTotal > 0)
        for m in movers.rising { #expect(m.z >= TrendRules.moverZ && m.recent + m.base >= TrendRules.minimumMoverSupport) }
        for m in movers.falling { #expect(m.z <= -TrendRules.moverZ) }
        #expect(!movers.rising.isEmpty)
    }

    @Test func testCompetencyPageQueries() async throws {
        let f = try await Fixture.shared()
        let top = try await f.trends.demand(.competencies(domain: "ia"), filter: TrendFilter()).rows.first!
        let regions = try await f.trends.breakdown(competency: top.key, by: .region, filter: TrendFilter())
        #expect(regions.total == top.total)
        #expect(regions.rows.map(\.count).reduce(0, +) <= regions.total)
        let co = try await f.trends.coOccurrences(of: top.key, filter: TrendFilter())
        for c in co { #expect(c.together >= TrendRules.minimumSupport && c.lift > 0 && c.key != top.key) }
        let titles = try await f.trends.titles(competency: top.key, filter: TrendFilter())
        #expect(!titles.rows.isEmpty)
        let samples = try await f.trends.samples(competency: top.key, filter: TrendFilter())
        #expect(!samples.isEmpty)
        for s in samples { #expect(!s.snippet.match.isEmpty) }
        let detail = try #require(try await f.trends.posting(id: samples[0].postingID))
        #expect(detail.evidence.contains { $0.competency == top.key })
        for e in detail.evidence { #expect(e.snippet.match == e.text) }
    }

    /// The competency page reads titles and co-occurrences from `trend_titles`/`trend_pairs`
    /// (per-month counts) when no dimension is set: they must equal what the filtered path reads
    /// from `trend_competency_facts` (itself checked against the store join below), over the whole
    /// range and over a window that cuts months off both ends.
    @Test func testPrecomputedTitlesAndPairsEqualLiveJoins() async throws {
        let f = try await Fixture.shared()
        let ranked = try await f.trends.demand(.competencies(domain: nil), filter: TrendFilter()).rows
        let range = try #require(try await f.trends.dataRange())
        let window = TrendFilter(from: range.lowerBound.adding(5), to: range.upperBound.adding(-7))
        var compared = 0
        for row in ranked.prefix(6) {
            for filter in [TrendFilter(), window] {
                let pre = try await f.trends.titles(competency: row.key, filter: filter, limit: 1_000, live: false)
                let live = try await f.trends.titles(competency: row.key, filter: filter, limit: 1_000, live: true)
                #expect(pre == live, "\(row.key)")
                let preCo = try await f.trends.coOccurrences(of: row.key, filter: filter, limit: 1_000, live: false)
                let liveCo = try await f.trends.coOccurrences(of: row.key, filter: filter, limit: 1_000, live: true)
                #expect(preCo == liveCo, "\(row.key)")
                compared += pre.rows.count + preCo.count
            }
        }
        #expect(compared > 50)
    }

    /// `trend_competency_facts` (what every filtered competency query reads) holds exactly the
    /// store's competency rows of unique dated postings, with their facts and normalized title.
    @Test func testCompetencyFactsAreTheStoreJoin() async throws {
        let f = try await Fixture.shared()
        let (built, joined) = try await f.trends.reader.read { (db: Database) throws -> ([[DatabaseValue]], [[DatabaseValue]]) in
            let columns = "competency_id, posting_id, domain, month, region, department, naf_section, rome_domain, contract, source, title"
            let built = try Row.fetchAll(db, sql: "SELECT \(columns) FROM trend_competency_facts ORDER BY competency_id, posting_id")
                .map { Array($0.databaseValues) }
            let joined = try Row.fetchAll(db, sql: """
                SELECT pc.competency_id, pc.posting_id, pc.domain, f.month, f.region, f.department, f.naf_section,
                       f.rome_domain, f.contract, f.source, NULLIF(c.title_normalized, '')
                FROM posting_competencies pc JOIN trend_facts f ON f.posting_id = pc.posting_id
                JOIN classifications c ON c.posting_id = pc.posting_id
                ORDER BY pc.competency_id, pc.posting_id
                """).map { Array($0.databaseValues) }
            return (built, joined)
        }
        #expect(built.count > 1_000)
        #expect(built.count == joined.count)
        let differing = zip(built, joined).filter { $0 != $1 }
        #expect(differing.isEmpty, "\(differing.prefix(3))")
    }

    @Test func testSearchFindsWordsAndIgnoresQuerySyntax() async throws {
        let f = try await Fixture.shared()
        let r = try await f.trends.search("python", filter: TrendFilter())
        #expect(r.total > 0 && r.fullText)
        let odd = try await f.trends.search("\"NEAR( * -) OR", filter: TrendFilter())
        #expect(odd.total >= 0)
        let none = try await f.trends.search("", filter: TrendFilter(region: "11"))
        #expect(none.total > 0)
    }
}
