import Emerging
import Foundation
import Records
import Taxonomy
import Testing

/// Exact, fuzzy and competency fallback on real-looking French titles, against `Data/rome`.
struct RomeMatcherTests {
    static let matcher: RomeMatcher = {
        try! RomeMatcher(reference: RomeReference.load(directory: romeDirectory))
    }()

    @Test(arguments: [
        ("Data scientist", "M1405"),
        ("Data Scientist (F/H) - CDI - Paris (75)", "M1405"),
        ("Développeuse informatique (H/F)", "M1805"),
        ("Développeur / Développeuse web", "M1855"),
        ("Ingénieure DevOps F/H", "M1827"),
        ("Médiatrice numérique", "G1238"),
    ])
    func exactTitles(title: String, code: String) throws {
        let m = try #require(Self.matcher.match(title: title))
        #expect(m.code == code)
        #expect(m.method == .exact)
        #expect(m.confidence == 1)
    }

    @Test func fuzzyTitles() throws {
        let dev = try #require(Self.matcher.match(title: "Développeuse Python (H/F)"))
        #expect(dev.method == .fuzzy)
        #expect(dev.code.hasPrefix("M18"), "\(dev)")
        #expect(dev.confidence >= 0.5 && dev.confidence < 1)
        let conseil = try #require(Self.matcher.match(title: "Conseiller·ère numérique"))
        #expect(conseil.code == "G1238", "\(conseil)")
        let admin = try #require(Self.matcher.match(title: "Administrateur réseaux junior (H/F)"))
        #expect(admin.code == "M1854")
    }

    @Test func noMatchBelowThreshold() {
        #expect(Self.matcher.match(title: "Licorniste (H/F)") == nil)
        #expect(Self.matcher.match(title: "H/F") == nil)
    }

    @Test func fallbackOnCompetencies() throws {
        let c = Competency(id: "ia.apprentissage", domain: "ia", label: "Apprentissage automatique", labelEn: "Machine learning",
                           weight: .core, wordings: [], rome: ["M1405"], file: "ia.tax", line: 1)
        let tax = Taxonomy(version: TaxonomyVersion(human: "t", hash: "0"), domains: [], competencies: [c])
        let evidence = [Evidence(start: 0, end: 5, text: "x", section: .profile), Evidence(start: 9, end: 12, text: "y", section: .missions)]
        let m = try #require(Self.matcher.match(title: "Licorniste (H/F)",
                                               competencies: [CompetencyMatch(id: c.id, domain: "ia", label: c.label, evidence: evidence)],
                                               taxonomy: tax))
        #expect(m.code == "M1405")
        #expect(m.method == .competencies)
        #expect(m.confidence <= 0.4)
        // A title match wins over competencies.
        #expect(Self.matcher.match(title: "Data engineer", competencies: [], taxonomy: tax)?.code == "M1811")
    }

    @Test func feminineToMasculineFromROMEPairs() {
        let map = Self.matcher.feminine
        #expect(map.masculine("technicienne") == "technicien")
        #expect(map.masculine("cheffe") == "chef")
        #expect(map.masculine("conductrice") == "conducteur")
        #expect(map.masculine("coupeuse") == "coupeur")
        #expect(map.masculine("données") == "données")
        #expect(map.masculinize("cheffe de projet digital") == "chef de projet digital")
        #expect(map.masculinize("ingénieure d’études") == "ingénieur d’études")
        #expect(map.words.count > 1_000)
    }

    /// Only words ending like some feminine word are looked up; the others pass unchanged, and a
    /// map whose words end in a combining mark looks every word up (canonical equivalence).
    @Test func masculinizeLooksUpOnlyPossibleEndings() {
        var map = FeminineMap(words: ["vendeuse": "vendeur", "maîtresse": "maître", "technicienne": "technicien"])
        #expect(map.masculinize("vendeuse - maîtresse de maison, technicienne") == "vendeur - maître de maison, technicien")
        #expect(map.masculinize("vendeur data (lyon)") == "vendeur data (lyon)")
        map.words["agent"] = "agent·e"  // an ending in `t` now counts
        #expect(map.masculinize("agent d’accueil") == "agent·e d’accueil")
        // `employé` written decomposed (ends in U+0301) still matches the composed title word.
        let decomposed = FeminineMap(words: ["employe\u{301}": "salarié"])
        #expect(decomposed.masculinize("employé polyvalent") == "salarié polyvalent")
    }

    /// The competency vote: shares split evenly among a competency's codes, confidence at most 0.4,
    /// ties to the smallest code, and the same votes give the same confidence to the last bit
    /// whatever the order the codes were first met in.
    @Test func competencyVoteIsWeightedBoundedAndStable() throws {
        let m = Self.matcher
        #expect(m.vote([]) == nil)
        #expect(m.vote([(codes: ["M1405"], weight: 0)]) == nil)
        #expect(m.vote([(codes: [], weight: 3)]) == nil)
        let v = try #require(m.vote([(codes: ["M1405", "M1811"], weight: 2), (codes: ["M1811"], weight: 1)]))
        #expect(v.code == "M1811" && v.method == .competencies)
        #expect(abs(v.confidence - 0.4 * 2.0 / 3.0) < 1e-12)
        #expect(m.vote([(codes: ["M1811", "M1405"], weight: 1)])?.code == "M1405")
        // Weights whose float sum depends on its order (0.1 + 0.2 + 0.3 ≠ 0.3 + 0.2 + 0.1).
        let votes: [(codes: [String], weight: Double)] = [(["M1405"], 0.1), (["M1811"], 0.2), (["M1805"], 0.3)]
        let first = try #require(m.vote(votes))
        for _ in 0..<20 { #expect(m.vote(votes)?.confidence == first.confidence) }
        #expect(first.code == "M1805")
    }
}
