import Foundation
import Records

/// A seeded, reproducible generator of the SYNTHETIC demo dataset: French job postings
/// (2023–2025, every region, five competency domains plus other jobs) and LHEO training offers.
///
/// The same seed gives byte-identical files on every machine: the generator has its own PRNG
/// (`SplitMix64`), uses only exact arithmetic, never iterates a dictionary, and serializes JSON and
/// XML by hand. All wording was written for this demo; nothing comes from real postings.
///
/// ```swift
/// let demo = DemoGenerator(seed: 20261125)
/// try demo.writePostingsJSONL(to: URL(fileURLWithPath: "Data/demo-postings.jsonl"))
/// try demo.writeTrainingLHEO(to: URL(fileURLWithPath: "Data/demo-formations.lheo.xml"))
/// ```
public struct DemoGenerator: Sendable {
    /// The seed of the committed `Data/` files.
    public static let defaultSeed: UInt64 = 20261125
    /// Sources used by demo postings (never real source names).
    public static let sources = ["demo-france-travail", "demo-jobboard"]
    /// The first and last publication days.
    public static let firstDay = Day(year: 2023, month: 1, day: 1)!
    public static let lastDay = Day(year: 2025, month: 12, day: 31)!

    public let seed: UInt64
    public let postingCount: Int
    public let trainingOfferCount: Int

    /// - Parameters:
    ///   - seed: any value; the same seed always gives the same data.
    ///   - postings: number of postings, including the cross-posted and reposted copies.
    ///   - trainingOffers: number of LHEO `formation` elements.
    public init(seed: UInt64 = DemoGenerator.defaultSeed, postings: Int = 4000, trainingOffers: Int = 300) {
        self.seed = seed
        postingCount = max(0, postings)
        trainingOfferCount = max(0, trainingOffers)
    }

    // MARK: Postings

    /// All postings, sorted by publication day then id.
    public func postings() -> [Posting] { labelledPostings().map(\.posting) }

    /// The postings with the profile each was generated from (`ia.generative`, `autre.comptable`…):
    /// the ground truth of the intended domain, for tests and statistics.
    func labelledPostings() -> [(posting: Posting, profile: String)] {
        var rng = SplitMix64(seed: seed, stream: "postings")
        var writer = PostingWriter(r: SplitMix64(seed: seed, stream: "postings.text"))
        let profiles = Profile.all
        let months = 36
        // Demand per month and profile; the overall volume grows slightly over the period.
        var monthWeights: [Double] = []
        var profileWeights: [[Double]] = []
        for m in 0..<months {
            let w = profiles.map { $0.share * $0.trend.value(at: m) }
            profileWeights.append(w)
            monthWeights.append(w.reduce(0, +) * (1 + 0.006 * Double(m)))
        }

        let crossPosted = postingCount / 50, reposted = postingCount / 40
        let baseCount = max(0, postingCount - crossPosted - reposted)
        var drafts: [Draft] = []
        drafts.reserveCapacity(postingCount)
        for _ in 0..<baseCount {
            let month = rng.weighted(monthWeights)
            let profile = profiles[rng.weighted(profileWeights[month])]
            let region = Geography.regions[rng.weighted(Geography.regions.map { $0.weight * Self.regionBoost(profile, $0) })]
            let city = rng.pick(region.cities)
            let sector = rng.pick(profile.sectors)
            let company = sector.name(&rng, city: city)
            let contract = profile.contracts[rng.weighted(profile.contracts.map(\.1))].0
            let ctx = PostingWriter.Context(profile: profile, month: month, city: city, sector: sector, company: company, contract: contract)
            let title = writer.title(ctx)
            let description = writer.description(ctx, title: title)
            let year = 2023 + month / 12, mon = month % 12 + 1
            let day = Day(year: year, month: mon, day: 1 + rng.below(Day.daysIn(month: mon, year: year)))!
            drafts.append(Draft(source: rng.chance(0.62) ? 0 : 1, title: title, description: description, published: day,
                                city: city, contract: contract, rome: rng.pick(profile.rome), naf: rng.pick(sector.naf),
                                company: company, profile: profile.key, order: drafts.count))
        }
        // The same offer on the other board, a few days apart (deduplication across sources).
        for _ in 0..<crossPosted where !drafts.isEmpty {
            var d = drafts[rng.below(baseCount)]
            d.source = 1 - d.source
            d.published = min(d.published.adding(days: rng.int(0...3)), Self.lastDay)
            if rng.chance(0.4) { d.title = d.title.replacingAll(" H/F", with: " (H/F)") }
            d.order = drafts.count
            drafts.append(d)
        }
        // Reposts of the same offer on the same board weeks later (deduplication within a source).
        for _ in 0..<reposted where !drafts.isEmpty {
            var d = drafts[rng.below(baseCount)]
            d.published = min(d.published.adding(days: rng.int(14...45)), Self.lastDay)
            d.order = drafts.count
            drafts.append(d)
        }
        drafts.sort { ($0.published, $0.order) < ($1.published, $1.order) }

        var counters = [0, 0]
        return drafts.map { d in
            counters[d.source] += 1
            return (d.posting(number: counters[d.source]), d.profile)
        }
    }

