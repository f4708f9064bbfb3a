import Foundation
import GRDB
import Taxonomy

/// Emerging job titles and terms over a `Store` database.
///
/// Aggregates are plain SQL that PostgreSQL also runs (`SUBSTR`, `GROUP BY`, joins); duplicates
/// (rows of `duplicates`) are left out so that a reposted offer counts once. Periods are months
/// (`SUBSTR(published, 1, 7)`) or quarters derived from them; the **recent window** is the last
/// `recentPeriods` periods that have postings, the **earlier window** the `earlierPeriods` before
/// it (all of them when nil). Growth follows `GrowthRule`.
///
/// Terms are read from the whole description (title excluded): the classifier's sections are not
/// stored, and company or benefits boilerplate is steady over time, so the growth test rejects it.
/// Cost: one pass over the recent window to count candidates, one over the earlier window that only
/// looks up the candidates with enough support, one more over the recent window for examples —
/// linear in the number of postings, memory bounded by the recent window's vocabulary.
public struct EmergingAnalysis: Sendable {
    public enum Granularity: String, Sendable, CaseIterable { case month, quarter }

    /// Windows, thresholds and output bounds.
    public struct Options: Sendable {
        public var granularity: Granularity = .month
        public var recentPeriods = 3
        public var earlierPeriods: Int? = nil
        /// Rule for terms: ≥ 10 postings in the recent window, z ≥ 2, ratio ≥ 1.5.
        public var termRule = GrowthRule()
        /// Rule for titles, which are rarer: ≥ 3 postings, z ≥ 2, ratio ≥ 1.5, and at most
        /// `smallBase` postings in the earlier window.
        public var titleRule = GrowthRule(minimumSupport: 3)
        public var smallBase = 5
        /// A title absent from the ROME is listed from this many postings.
        public var minimumAbsentTitle = 2
        public var maximumTerms = 40
        public var maximumTitles = 40
        public var examplesPerTerm = 3
        /// Postings looked at (all by default).
        public var scope = EmergingScope()
        /// Characters kept around an example occurrence.
        public var exampleLength = 180
        /// Postings whose descriptions are read per window for terms; a bigger window is read
        /// one posting in `k` (by row id, the same ones every time), counts and totals alike, so
        /// shares stay unbiased and the z-score reflects the sample's size. Bounds the analysis
        /// at scale: every description of the earlier window is otherwise tokenized (minutes at
        /// 1,000,000 postings). nil: all.
        public var maximumPostingsPerWindow: Int? = 100_000
        public init() {}
    }

    public let reader: any DatabaseReader
    public let matcher: RomeMatcher?
    public let extractor: PhraseExtractor
    public var options: Options

    public init(reader: any DatabaseReader, taxonomy: Taxonomy?, matcher: RomeMatcher?, options: Options = Options()) {
        self.reader = reader; self.matcher = matcher; self.options = options
        extractor = PhraseExtractor(taxonomy: taxonomy)
    }

    static let unique = "LEFT JOIN duplicates d ON d.posting_id = p.id WHERE d.posting_id IS NULL AND p.published IS NOT NULL"
    /// `unique` restricted to the scope of the options.
    var scoped: String { Self.unique + options.scope.sql }

    func period(ofMonth month: String) -> String {
        guard options.granularity == .quarter, month.count == 7, let m = Int(month.suffix(2)) else { return month }
        return month.prefix(4) + "-T\((m - 1) / 3 + 1)"
    }

    /// The recent and earlier windows, as sets of periods, and every period with postings.
    public func windows() throws -> (recent: Set<String>, earlier: Set<String>, all: [String]) {
        let w = try windowCounts()
        return (w.recent, w.earlier, w.all)
    }

    /// `windows()` with the number of postings of each period.
    func windowCounts() throws -> (recent: Set<String>, earlier: Set<String>, all: [String], postings: [String: Int]) {
        var postings: [String: Int] = [:]
        try reader.read { db in
            for row in try Row.fetchAll(db, sql: "SELECT SUBSTR(p.published, 1, 7), COUNT(*) FROM postings p \(scoped) GROUP BY 1") {
                postings[period(ofMonth: row[0]), default: 0] += row[1] as Int
            }
        }
        let all = postings.keys.sorted()
        let recent = Array(all.suffix(options.recentPeriods))
        var earlier = Array(all.dropLast(options.recentPeriods))
        if let n = options.earlierPeriods { earlier = Array(earlier.suffix(n)) }
        return (Set(recent), Set(earlier), all, postings)
    }

    /// One posting in how many is read for a window of `postings` postings (1: all).
    func sampling(_ postings: Int) -> Int {
        guard let cap = options.maximumPostingsPerWindow, cap > 0, postings > cap else { return 1 }
        return (postings + cap - 1) / cap
    }

