import Foundation
import Trends

extension Site {
    /// What `observatoire match` looks at: the same tables as the pages that show them.
    public enum MatchTarget: Sendable, Hashable {
        /// `/offres/:id`, « Formations qui couvrent ce poste ».
        case posting(String)
        /// `/formations?competence=ID`: offers teaching it and its regions.
        case competency(String)
        /// `/formations/:id`: demand for what it teaches and the missing competencies.
        case training(String)
    }

    /// The title and tables of a match, exactly as the page builds them (same rules, same rows).
    public func match(_ target: MatchTarget, query: QueryParameters = QueryParameters(nil)) async throws -> (title: String, tables: [DataTable]) {
        switch target {
        case .posting(let id):
            let page = try await posting(id, query)
            return (page.title, page.tables.filter { $0.name == "formations" })
        case .competency(let id):
            var q = query
            q["competence"] = id
            let filter = try trainingFilter(q)
            let list = try await trends.trainingOffers(filter, limit: 1_000)
            return (catalog.competencyLabel(id),
                    [trainingListTable(list, caption: "Offres de formation — \(describeTraining(filter))"),
                     try await teachingRegionsTable(id)])
        case .training(let id):
            let page = try await training(id, query)
            return (page.title, page.tables.filter { ["demande", "manquantes"].contains($0.name) })
        }
    }
}

extension DataTable {
    /// The table as plain French text: the caption, then one block per row (first column as the
    /// heading, the others as « libellé : valeur » lines), then the note.
    public func plainText() -> String {
        var out = caption + "\n" + String(repeating: "─", count: min(80, caption.count)) + "\n"
        if rows.isEmpty { out += "Aucune donnée.\n" }
        for (i, row) in rows.enumerated() {
            out += "\(i + 1). \(row[0].text)\n"
            for (column, cell) in zip(columns.dropFirst(), row.dropFirst()) {
                out += "   \(column.label)\u{00A0}: \(cell.text)\n"
            }
        }
        if let note { out += note + "\n" }
        return out
    }
}
