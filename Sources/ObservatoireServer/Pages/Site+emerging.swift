import Emerging
import Foundation
import Hummingbird
import Trends

extension Site {
    typealias EmergingBuild = @Sendable (Request, BasicRequestContext, QueryParameters) async throws -> PageResult

    /// Registers `/emergents` and `/metiers/:titre` (and their exports) through the router's
    /// `page` helper, with the taxonomy and ROME reference read from next to `webDirectory`.
    /// Returns the context the pages share (taxonomy, ROME matcher, analysis cache).
    @discardableResult
    func registerEmergingPages(_ page: (String, @escaping EmergingBuild) -> Void, webDirectory: String) -> EmergingContext {
        let context = EmergingContext(root: URL(fileURLWithPath: webDirectory).standardizedFileURL.deletingLastPathComponent())
        let site = self
        page("/emergents") { _, _, q in try await site.emerging(q, context) }
        page("/metiers/:titre") { _, c, q in try await site.jobTitle(c.parameters.require("titre"), q, context) }
        return context
    }

    static func titlePath(_ title: String) -> String {
        "/metiers/" + (title.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? title)
    }

    /// Filters of the emerging pages: the common ones, months or quarters only, and `recentes`
    /// (periods of the recent window).
    func emergingFilter(_ q: QueryParameters, defaultGranularity: Granularity) throws -> (TrendFilter, EmergingScope) {
        let filter = try FilterParser.parse(q, defaultGranularity: defaultGranularity)
        let scope = EmergingScope(from: filter.from?.description, to: filter.to?.description, region: filter.region,
                                  department: filter.department, sector: filter.sector, romeDomain: filter.romeDomain,
                                  contract: filter.contract, source: filter.source)
        return (filter, scope)
    }

    /// French label of an analysis period (`2025-03` → `mars 2025`, `2025-T1` → `T1 2025`).
    static func emergingPeriodLabel(_ s: String) -> String {
        if let m = Month(s) { return Period(containing: m, granularity: .month).label }
        let parts = s.split(separator: "-")
        if parts.count == 2, let y = Int(parts[0]), parts[1].hasPrefix("T"), let t = Int(parts[1].dropFirst()) {
            return Period(containing: Month(year: y, month: (t - 1) * 3 + 1), granularity: .quarter).label
        }
        return s
    }

    static func windowLabel(_ periods: [String]) -> String {
        guard let a = periods.first, let b = periods.last else { return "aucune période" }
        return a == b ? emergingPeriodLabel(a) : "de \(emergingPeriodLabel(a)) à \(emergingPeriodLabel(b))"
    }

    /// Counts of `months` (`AAAA-MM` → postings) per period of `periods`.
    static func series(_ months: [String: Int], periods: [Period]) -> [Int] {
        guard let g = periods.first?.granularity else { return [] }
        var byKey: [String: Int] = [:]
        for (m, n) in months { if let month = Month(m) { byKey[Period(containing: month, granularity: g).key, default: 0] += n } }
        return periods.map { byKey[$0.key] ?? 0 }
    }

    func regionsText(_ regions: [(code: String, count: Int)], limit: Int = 2) -> String {
        let shown = regions.prefix(limit).map { "\(Catalog.regionName($0.code))\u{A0}(\(FrenchFormat.int($0.count)))" }
        if shown.isEmpty { return "—" }
        return shown.joined(separator: ", ") + (regions.count > limit ? "…" : "")
    }

    func competenciesText(_ competencies: [(id: String, domain: String, count: Int, evidence: Int)], limit: Int = 3) -> String {
        let shown = competencies.prefix(limit).map { catalog.competencyLabel($0.id) }
        return shown.isEmpty ? "—" : shown.joined(separator: ", ")
    }

