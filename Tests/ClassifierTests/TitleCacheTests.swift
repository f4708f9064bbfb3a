@testable import Classifier
import Records
import Testing

/// The per-thread cache of title mappings: one computation per distinct title (by its bytes),
/// the right value for each, and still right once it has been emptied for being full.
struct TitleCacheTests {
    static let titles = ["Data analyst (H/F)", "Développeur·se Python - CDI - Lyon (69)", "Chargé de médiation numérique",
                         "DATA ANALYST (H/F)", "Ingénieur cybersécurité", "Data analyst (H/F) ", "Médiatrice numérique",
                         "Cheffe de projet XR / réalité virtuelle", "", "Analyste SOC N2"]

    @Test func computesEachTitleOnceAndGivesItsOwnValue() {
        var cache = TitleCache()
        var computed: [String] = []
        for _ in 0..<3 {
            for t in Self.titles {
                let v = cache.value(for: t) { t in computed.append(t); return NormalizedTitle(normalized: TitleNormalizer.normalize(t)) }
                #expect(v.normalized == TitleNormalizer.normalize(t))
            }
        }
        #expect(computed == Self.titles)
        #expect(cache.count == Self.titles.count)
    }

    @Test func titlesThatDifferOnlyInUnicodeNormalizationAreKeptApart() {
        var cache = TitleCache()
        let composed = "Chargé de projet", decomposed = "Charge\u{301} de projet"
        #expect(composed == decomposed) // equal as Swift strings, not as bytes
        var calls = 0
        _ = cache.value(for: composed) { _ in calls += 1; return NormalizedTitle(normalized: "a") }
        let second = cache.value(for: decomposed) { _ in calls += 1; return NormalizedTitle(normalized: "b") }
        #expect(calls == 2)
        #expect(second.normalized == "b")
    }

    @Test func staysRightAfterBeingEmptiedWhenFull() {
        var cache = TitleCache(limit: 50)
        for round in 0..<3 {
            for k in 0..<400 {
                let title = "Technicien·ne support \(k) (H/F)"
                let v = cache.value(for: title) { _ in NormalizedTitle(normalized: "t\(k)") }
                #expect(v.normalized == "t\(k)", "round \(round), title \(k)")
                #expect(cache.count <= 50)
            }
        }
    }

    /// Growing the table (it starts at 1,024 slots) keeps every title findable with its value.
    @Test func findsEveryTitleAfterGrowing() {
        var cache = TitleCache()
        var computed = 0
        for round in 0..<2 {
            for k in 0..<3_000 {
                let v = cache.value(for: "Chargé·e de mission \(k)") { _ in computed += 1; return NormalizedTitle(normalized: "m\(k)") }
                #expect(v.normalized == "m\(k)", "round \(round), title \(k)")
            }
        }
        #expect(computed == 3_000)
        #expect(cache.count == 3_000)
    }
}
