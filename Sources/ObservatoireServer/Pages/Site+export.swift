import Foundation

extension Site {
    /// The bytes of a table export, addressed like the site's export links without the `/export`
    /// segment: `domaines`, `domaine/ia/competences`, `competence/ID/regions`, `offre/ID/preuves`,
    /// `recherche/offres`, `ecarts/competences`, `formations/formations`, `formation/ID/demande`. Used by `observatoire export`.
    public func export(table path: String, format: String, excel: Bool, query: QueryParameters) async throws -> Data {
        let parts = path.split(separator: "/").map(String.init)
        let result: PageResult
        switch (parts.first, parts.count) {
        case (_, 1): result = try await overview(query)
        case ("domaine", 3): result = try await domain(parts[1], query)
        case ("competence", 3): result = try await competency(parts[1], query)
        case ("offre", 3): result = try await posting(parts[1], query)
        case ("recherche", 2): result = try await search(query)
        case ("ecarts", 2): result = try await gaps(query)
        case ("formations", 2): result = try await trainings(query)
        case ("formation", 3): result = try await training(parts[1], query)
        default: throw NotFound(path)
        }
        guard let name = parts.last, let table = result.tables.first(where: { $0.name == name }) else { throw NotFound(path) }
        if format == "json" { return try TableExport.json(table) }
        return Data(TableExport.csv(table, variant: excel ? .frenchExcel : .standard).utf8)
    }
}
