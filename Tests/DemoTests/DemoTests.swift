import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Records
import Testing
@testable import Demo

/// The default dataset, generated once for all tests.
enum Fixture {
    static let generator = DemoGenerator()
    static let labelled = generator.labelledPostings()
    static let postings = labelled.map(\.posting)
    static let jsonl = generator.postingsJSONL()
    static let lheo = generator.trainingLHEO()

    /// `Data/` at the root of the package.
    static let dataDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data")

    static func half(_ d: Day) -> String { "\(d.year)-H\(d.month <= 6 ? 1 : 2)" }

    /// Postings per year (or half-year) whose title and description contain any of `words`.
    static func count(_ words: [String], by period: (Day) -> String = { String($0.year) }, titleOnly: Bool = false) -> [String: Int] {
        var out: [String: Int] = [:]
        for p in postings {
            let text = titleOnly ? p.title : p.title + "\n" + p.description
            if words.contains(where: { text.contains($0) }) { out[period(p.published!), default: 0] += 1 }
        }
        return out
    }
}

@Suite struct DeterminismTests {
    @Test func sameSeedGivesSameBytes() {
        let a = DemoGenerator(seed: 42, postings: 600, trainingOffers: 40)
        let b = DemoGenerator(seed: 42, postings: 600, trainingOffers: 40)
        #expect(a.postingsJSONL() == b.postingsJSONL())
        #expect(a.trainingLHEO() == b.trainingLHEO())
    }

    @Test func differentSeedGivesDifferentData() {
        let a = DemoGenerator(seed: 42, postings: 600, trainingOffers: 40)
        let b = DemoGenerator(seed: 43, postings: 600, trainingOffers: 40)
        #expect(a.postingsJSONL() != b.postingsJSONL())
        #expect(a.trainingLHEO() != b.trainingLHEO())
    }

    @Test func prngIsPinned() {
        // SplitMix64 reference values for seed 0: the data must not change with the platform.
        var r = SplitMix64(seed: 0)
        #expect(r.next() == 0xe220_a839_7b1d_cdaf)
        #expect(r.next() == 0x6e78_9e6a_a1b9_65f4)
    }

    /// The committed files are exactly what the generator produces: the data never drifts from
    /// its code. Set `DEMO_REGENERATE=1` to rewrite them after a deliberate change.
    @Test func committedFilesMatchAFreshGeneration() throws {
        let postingsURL = Fixture.dataDirectory.appendingPathComponent("demo-postings.jsonl")
        let lheoURL = Fixture.dataDirectory.appendingPathComponent("demo-formations.lheo.xml")
        if ProcessInfo.processInfo.environment["DEMO_REGENERATE"] == "1" {
            try Fixture.generator.writePostingsJSONL(to: postingsURL)
            try Fixture.generator.writeTrainingLHEO(to: lheoURL)
        }
        let committedPostings = try Data(contentsOf: postingsURL)
        let committedLHEO = try Data(contentsOf: lheoURL)
        #expect(committedPostings == Fixture.jsonl, "Data/demo-postings.jsonl is stale: run with DEMO_REGENERATE=1")
        #expect(committedLHEO == Data(Fixture.lheo.utf8), "Data/demo-formations.lheo.xml is stale: run with DEMO_REGENERATE=1")
        #expect(committedPostings.count < 8_000_000 && committedLHEO.count < 8_000_000)
    }
}

@Suite struct PostingTests {
    @Test func everyLineDecodesAsPosting() throws {
        let lines = Fixture.jsonl.split(separator: UInt8(ascii: "\n"))
        #expect(lines.count == 4000)
        let decoder = JSONDecoder()
        var ids = Set<String>()
        for line in lines {
            let p = try decoder.decode(Posting.self, from: Data(line))
            #expect(!p.title.isEmpty && !p.description.isEmpty)
            ids.insert(p.id)
        }
        #expect(ids.count == lines.count)
        let decoded = try lines.map { try decoder.decode(Posting.self, from: Data($0)) }
        #expect(decoded == Fixture.postings)
    }