    /// The growth rule, in French, with the thresholds of `options`.
    static func emergingRule(_ o: EmergingAnalysis.Options, recent: [String], earlier: [String]) -> String {
        func d(_ x: Double) -> String { FrenchFormat.decimal(x, digits: 1) }
        let ratio = exp(o.termRule.minimumLogRatio)
        return """
        Fenêtre récente : \(windowLabel(recent)) ; fenêtre antérieure : \(windowLabel(earlier)). \
        Pour un terme présent dans r des nr offres récentes et e des ne offres antérieures, l’effectif attendu sans \
        changement est λ\u{A0}=\u{A0}nr\u{A0}×\u{A0}(e\u{A0}+\u{A0}1)\u{A0}/\u{A0}(ne\u{A0}+\u{A0}1). \
        Il est « en hausse » si r\u{A0}≥\u{A0}\(o.termRule.minimumSupport) offres, si z\u{A0}=\u{A0}(r\u{A0}−\u{A0}λ)\u{A0}/\u{A0}√λ\u{A0}≥\u{A0}\(d(o.termRule.minimumZ)) \
        et si sa part des offres est au moins \(d(ratio)) fois celle de la fenêtre antérieure (+1 au numérateur et au \
        dénominateur, pour qu’un terme absent avant n’ait pas un rapport infini). \
        Un intitulé est retenu s’il suit la même règle avec au moins \(o.titleRule.minimumSupport) offres récentes en partant \
        d’au plus \(o.smallBase) offres antérieures, ou s’il n’a aucune appellation du ROME 4.0 proche (ni identique, \
        ni approchée à 0,5 de similarité) et compte au moins \(o.minimumAbsentTitle) offres. \
        Les termes sont des expressions de 1 à 4 mots des descriptions que la taxonomie ne reconnaît pas ; \
        les doublons d’offres ne comptent qu’une fois.
        """
    }

    /// The analysis for `options`, from the cache of the current trend build or computed (once
    /// for concurrent requests).
    func emergingResult(_ options: EmergingAnalysis.Options, _ context: EmergingContext) async throws -> EmergingCache.Result {
        let reader = trends.databaseReader
        let (taxonomy, matcher) = (context.taxonomy, context.matcher)
        let key = EmergingCache.Key(scope: options.scope, granularity: options.granularity.rawValue, recentPeriods: options.recentPeriods)
        return try await context.cache.result(key, stamp: try await trends.buildStamp()) {
            let start = Date()
            let analysis = EmergingAnalysis(reader: reader, taxonomy: taxonomy, matcher: matcher, options: options)
            let w = try analysis.windows()
            let titles = try analysis.emergingTitles()
            let terms = try analysis.emergingTerms()
            let profiles = try TitleStats(reader: reader, scope: options.scope).profiles(titles.map(\.title))
            return .init(titles: titles, terms: terms, profiles: profiles, recent: w.recent.sorted(), earlier: w.earlier.sorted(),
                         all: w.all, seconds: Date().timeIntervalSince(start))
        }
    }

    /// Says which windows were read one posting in k (empty when both were read whole).
    static func samplingNote(_ term: EmergingTerm?, maximum: Int?) -> String {
        guard let term, let maximum, term.recentSampling > 1 || term.earlierSampling > 1 else { return "" }
        let parts = [("récente", term.recentSampling), ("antérieure", term.earlierSampling)].filter { $0.1 > 1 }
            .map { "fenêtre \($0.0) : une offre sur \($0.1)" }
        return " Au-delà de \(FrenchFormat.int(maximum)) offres par fenêtre, les termes sont comptés sur un échantillon fixe ("
            + parts.joined(separator: ", ") + ") ; parts et z portent sur cet échantillon."
    }

