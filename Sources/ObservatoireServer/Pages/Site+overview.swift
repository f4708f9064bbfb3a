import Trends

extension Site {
    static let windows = ["3", "6", "12", "24"]

    /// `/`: the five domains with sparklines and totals, a domain × period table, and the
    /// competencies rising and falling over the chosen window.
    func overview(_ q: QueryParameters) async throws -> PageResult {
        let filter = try FilterParser.parse(q)
        let window = Int(try FilterParser.choice(q, "fenetre", Self.windows, default: "12"))!
        let table = try await trends.demand(.domains, filter: filter)
        let movers = try await trends.movers(filter: filter, windowMonths: window)
        let keep = Self.suffix(q)
        let last = table.periods.count - 1
        var cards: [[String: Any]] = []
        for (id, label) in catalog.domains {
            let row = table.row(id)
            let counts = row?.cells.map(\.count) ?? Array(repeating: 0, count: table.periods.count)
            let lastCell = last >= 0 ? row?.cells[last] : nil
            let yoy = lastCell.map { FrenchFormat.measure($0.growthYear, growth: true) }
            let desc = zip(table.periods, counts).map { "\($0.label) : \(FrenchFormat.int($1))" }.joined(separator: " ; ")
            cards.append([
                "id": id, "label": label, "href": "/domaines/\(id)\(keep)",
                "total": FrenchFormat.int(row?.total ?? 0),
                "lastLabel": last >= 0 ? table.periods[last].label : "—",
                "lastCount": FrenchFormat.int(lastCell?.count ?? 0),
                "growth": yoy?.text ?? "—", "growthFlag": yoy?.flag ?? false,
                "sparkline": SVGChart.sparkline(id: "spark-\(id)", values: counts,
                                                title: "Offres « \(label) » par \(filter.granularity.label)", desc: desc),
            ])
        }
        var columns = [DataTable.Column("domaine", "Domaine"), DataTable.Column("total", "Total", numeric: true)]
        columns += table.periods.map { DataTable.Column($0.key, $0.label, numeric: true) }
        var rows: [[DataTable.Cell]] = catalog.domains.map { id, label in
            let row = table.row(id)
            return [.text(label, href: "/domaines/\(id)\(keep)"), .int(row?.total ?? 0)]
                + (0..<table.periods.count).map { .int(row?.cells[$0].count ?? 0) }
        }
        rows.append([.text("Toutes les offres"), .int(table.totals.reduce(0, +))] + table.totals.map { .int($0) })
        let domainTable = DataTable(
            name: "domaines", caption: "Offres uniques par domaine et par \(filter.granularity.label) — \(describe(filter))",
            columns: columns, rows: rows,
            note: "Une offre peut relever de plusieurs domaines ; la dernière ligne compte toutes les offres, y compris hors des cinq domaines.")
        let rising = moversTable(movers.rising, name: "hausses", caption: "Compétences en hausse", movers: movers, keep: keep)
        let falling = moversTable(movers.falling, name: "baisses", caption: "Compétences en baisse", movers: movers, keep: keep)
        let view: [String: Any] = [
            "filters": filterView(q, filter, action: "/", extra: [[
                "name": "fenetre", "label": "Fenêtre des tendances",
                "options": Self.windows.map { w in ["value": w, "label": "\(w) mois", "selected": Int(w) == window] as [String: Any] },
            ]]),
            "cards": cards, "description": describe(filter),
            "window": window,
            "recent": movers.recentMonths.map { "\($0.lowerBound) à \($0.upperBound)" } ?? "—",
            "base": movers.baseMonths.map { "\($0.lowerBound) à \($0.upperBound)" } ?? "—",
            "rule": TrendRules.frenchSummary,
        ]
        return PageResult(template: "overview", title: "Vue d’ensemble", view: view,
                          tables: [domainTable, rising, falling], exportBase: "/export")
    }

    func moversTable(_ list: [Movers.Mover], name: String, caption: String, movers: Movers, keep: String) -> DataTable {
        let columns = [
            DataTable.Column("competence", "Compétence"), DataTable.Column("domaine", "Domaine"),
            DataTable.Column("offres_recentes", "Offres (fenêtre récente)", numeric: true),
            DataTable.Column("offres_base", "Offres (fenêtre précédente)", numeric: true),
            DataTable.Column("part_recente", "Part récente", numeric: true),
            DataTable.Column("part_base", "Part précédente", numeric: true),
            DataTable.Column("log_rapport", "Log du rapport", numeric: true),
            DataTable.Column("z", "z", numeric: true),
        ]
        let rows: [[DataTable.Cell]] = list.map { m in
            [.text(catalog.competencyLabel(m.key), href: Self.competencyPath(m.key) + keep), .text(catalog.domainLabel(m.group)),
             .int(m.recent), .int(m.base), .percent(m.recentShare), .percent(m.baseShare), .number(m.logRatio), .number(m.z)]
        }
        let span = movers.recentMonths.map { "\($0.lowerBound)–\($0.upperBound)" } ?? ""
        return DataTable(name: name, caption: "\(caption) sur \(movers.windowMonths) mois (\(span)) par rapport aux \(movers.windowMonths) mois précédents",
                         columns: columns, rows: rows)
    }
}