    @Test func fieldsFollowTheSchemaOrder() throws {
        let first = String(decoding: Fixture.jsonl.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let keys = ["id", "source", "title", "description", "published", "location", "department", "contract", "rome_code", "naf", "company", "url"]
        var last = first.startIndex
        for k in keys {
            let r = try #require(first.range(of: "\"\(k)\": ", range: last..<first.endIndex))
            last = r.upperBound
        }
    }

    @Test func datesSpanThreeYears() {
        let days = Fixture.postings.compactMap(\.published)
        #expect(days.count == Fixture.postings.count)
        #expect(days.allSatisfy { $0 >= DemoGenerator.firstDay && $0 <= DemoGenerator.lastDay })
        let months = Set(days.map { $0.year * 100 + $0.month })
        #expect(months.count == 36)
        #expect(days == days.sorted())
    }

    @Test func everyRegionIsPresent() {
        let departments = Set(Fixture.postings.compactMap(\.department))
        for region in Demo.Geography.regions {
            #expect(region.cities.contains { departments.contains($0.department) }, "no posting in \(region.name)")
        }
        for d in ["75", "69", "13", "2A", "2B", "971", "972", "973", "974", "976"] { #expect(departments.contains(d)) }
        let locations = Set(Fixture.postings.compactMap(\.location))
        #expect(locations.contains("Lyon (69)"))
    }

    @Test func sourcesContractsAndCodesVary() {
        #expect(Set(Fixture.postings.map(\.source)) == Set(DemoGenerator.sources))
        #expect(Set(Fixture.postings.compactMap(\.contract)) == ["CDI", "CDD", "Stage", "Alternance", "Freelance", "Intérim"])
        let naf = Set(Fixture.postings.compactMap(\.naf))
        for code in ["62.01Z", "90.04Z", "84.11Z", "85.59A", "91.02Z", "70.22Z"] { #expect(naf.contains(code)) }
        let rome = Set(Fixture.postings.compactMap(\.romeCode))
        for code in ["M1405", "M1811", "M1419", "M1883", "K1204", "M1203"] { #expect(rome.contains(code)) }
        #expect(Fixture.postings.allSatisfy { $0.id.hasPrefix("demo-") && $0.source.hasPrefix("demo-") })
    }

    @Test func aboutAThirdIsOutsideTheFiveDomains() {
        let outside = Fixture.labelled.filter { $0.profile.hasPrefix("autre.") }.count
        let share = Double(outside) / Double(Fixture.labelled.count)
        #expect(share > 0.25 && share < 0.45)
        for domain in ["ia", "donnees", "cybersecurite", "mediation", "immersif"] {
            for year in 2023...2025 {
                let n = Fixture.labelled.filter { $0.profile.hasPrefix(domain + ".") && $0.posting.published!.year == year }.count
                #expect(n >= 40, "\(domain) \(year): \(n)")
            }
        }
    }

    @Test func duplicatesExistForDeduplication() {
        var bySource: [String: Set<String>] = [:]
        var byText: [String: [Posting]] = [:]
        for p in Fixture.postings { byText[p.description, default: []].append(p) }
        var crossPosted = 0, reposted = 0
        for group in byText.values where group.count > 1 {
            if Set(group.map(\.source)).count > 1 { crossPosted += 1 }
            if Set(group.map(\.source)).count < group.count { reposted += 1 }
            for p in group { bySource[p.source, default: []].insert(p.id) }
        }
        #expect(crossPosted >= 40)
        #expect(reposted >= 50)
    }

    @Test func textLooksLikeFrenchPostings() {
        let all = Fixture.postings
        #expect(all.contains { $0.description.contains("Qui sommes-nous ?") })
        #expect(all.contains { $0.description.contains("Vos missions") })
        #expect(all.contains { $0.description.contains("Profil recherché") })
        #expect(all.contains { $0.description.contains("Nos avantages") })
        #expect(all.contains { $0.description.contains("Processus de recrutement") })
        #expect(all.contains { $0.description.contains("’") } && all.contains { $0.description.contains("'") })
        #expect(all.contains { $0.description.contains("&amp;") || $0.description.contains("<li>") || $0.description.contains("<p>") })
        #expect(all.contains { $0.title.contains("·") } && all.contains { $0.title.contains("H/F") } && all.contains { $0.title.contains("(F/H") })
        #expect(all.contains { $0.title.contains("Médiateur·rice") || $0.title.contains("Médiatrice") })
    }

    @Test func trapsArePresent() {
        let texts = Fixture.postings.map { ($0.company ?? "") + "\n" + $0.title + "\n" + $0.description }
        #expect(texts.contains { $0.contains("3D") && $0.contains("dératisation") })
        #expect(texts.contains { $0.contains("Inspection Académique") })
        #expect(texts.contains { $0.contains("immersion professionnelle (PMSMP)") })
        #expect(texts.contains { $0.contains("Atelier Numérique") })
        #expect(texts.contains { $0.contains("Aucune connaissance en Python requise") })
        #expect(texts.contains { $0.contains("SOCIÉTÉ") })
        #expect(texts.contains { $0.contains("conseiller numérique, vous réalisez les ventes") })
        // AI boilerplate in the company section of postings outside the AI domain.
        #expect(Fixture.labelled.contains { $0.profile.hasPrefix("autre.") && $0.posting.description.contains("intelligence artificielle pour optimiser") })
    }
}

@Suite struct TrendTests {
    @Test func generativeAIRisesSteeply() {
        let c = Fixture.count(["IA générative", "LLM", "RAG", "prompt engineering"], by: Fixture.half)
        let early = c["2023-H1", default: 0], late = c["2025-H1", default: 0] + c["2025-H2", default: 0]
        #expect(late > 8 * max(early, 1))
        #expect(c["2023-H2", default: 0] > early)
        #expect(c["2024-H2", default: 0] > c["2024-H1", default: 0])
    }

    @Test func emergingJobsAppearFrom2024() {
        let emerging = Fixture.labelled.filter { ["ia.emergent", "donnees.steward", "mediation.ia"].contains($0.profile) }
        let by = Dictionary(grouping: emerging) { $0.posting.published!.year }.mapValues(\.count)
        #expect(by[2023, default: 0] == 0)
        #expect(by[2025, default: 0] > 2 * by[2024, default: 0])
        #expect(by[2025, default: 0] >= 60)
        let titles = Fixture.count(["agentique", "Prompt designer", "Data steward", "AI Ops", "gouvernance de l'IA"], titleOnly: true)
        #expect(titles["2023", default: 0] == 0 && titles["2025", default: 0] > titles["2024", default: 0])
    }

    @Test func classicMachineLearningIsSteady() {
        let ml = Fixture.labelled.filter { $0.profile == "ia.ml" }
        let by = Dictionary(grouping: ml) { $0.posting.published!.year }.mapValues { Double($0.count) }
        let a = by[2023, default: 0], b = by[2025, default: 0]
        #expect(a > 30 && b / a > 0.7 && b / a < 1.6)
    }

    @Test func cybersecurityRisesSteadily() {
        let c = Fixture.count(["SOC", "RSSI", "intrusion", "cybersécurité"])
        #expect(c["2023", default: 0] < c["2024", default: 0])
        #expect(c["2024", default: 0] < c["2025", default: 0])
    }

    @Test func digitalMediationFollowsPublicFunding() {
        let c = Fixture.count(["Conseiller numérique France Services", "Conseillère numérique France Services", "Conseiller·ère numérique",
                               "Conseiller.ère numérique", "Conseiller(ère) numérique", "Conseillère numérique", "Conseiller numérique (H/F)",
                               "Médiateur numérique - France Services"], titleOnly: true)
        #expect(c["2024", default: 0] > c["2025", default: 0] * 3 / 2)
        #expect(c["2023", default: 0] > c["2025", default: 0])
    }

    @Test func immersiveIsSmallButGrowing() {
        let immersive = Fixture.labelled.filter { $0.profile.hasPrefix("immersif.") }
        let by = Dictionary(grouping: immersive) { $0.posting.published!.year }.mapValues(\.count)
        #expect(by[2025, default: 0] > by[2023, default: 0] * 3 / 2)
        #expect(immersive.count < Fixture.labelled.count / 10)
    }
}

@Suite struct TrainingTests {
    /// Collects what the tests need from the LHEO document.
    final class Collector: NSObject, XMLParserDelegate {
        var formations = 0, sessions = 0, prerequisites = 0, escapedHTML = 0
        var dates: [String] = []
        var sirets: [String] = []
        var cyberRegions: [String] = []
        var path: [String] = []
        var text = ""
        var principal = "", firstRegion: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            path.append(name); text = ""
            if name == "formation" { formations += 1; principal = ""; firstRegion = nil }
            if name == "session" { sessions += 1 }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "conditions-specifiques" where text.hasPrefix("Prérequis"): prerequisites += 1
            case "contenu-formation" where text.contains("<li>"): escapedHTML += 1
            case "debut", "fin": dates.append(text)
            case "SIRET": sirets.append(text)
            case "code-FORMACODE" where principal.isEmpty: principal = text
            case "region" where firstRegion == nil: firstRegion = text
            case "formation" where principal == "31006": cyberRegions.append(firstRegion ?? "")
            default: break
            }
            path.removeLast()
        }
    }

    static func parse() throws -> Collector {
        let parser = XMLParser(data: Data(Fixture.lheo.utf8))
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "LHEO not well-formed: \(String(describing: parser.parserError))")
        return collector
    }

    @Test func lheoIsWellFormedAndComplete() throws {
        let c = try Self.parse()
        #expect(c.formations == 300)
        #expect(c.sessions >= 300)
        #expect(c.prerequisites == 300)
        #expect(c.escapedHTML > 50)
        #expect(c.dates.allSatisfy { $0.count == 8 && $0 >= "20240101" && $0 <= "20271231" })
        #expect(c.dates.contains { $0.hasPrefix("2026") })
        #expect(Fixture.lheo.contains("<lheo xmlns=\"http://www.lheo.org/2.2\">"))
        #expect(Fixture.lheo.contains("SYNTHÉTIQUES"))
    }

    @Test func siretsAreLuhnValid() throws {
        func luhn(_ s: String) -> Bool {
            var sum = 0
            for (i, ch) in s.reversed().enumerated() {
                let d = Int(String(ch))! * (i % 2 == 1 ? 2 : 1)
                sum += d > 9 ? d - 9 : d
            }
            return sum % 10 == 0
        }
        let c = try Self.parse()
        #expect(!c.sirets.isEmpty)
        #expect(c.sirets.allSatisfy { $0.count == 14 && luhn($0) && luhn(String($0.prefix(9))) })
    }

    @Test func supplyIsUnevenAcrossRegions() throws {
        let c = try Self.parse()
        let bretagne = c.cyberRegions.filter { $0 == "53" }.count
        let idf = c.cyberRegions.filter { $0 == "11" }.count
        #expect(bretagne > idf)
        #expect(!c.cyberRegions.contains("94"))
    }
}