    /// Titles absent from the ROME or rising from a small base: rising ones first (by z), then
    /// absent ones by count.
    public func emergingTitles() throws -> [EmergingTitle] {
        let (recent, earlier, _) = try windows()
        var counts: [String: (recent: Int, earlier: Int, total: Int)] = [:]
        var recentTotal = 0, earlierTotal = 0
        // `+p.id`: postings are read through their facts index (published and the scope's
        // columns) and each title looked up by key. Driven from the title index instead, SQLite
        // read every posting row in title order (1,000,000 random reads of wide rows).
        try reader.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT c.title_normalized, SUBSTR(p.published, 1, 7), COUNT(*) FROM postings p
                JOIN classifications c ON c.posting_id = +p.id \(scoped)
                GROUP BY c.title_normalized, SUBSTR(p.published, 1, 7)
                """)
            while let r = try rows.next() {
                let title: String = r[0] ?? "", n: Int = r[2]
                let per = period(ofMonth: r[1])
                var c = counts[title] ?? (0, 0, 0)
                c.total += n
                if recent.contains(per) { c.recent += n; recentTotal += n }
                if earlier.contains(per) { c.earlier += n; earlierTotal += n }
                counts[title] = c
            }
        }
        var out: [EmergingTitle] = []
        for (title, c) in counts where !title.isEmpty {
            let score = options.titleRule.score(recent: c.recent, recentTotal: recentTotal, earlier: c.earlier, earlierTotal: earlierTotal)
            var reasons: [EmergingTitle.Reason] = []
            let rome = matcher?.match(title: title)
            if score.rises && c.earlier <= options.smallBase { reasons.append(.rising) }
            if matcher != nil && rome == nil && c.total >= options.minimumAbsentTitle { reasons.append(.absentFromROME) }
            if !reasons.isEmpty { out.append(EmergingTitle(title: title, total: c.total, score: score, rome: rome, reasons: reasons)) }
        }
        out.sort { a, b in
            let ra = a.reasons.contains(.rising), rb = b.reasons.contains(.rising)
            if ra != rb { return ra }
            if ra && a.score.z != b.score.z { return a.score.z > b.score.z }
            return (a.total, b.title) > (b.total, a.title)
        }
        return Array(out.prefix(options.maximumTitles))
    }

    /// Visits the unique postings of a set of periods, one in `every` by row id: (row id, source
    /// id, description).
    ///
    /// The date range of the periods bounds the query, so that a short window is found through
    /// the `published` index instead of a read of every row (descriptions included); rows come in
    /// the order SQLite reads them, the same for the same database.
    func forEachPosting(in periods: Set<String>, every: Int = 1, _ body: (Int64, String, String) throws -> Void) throws {
        guard let bounds = Self.dateBounds(periods) else { return }
        try reader.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT p.id, p.source_id, SUBSTR(p.published, 1, 7), p.description FROM postings p \(scoped)
                AND p.published >= ? AND p.published < ?\(every > 1 ? " AND p.id % \(every) = 0" : "")
                """, arguments: [bounds.from, bounds.before])
            while let r = try rows.next() {
                guard periods.contains(period(ofMonth: r[2])) else { continue }
                try body(r[0], r[1], r[3])
            }
        }
    }

    /// `published` bounds covering `periods` (`AAAA-MM` or `AAAA-Tn`): from the first month, before
    /// the month after the last. nil for an empty set.
    static func dateBounds(_ periods: Set<String>) -> (from: String, before: String)? {
        let months = periods.compactMap { p -> (first: Int, last: Int)? in
            let parts = p.split(separator: "-")
            guard parts.count == 2, let y = Int(parts[0]) else { return nil }
            if parts[1].hasPrefix("T"), let t = Int(parts[1].dropFirst()), (1...4).contains(t) {
                return (y * 12 + (t - 1) * 3, y * 12 + (t - 1) * 3 + 2)
            }
            guard let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            return (y * 12 + m - 1, y * 12 + m - 1)
        }
        guard let first = months.map(\.first).min(), let last = months.map(\.last).max() else { return nil }
        func label(_ i: Int) -> String { String(format: "%04d-%02d", i / 12, i % 12 + 1) }
        return (label(first), label(last + 1))
    }

    /// Candidate terms rising in the recent window, ranked by z-score, with examples and domain.
    public func emergingTerms() throws -> [EmergingTerm] {
        let (recent, earlier, _, postings) = try windowCounts()
        let recentEvery = sampling(recent.reduce(0) { $0 + (postings[$1] ?? 0) })
        let earlierEvery = sampling(earlier.reduce(0) { $0 + (postings[$1] ?? 0) })
        var recentCounts: [String: Int] = [:]
        var recentTotal = 0
        try forEachPosting(in: recent, every: recentEvery) { _, _, text in
            recentTotal += 1
            for o in extractor.candidates(in: text) { recentCounts[o.key, default: 0] += 1 }
        }
        let rule = options.termRule
        var supported = recentCounts.filter { $0.value >= rule.minimumSupport }
        recentCounts = [:]
        var earlierCounts = [String: Int](minimumCapacity: supported.count)
        var earlierTotal = 0
        try forEachPosting(in: earlier, every: earlierEvery) { _, _, text in
            earlierTotal += 1
            for o in extractor.candidates(in: text) where supported[o.key] != nil { earlierCounts[o.key, default: 0] += 1 }
        }
        var scored: [(String, GrowthRule.Score)] = []
        for (key, r) in supported {
            let s = rule.score(recent: r, recentTotal: recentTotal, earlier: earlierCounts[key] ?? 0, earlierTotal: earlierTotal)
            if s.rises { scored.append((key, s)) }
        }
        supported = [:]
        // Highest z first. A phrase inside a longer rising phrase found in at least 80 % as many
        // postings adds nothing (`jumeau` inside `jumeau numérique`); the longer one is kept.
        scored.sort { ($0.1.z, $1.0) > ($1.1.z, $0.0) }
        let pool = Array(scored.prefix(options.maximumTerms * 5))
        var kept: [(String, GrowthRule.Score)] = []
        for (key, s) in pool {
            let padded = " " + key + " "
            let redundant = pool.contains { k in
                k.0 != key && (" " + k.0 + " ").contains(padded) && Double(k.1.recent) >= 0.8 * Double(s.recent)
            }
            if !redundant { kept.append((key, s)) }
            if kept.count == options.maximumTerms { break }
        }
        return try describe(kept, recent: recent, every: recentEvery, recentTotal: recentTotal, earlierTotal: earlierTotal)
            .map { var t = $0; t.recentSampling = recentEvery; t.earlierSampling = earlierEvery; return t }
    }

    /// Written forms, examples and majority domain of the kept terms (third pass).
    func describe(_ kept: [(String, GrowthRule.Score)], recent: Set<String>, every: Int, recentTotal: Int,
                  earlierTotal: Int) throws -> [EmergingTerm] {
        let wanted = Set(kept.map(\.0))
        var forms: [String: [String: Int]] = [:]
        var examples: [String: [EmergingTerm.Example]] = [:]
        var postingsOf: [String: [Int64]] = [:]
        try forEachPosting(in: recent, every: every) { id, sourceID, text in
            for o in extractor.candidates(in: text) where wanted.contains(o.key) {
                let bytes = Array(text.utf8)
                let surface = String(decoding: bytes[o.start..<o.end], as: UTF8.self).lowercased()
                forms[o.key, default: [:]][surface, default: 0] += 1
                postingsOf[o.key, default: []].append(id)
                if examples[o.key, default: []].count < options.examplesPerTerm {
                    examples[o.key, default: []].append(.init(postingID: sourceID, text: sentence(bytes, o.start, o.end)))
                }
            }
        }
        // Domains of those postings only, by primary key (a join over every competency row read
        // the whole table and looked each posting up: minutes at 1,000,000 postings).
        var domainsOf: [Int64: Set<String>] = [:]
        try reader.read { db in
            try forEachRow(db, ids: Array(Set(postingsOf.values.joined())), {
                "SELECT posting_id, domain FROM posting_competencies WHERE posting_id IN (\($0))"
            }) { r in domainsOf[r[0] as Int64, default: []].insert(r[1]) }
        }
        return kept.map { key, score in
            let sortedForms = (forms[key] ?? [:]).sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
            var votes: [String: Int] = [:]
            for id in postingsOf[key] ?? [] { for d in domainsOf[id] ?? [] { votes[d, default: 0] += 1 } }
            let top = votes.max { ($0.value, knownDomainRank($1.key)) < ($1.value, knownDomainRank($0.key)) }
            var variants: [String] = []
            for f in sortedForms.dropFirst() where !variants.contains(f) && variants.count < 4 { variants.append(f) }
            return EmergingTerm(key: key, label: sortedForms.first ?? key, variants: variants, score: score,
                                recentTotal: recentTotal, earlierTotal: earlierTotal, domain: top?.key,
                                domainPostings: top?.value ?? 0, examples: examples[key] ?? [])
        }
    }

    /// The clause around bytes `start..<end`, at most `exampleLength` characters, with `…` where cut.
    func sentence(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        let stops: Set<UInt8> = [0x0A, 0x2E, 0x21, 0x3F, 0x3B]
        var a = start, b = end
        while a > 0 && !stops.contains(bytes[a - 1]) { a -= 1 }
        while b < bytes.count && !stops.contains(bytes[b]) { b += 1 }
        var text = String(decoding: bytes[a..<b], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        if text.count > options.exampleLength {
            let term = String(decoding: bytes[start..<end], as: UTF8.self)
            let at = text.range(of: term).map { text.distance(from: text.startIndex, to: $0.lowerBound) } ?? 0
            let from = max(0, min(at - options.exampleLength / 3, text.count - options.exampleLength))
            let slice = text.dropFirst(from).prefix(options.exampleLength)
            text = (from > 0 ? "…" : "") + slice + (from + options.exampleLength < text.count ? "…" : "")
        }
        return text
    }
}

/// Position of a domain in the observatory's order (ties in majority votes go to the first).
func knownDomainRank(_ d: String) -> Int { knownDomains.firstIndex(of: d).map { 10 - $0 } ?? 0 }
