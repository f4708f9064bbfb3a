import ArgumentParser
import Foundation
import ObservatoireServer
import Store
import Taxonomy
import Trends

/// `observatoire export`: the CSV or JSON of a page's table, the same file as its download link.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exporte un tableau des pages en CSV ou JSON, avec les mêmes filtres que le site.",
        discussion: """
        TABLE désigne un tableau comme dans les adresses d’export du site : domaines, hausses, \
        baisses (vue d’ensemble) ; domaine/ia/competences ; competence/ID/regions, secteurs, \
        contrats, intitules, cooccurrences, evolution ; offre/ID/preuves, formations ; recherche/offres ; \
        ecarts/sous-dotees, domaines, competences, regions ; formations/formations, regions ; \
        formation/ID/competences, prerequis, demande, manquantes, sessions, preuves. \
        Le format vient de l’extension de --output (.csv ou .json).

        Exemples :
          observatoire export domaines --periode annee --output domaines.csv
          observatoire export domaine/cybersecurite/competences --region 53 --excel --output cyber.csv
        """)

    @Argument(help: "Tableau à exporter (voir la description).")
    var table: String

    @Option(help: "Fichier de sortie (.csv ou .json).")
    var output: String

    @Option(help: "Fichier de la base SQLite.")
    var db: String = "observatoire.sqlite"

    @Option(help: "mois, trimestre ou annee.") var periode: String?
    @Option(help: "Premier mois (AAAA-MM).") var du: String?
    @Option(help: "Dernier mois (AAAA-MM).") var au: String?
    @Option(help: "Code de région INSEE.") var region: String?
    @Option(help: "Code de département INSEE.") var departement: String?
    @Option(help: "Section NAF (lettre).") var secteur: String?
    @Option(help: "Domaine ROME (lettre).") var rome: String?
    @Option(help: "Type de contrat.") var contrat: String?
    @Option(help: "Source.") var source: String?
    @Option(help: "Autres paramètres de la page, comme dans l’adresse (mesure=parts&tri=total).") var parametres: String?
    @Flag(help: "Variante CSV pour Excel en français (;, virgule décimale, BOM).") var excel = false

    @OptionGroup var taxonomy: TaxonomyOptions

    func run() async throws {
        var q = QueryParameters(parametres)
        for (name, value) in [("periode", periode), ("du", du), ("au", au), ("region", region), ("departement", departement),
                              ("secteur", secteur), ("rome", rome), ("contrat", contrat), ("source", source)] {
            if let value { q[name] = value }
        }
        let store = try Store(path: db)
        let (tax, _) = try TaxonomyLoader(directory: URL(fileURLWithPath: taxonomy.directory)).load()
        let trends = try TrendStore(store: store)
        try await trends.refreshIfStale()
        let site = try await Site(trends: trends, catalog: Catalog(taxonomy: tax))
        let format = (output as NSString).pathExtension.lowercased()
        guard format == "csv" || format == "json" else { throw ValidationError("--output doit finir par .csv ou .json") }
        do {
            let data = try await site.export(table: table, format: format, excel: excel, query: q)
            try data.write(to: URL(fileURLWithPath: output))
        } catch let e as BadParameter {
            throw ValidationError(e.description)
        } catch is NotFound {
            throw ValidationError("tableau inconnu : \(table)")
        }
    }
}