    /// Keeps the default `/emergents` analysis computed for the current trend build: it reads
    /// every description (minutes at 1,000,000 postings), so `serve` runs it in the background at
    /// start and after each refresh instead of on the first visitor's request. Checks the build
    /// every `interval`; returns when cancelled.
    func keepEmergingWarm(_ context: EmergingContext, interval: Duration = .seconds(10)) async {
        var warmed = ""
        while !Task.isCancelled {
            if let stamp = try? await trends.buildStamp(), !stamp.isEmpty, stamp != warmed {
                let start = Date()
                do {
                    _ = try await emergingResult(EmergingAnalysis.Options(), context)
                    warmed = stamp
                    let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
                    FileHandle.standardOutput.write(Data("émergents : analyse par défaut précalculée en \(seconds) s\n".utf8))
                } catch {
                    FileHandle.standardError.write(Data("erreur : précalcul des émergents impossible : \(error)\n".utf8))
                }
            }
            try? await Task.sleep(for: interval)
        }
    }

    /// `/emergents`: emerging job titles (with trend, regions, competencies) and emerging terms
    /// the taxonomy does not cover (with growth, domain and examples).
    func emerging(_ q: QueryParameters, _ context: EmergingContext) async throws -> PageResult {
        let (filter, scope) = try emergingFilter(q, defaultGranularity: .month)
        guard filter.granularity != .year else {
            throw BadParameter("periode", "les métiers et compétences émergents se calculent par mois ou par trimestre.")
        }
        let recentPeriods = try FilterParser.int(q, "recentes", in: 1...12, default: 3)
        var options = EmergingAnalysis.Options()
        options.granularity = filter.granularity == .month ? .month : .quarter
        options.recentPeriods = recentPeriods
        options.scope = scope
        let result = try await emergingResult(options, context)
        let keep = Self.suffix(q, keeping: FilterParser.names + ["recentes"])
        let profiles = result.profiles
        var periods: [Period] = []
        if let first = result.all.first.flatMap(Self.firstMonth), let last = result.all.last.flatMap(Self.firstMonth) {
            periods = Period.range(from: first, to: last, granularity: filter.granularity)
        }
        func reasons(_ t: EmergingTitle) -> String {
            t.reasons.map { $0 == .rising ? "en hausse" : "hors ROME" }.joined(separator: " et ")
        }
        func rome(_ t: EmergingTitle) -> String? { t.rome.map { "\($0.code) — \($0.appellation)" } }
        let titleRows: [[DataTable.Cell]] = result.titles.map { t in
            let p = profiles[t.title]
            return [.text(t.title, href: Self.titlePath(t.title) + keep), .text(reasons(t)), .int(t.total),
                    .int(t.score.recent), .int(t.score.earlier), .number(exp(t.score.logRatio)), .number(t.score.z, digits: 1),
                    .text(rome(t)), .text(regionsText(p?.regions ?? [])), .text(competenciesText(p?.competencies ?? []))]
        }
        let titlesTable = DataTable(
            name: "intitules", caption: "Intitulés émergents — \(describe(filter))",
            columns: [DataTable.Column("intitule", "Intitulé normalisé"), DataTable.Column("motif", "Motif"),
                      DataTable.Column("offres", "Offres", numeric: true),
                      DataTable.Column("recentes", "Fenêtre récente", numeric: true),
                      DataTable.Column("anterieures", "Fenêtre antérieure", numeric: true),
                      DataTable.Column("rapport", "Rapport des parts", numeric: true), DataTable.Column("z", "z", numeric: true),
                      DataTable.Column("rome", "Appellation ROME la plus proche"), DataTable.Column("regions", "Régions"),
                      DataTable.Column("competences", "Compétences demandées")],
            rows: titleRows,
            note: "« hors ROME » : aucune appellation du ROME 4.0 identique ou assez proche ; « en hausse » : règle ci-dessous.")
        let termRows: [[DataTable.Cell]] = result.terms.map { t in
            let examples = t.examples.prefix(2).map { "« \($0.text) »" }.joined(separator: " ")
            let domain = t.domain.map { "\(catalog.domainLabel($0)) (\(FrenchFormat.int(t.domainPostings)) offres)" }
            return [.text(t.label), .text(t.variants.isEmpty ? nil : t.variants.joined(separator: ", ")),
                    .int(t.score.recent), .percent(Double(t.score.recent) / Double(max(t.recentTotal, 1))),
                    .int(t.score.earlier), .percent(Double(t.score.earlier) / Double(max(t.earlierTotal, 1))),
                    .number(exp(t.score.logRatio)), .number(t.score.z, digits: 1), .text(domain), .text(examples.isEmpty ? nil : examples)]
        }
        let termsTable = DataTable(
            name: "termes", caption: "Termes émergents absents de la taxonomie — \(describe(filter))",
            columns: [DataTable.Column("terme", "Terme"), DataTable.Column("variantes", "Autres formes"),
                      DataTable.Column("offres_recentes", "Offres récentes", numeric: true),
                      DataTable.Column("part_recente", "Part récente", numeric: true),
                      DataTable.Column("offres_anterieures", "Offres antérieures", numeric: true),
                      DataTable.Column("part_anterieure", "Part antérieure", numeric: true),
                      DataTable.Column("rapport", "Rapport des parts", numeric: true), DataTable.Column("z", "z", numeric: true),
                      DataTable.Column("domaine", "Domaine des compétences associées"), DataTable.Column("exemples", "Exemples")],
            rows: termRows,
            note: "Domaine : celui des compétences de la taxonomie trouvées le plus souvent dans les offres récentes qui contiennent le terme. Exemples coupés à \(options.exampleLength) caractères."
                + Self.samplingNote(result.terms.first, maximum: options.maximumPostingsPerWindow))
        let titleViews: [[String: Any]] = result.titles.enumerated().map { i, t in
            let counts = Self.series(profiles[t.title]?.months ?? [:], periods: periods)
            let desc = zip(periods, counts).map { "\($0.label) : \(FrenchFormat.int($1))" }.joined(separator: " ; ")
            var v: [String: Any] = [
                "title": t.title, "href": Self.titlePath(t.title) + keep, "reasons": reasons(t),
                "total": FrenchFormat.int(t.total), "recent": FrenchFormat.int(t.score.recent), "earlier": FrenchFormat.int(t.score.earlier),
                "ratio": FrenchFormat.decimal(exp(t.score.logRatio), digits: 2), "z": FrenchFormat.decimal(t.score.z, digits: 1),
                "sparkline": SVGChart.sparkline(id: "spark-\(i)", values: counts, title: "Offres « \(t.title) » par \(filter.granularity.label)",
                                                desc: desc),
                "regions": regionsText(profiles[t.title]?.regions ?? []),
                "competencies": competenciesText(profiles[t.title]?.competencies ?? []),
            ]
            if let r = rome(t) { v["rome"] = r }
            return v
        }
        var view: [String: Any] = [
            "description": describe(filter),
            "filters": filterView(q, filter, action: "/emergents", extra: [[
                "label": "Fenêtre récente", "name": "recentes",
                "options": (1...12).map { n in
                    ["value": String(n), "label": "\(n) \(filter.granularity.label)\(n > 1 && filter.granularity == .quarter ? "s" : "")",
                     "selected": n == recentPeriods] as [String: Any]
                },
            ]]),
            "titles": titleViews, "titleCount": result.titles.count, "termCount": result.terms.count,
            "rule": Self.emergingRule(options, recent: result.recent, earlier: result.earlier),
            "recentWindow": Self.windowLabel(result.recent), "earlierWindow": Self.windowLabel(result.earlier),
            "seconds": FrenchFormat.decimal(result.seconds, digits: 2),
        ]
        if context.matcher == nil { view["noRome"] = true }
        return PageResult(template: "emerging", title: "Métiers et compétences émergents", view: view,
                          tables: [titlesTable, termsTable], exportBase: "/emergents/export")
    }

    static func firstMonth(_ period: String) -> Month? {
        if let m = Month(period) { return m }
        let parts = period.split(separator: "-")
        guard parts.count == 2, let y = Int(parts[0]), let t = Int(parts[1].dropFirst()) else { return nil }
        return Month(year: y, month: (t - 1) * 3 + 1)
    }
}
