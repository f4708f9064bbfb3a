import ArgumentParser
import Foundation
import Taxonomy

struct TaxonomyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taxonomy",
        abstract: "Vérifier et décrire la taxonomie de compétences.",
        subcommands: [Lint.self, Stats.self, Export.self, TaxonomySuggest.self, TaxonomyDiffCommand.self]
    )

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Vérifie la taxonomie : syntaxe, doublons, libellés vides, domaines, URI ESCO.",
            discussion: """
            Sort avec le statut 1 et la liste des problèmes (fichier:ligne) s’il y a une erreur.

            Exemple :
              observatoire taxonomy lint --esco ../shared/data/taxonomies/esco-fr/skills_fr.csv
            """)

        @OptionGroup var taxonomy: TaxonomyOptions
        @Option(help: "Fichier skills_fr.csv d’ESCO pour vérifier les URI (par défaut : ../shared/data/taxonomies/esco-fr/skills_fr.csv s’il existe).")
        var esco: String = "../shared/data/taxonomies/esco-fr/skills_fr.csv"

        func run() throws {
            let (tax, parseDiagnostics) = try TaxonomyLoader(directory: URL(fileURLWithPath: taxonomy.directory)).parse()
            let escoURL = URL(fileURLWithPath: esco)
            let diagnostics = parseDiagnostics + TaxonomyLinter(escoSkillsFile: escoURL).lint(tax)
            for d in diagnostics { print(d) }
            let errors = diagnostics.filter { $0.severity == .error }.count
            let escoNote = FileManager.default.fileExists(atPath: escoURL.path) ? "URI ESCO vérifiées" : "URI ESCO non vérifiées (fichier absent)"
            print("taxonomie \(tax.version) : \(tax.competencies.count) compétences, \(errors) erreur(s), "
                  + "\(diagnostics.count - errors) avertissement(s), \(escoNote)")
            if errors > 0 { throw ExitCode(1) }
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Compte les compétences et formulations par domaine.")
        @OptionGroup var taxonomy: TaxonomyOptions

        func run() throws {
            let (tax, _) = try TaxonomyLoader(directory: URL(fileURLWithPath: taxonomy.directory)).load()
            print("taxonomie \(tax.version)")
            let header = ["domaine", "compétences", "cœur", "formulations", "gardées", "exclusions", "avec ESCO", "avec ROME"]
            var rows = [header]
            for s in tax.stats {
                rows.append([s.domain, "\(s.competencies)", "\(s.core)", "\(s.wordings)", "\(s.guarded)", "\(s.excludes)", "\(s.withESCO)", "\(s.withROME)"])
            }
            let all = tax.stats
            rows.append(["total", "\(all.reduce(0) { $0 + $1.competencies })", "\(all.reduce(0) { $0 + $1.core })",
                         "\(all.reduce(0) { $0 + $1.wordings })", "\(all.reduce(0) { $0 + $1.guarded })",
                         "\(all.reduce(0) { $0 + $1.excludes })", "\(all.reduce(0) { $0 + $1.withESCO })", "\(all.reduce(0) { $0 + $1.withROME })"])
            print(TextTable.render(rows))
        }
    }
}

/// Plain aligned columns for terminal output.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        var widths = [Int](repeating: 0, count: first.count)
        for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        return rows.map { r in
            r.enumerated().map { i, c in i == 0 ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                : String(repeating: " ", count: widths[i] - c.count) + c }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
