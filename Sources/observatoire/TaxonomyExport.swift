import ArgumentParser
import Foundation
import Taxonomy

extension TaxonomyCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Exporte les formulations de la taxonomie en CSV « competency,domain,term ».",
            discussion: """
            Le fichier produit est celui qu’attendent les étiqueteurs de référence \
            (../shared/tools/peers/peers.py) : les deux côtés cherchent ainsi les mêmes termes. \
            Les gardes (near, not-near, casse) et les exclusions ne s’exportent pas : les autres \
            moteurs ne savent pas les appliquer.

            Exemple :
              observatoire taxonomy export --output /tmp/termes.csv
            """)

        @OptionGroup var taxonomy: TaxonomyOptions
        @Option(help: "Fichier de sortie (par défaut : sortie standard).")
        var output: String?

        func run() throws {
            let (tax, _) = try TaxonomyLoader(directory: URL(fileURLWithPath: taxonomy.directory)).load()
            var csv = "competency,domain,term\n"
            for c in tax.competencies {
                var seen: Set<String> = []
                for w in c.wordings where seen.insert(w.text.lowercased()).inserted {
                    csv += [c.id, c.domain, w.text].map(Self.field).joined(separator: ",") + "\n"
                }
            }
            if let output { try csv.write(toFile: output, atomically: true, encoding: .utf8) }
            else { FileHandle.standardOutput.write(Data(csv.utf8)) }
        }

        static func field(_ s: String) -> String {
            s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
    }
}
