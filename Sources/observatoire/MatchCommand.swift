import ArgumentParser
import Foundation
import ObservatoireServer
import Store
import Taxonomy
import Trends

/// `observatoire match`: training offers against postings, from one side at a time, as the pages
/// show them (same tables, same rules).
struct MatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Rapproche offres d’emploi et offres de formation (mêmes tableaux que les pages).",
        discussion: """
        --posting ID : les formations qui couvrent le mieux les compétences de l’offre d’emploi \
        (page /offres/ID). --competency ID : les formations qui enseignent la compétence, et leurs \
        régions (page /formations?competence=ID). --training ID : la demande pour les compétences \
        qu’enseigne la formation et celles, souvent demandées avec, qu’elle n’enseigne pas \
        (page /formations/ID). Les prérequis d’une formation ne comptent jamais comme enseignés.

        \(SupplyRules.frenchMatchRule)

        Exemples :
          observatoire match --posting 42
          observatoire match --competency donnees.sql --json
          observatoire match --training 7
        """)

    @Option(help: "Numéro d’une offre d’emploi (celui de /offres/ID).") var posting: String?
    @Option(help: "Identifiant d’une compétence de la taxonomie.") var competency: String?
    @Option(help: "Numéro d’une offre de formation (celui de /formations/ID).") var training: String?
    @Flag(help: "Sortie JSON (un objet : titre et tableaux).") var json = false
    @Option(help: "Fichier de la base SQLite.") var db: String = "observatoire.sqlite"
    @OptionGroup var taxonomy: TaxonomyOptions

    func validate() throws {
        guard [posting, competency, training].compactMap({ $0 }).count == 1 else {
            throw ValidationError("indiquez exactement une option parmi --posting, --competency et --training")
        }
    }

    func run() async throws {
        let target: Site.MatchTarget = posting.map { .posting($0) } ?? competency.map { .competency($0) } ?? .training(training ?? "")
        guard FileManager.default.fileExists(atPath: db) else { throw ValidationError("base introuvable : \(db)") }
        let store = try Store(path: db)
        let (tax, _) = try TaxonomyLoader(directory: URL(fileURLWithPath: taxonomy.directory)).load()
        let trends = try TrendStore(store: store)
        try await trends.refreshIfStale()
        let site = try await Site(trends: trends, catalog: Catalog(taxonomy: tax))
        let result: (title: String, tables: [DataTable])
        do {
            result = try await site.match(target)
        } catch is NotFound {
            let what = posting.map { "offre d’emploi \($0)" } ?? competency.map { "compétence \($0)" } ?? "formation \(training ?? "")"
            FileHandle.standardError.write(Data("erreur\u{00A0}: introuvable dans la base\u{00A0}: \(what)\n".utf8))
            throw ExitCode(1)
        } catch let e as BadParameter {
            FileHandle.standardError.write(Data("erreur\u{00A0}: \(e.description)\n".utf8))
            throw ExitCode(1)
        }
        if json {
            let tables = try result.tables.map { try JSONSerialization.jsonObject(with: TableExport.json($0)) }
            let data = try JSONSerialization.data(withJSONObject: ["titre": result.title, "tableaux": tables],
                                                  options: [.sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(result.title + "\n")
            print(result.tables.map { $0.plainText() }.joined(separator: "\n"), terminator: "")
        }
    }
}