    /// Regional leanings of demand, so that maps and gap views have something to show.
    static func regionBoost(_ p: Profile, _ r: Region) -> Double {
        switch (p.domain, r.code) {
        case ("ia", "11"), ("donnees", "11"): 1.5
        case ("ia", "76"), ("ia", "84"): 1.2
        case ("cybersecurite", "53"): 2.2
        case ("cybersecurite", "11"), ("cybersecurite", "93"): 1.3
        case ("immersif", "32"): 2.0
        case ("immersif", "84"), ("immersif", "52"): 1.3
        case ("mediation", "11"): 0.45
        case ("mediation", _) where r.isOverseas: 2.5
        case ("mediation", "94"), ("mediation", "24"), ("mediation", "27"), ("mediation", "28"): 1.8
        case ("ia", _) where r.isOverseas, ("immersif", _) where r.isOverseas: 0.4
        case (nil, "11"): 0.8
        case (nil, _) where r.isOverseas: 1.6
        default: 1
        }
    }

    /// The postings as JSON Lines, one object per line in the project's schema.
    public func postingsJSONL() -> Data {
        var out = ""
        for p in postings() { out += JSONLine.encode(p); out += "\n" }
        return Data(out.utf8)
    }

    /// Writes `postingsJSONL()` to a file (replacing it).
    public func writePostingsJSONL(to url: URL) throws {
        try postingsJSONL().write(to: url, options: .atomic)
    }
}

/// A posting before its id is known (ids follow publication order within each source).
struct Draft {
    var source: Int
    var title: String
    var description: String
    var published: Day
    var city: City
    var contract: String
    var rome: String
    var naf: String
    var company: String
    var profile: String
    var order: Int

    func posting(number: Int) -> Posting {
        let digits = String(number)
        let n = String(repeating: "0", count: max(0, 6 - digits.count)) + digits
        if source == 0 {
            let id = "demo-ft-" + n
            return Posting(id: id, source: DemoGenerator.sources[0], title: title, description: description, published: published,
                           location: "\(city.department) - \(city.name.uppercased())", department: city.department, contract: contract,
                           romeCode: rome, naf: number % 9 == 0 ? nil : naf, company: number % 11 == 0 ? nil : company,
                           url: "https://demo.observatoire.invalid/france-travail/offre/\(id)")
        } else {
            let id = "demo-jb-" + n
            return Posting(id: id, source: DemoGenerator.sources[1], title: title, description: description, published: published,
                           location: "\(city.name) (\(city.department))", department: city.department, contract: contract,
                           romeCode: number % 3 == 0 ? rome : nil, naf: number % 2 == 0 ? naf : nil, company: company,
                           url: "https://demo.observatoire.invalid/jobboard/\(id)")
        }
    }
}

extension Day {
    /// The day `n` days later.
    func adding(days n: Int) -> Day {
        var d = self
        for _ in 0..<n {
            if d.day < Day.daysIn(month: d.month, year: d.year) { d.day += 1 }
            else if d.month < 12 { d.month += 1; d.day = 1 }
            else { d.year += 1; d.month = 1; d.day = 1 }
        }
        return d
    }
}

/// Hand-written JSON so that the bytes never depend on the platform's `JSONEncoder`.
enum JSONLine {
    static func encode(_ p: Posting) -> String {
        var s = "{"
        func field(_ key: String, _ value: String?, first: Bool = false) {
            if !first { s += ", " }
            s += "\"" + key + "\": "
            if let value { s += quote(value) } else { s += "null" }
        }
        field("id", p.id, first: true)
        field("source", p.source)
        field("title", p.title)
        field("description", p.description)
        field("published", p.published?.description)
        field("location", p.location)
        field("department", p.department)
        field("contract", p.contract)
        field("rome_code", p.romeCode)
        field("naf", p.naf)
        field("company", p.company)
        field("url", p.url)
        return s + "}"
    }

    static func quote(_ v: String) -> String { JSONText.quoted(v) }
}
