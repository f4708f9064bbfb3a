import ArgumentParser
import Emerging
import Foundation
import Store
import Taxonomy

/// `observatoire taxonomy suggest`: emerging terms as ready-to-edit taxonomy blocks, and emerging
/// job titles (absent from the ROME or rising) on standard error.
struct TaxonomySuggest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Propose des compétences à ajouter : termes absents de la taxonomie dont la part d’offres augmente.",
        discussion: """
        Compare la période récente (les --recent dernières périodes) aux périodes précédentes. Un terme \
        (1 à 4 mots de la description, sans mot outil en bordure, non reconnu par la taxonomie) est \
        retenu s’il apparaît dans au moins --min-support offres récentes et si sa part augmente \
        (z de Poisson ≥ 2 et rapport ≥ 1,5, lissage +1). Sortie : des blocs « competency: » au format \
        de Taxonomy/FORMAT.md, groupés par le domaine majoritaire des compétences voisines. Les intitulés \
        de poste hors ROME ou en hausse sont listés sur la sortie d’erreur.

        Exemple :
          observatoire taxonomy suggest --db observatoire.sqlite --granularity quarter --recent 2 > suggestions.tax
        """)

    @Option(help: "Base de données de l’observatoire (SQLite).")
    var db: String
    @OptionGroup var taxonomy: TaxonomyOptions
    @Option(help: "Dossier du référentiel ROME importé (appellations.tsv).")
    var rome: String = RomeReference.defaultDirectory
    @Option(help: "Période : month ou quarter.")
    var granularity: String = "month"
    @Option(help: "Nombre de périodes de la fenêtre récente.")
    var recent: Int = 3
    @Option(help: "Nombre de périodes antérieures comparées (par défaut : toutes).")
    var earlier: Int?
    @Option(help: "Nombre minimal d’offres récentes contenant le terme.")
    var minSupport: Int = 10
    @Option(help: "Nombre maximal de termes proposés.")
    var limit: Int = 40
    @Option(name: .shortAndLong, help: "Fichier de sortie (par défaut : sortie standard).")
    var output: String?

    func validate() throws {
        guard EmergingAnalysis.Granularity(rawValue: granularity) != nil else {
            throw ValidationError("--granularity : « month » ou « quarter »")
        }
        guard recent >= 1, minSupport >= 1, limit >= 1 else { throw ValidationError("--recent, --min-support et --limit doivent être ≥ 1") }
        guard FileManager.default.fileExists(atPath: db) else { throw ValidationError("base introuvable : \(db)") }
    }

    func run() throws {
        let (tax, _) = try TaxonomyLoader(directory: URL(fileURLWithPath: taxonomy.directory)).load()
        let store = try Store(path: db)
        let matcher = try? RomeMatcher.load(directory: URL(fileURLWithPath: rome), warn: RomeTitleMapping.warn)
        var options = EmergingAnalysis.Options()
        options.granularity = EmergingAnalysis.Granularity(rawValue: granularity)!
        options.recentPeriods = recent
        options.earlierPeriods = earlier
        options.termRule.minimumSupport = minSupport
        options.maximumTerms = limit
        let analysis = EmergingAnalysis(reader: store.reader, taxonomy: tax, matcher: matcher, options: options)
        let start = Date()
        let (recentSet, _, _) = try analysis.windows()
        let terms = try analysis.emergingTerms()
        let titles = try analysis.emergingTitles()
        let snippet = TaxonomySnippet.render(terms, existingIDs: Set(tax.competencies.map(\.id)),
                                             period: "période récente : " + recentSet.sorted().joined(separator: ", "))
        if let output { try snippet.write(toFile: output, atomically: true, encoding: .utf8) } else { print(snippet, terminator: "") }
        var rows = [["intitulé", "offres", "récentes", "avant", "z", "ROME", "motif"]]
        for t in titles {
            rows.append([String(t.title.prefix(50)), "\(t.total)", "\(t.score.recent)", "\(t.score.earlier)",
                         String(format: "%.1f", t.score.z),
                         t.rome.map { "\($0.code) \(String(format: "%.2f", $0.confidence))" } ?? "—",
                         t.reasons.map(\.rawValue).joined(separator: ", ")])
        }
        if matcher == nil { FileHandle.standardError.write(Data("référentiel ROME introuvable dans \(rome) : intitulés hors ROME non évalués\n".utf8)) }
        FileHandle.standardError.write(Data((TextTable.render(rows) + "\n").utf8))
        FileHandle.standardError.write(Data("\(terms.count) terme(s), \(titles.count) intitulé(s) en \(String(format: "%.1f", Date().timeIntervalSince(start))) s\n".utf8))
    }
}
