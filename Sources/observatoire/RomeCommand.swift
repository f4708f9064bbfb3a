import ArgumentParser
import Emerging
import Foundation

/// The imported ROME 4.0 reference (`Data/rome/`).
struct RomeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rome",
        abstract: "Référentiel ROME 4.0 importé dans Data/rome/.",
        subcommands: [Index.self]
    )

    struct Index: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Régénère Data/rome/index-titres.tsv, l’index des intitulés ROME lu au démarrage.",
            discussion: """
            L’index contient les radicaux des 26 240 libellés (masculin et féminin) et les \
            correspondances féminin → masculin apprises des libellés : le calculer prend environ \
            0,4 s de CPU à chaque commande qui rapproche des intitulés du ROME. À relancer après \
            un nouvel import (scripts/import-rome.py) ou une modification de la normalisation des \
            intitulés ; un test vérifie que le fichier livré est à jour.

            Exemples :
              observatoire rome index
              observatoire rome index --check
            """)

        @Option(help: "Dossier du référentiel ROME importé.")
        var directory: String = RomeReference.defaultDirectory
        @Flag(help: "Vérifie seulement que le fichier est à jour (statut 1 sinon), sans l’écrire.")
        var check = false

        func run() throws {
            let url = URL(fileURLWithPath: directory)
            let reference = try RomeReference.load(directory: url)
            let text = RomeTitleIndex(reference: reference).fileText(for: reference)
            let fileURL = url.appendingPathComponent(RomeTitleIndex.fileName)
            let current = try? String(contentsOf: fileURL, encoding: .utf8)
            if check {
                guard current == text else {
                    print("\(fileURL.path) n’est pas à jour : lancer « observatoire rome index »")
                    throw ExitCode(1)
                }
                print("\(fileURL.path) est à jour (\(reference.appellations.count) appellations)")
                return
            }
            if current == text {
                print("\(fileURL.path) déjà à jour (\(reference.appellations.count) appellations)")
                return
            }
            try Data(text.utf8).write(to: fileURL, options: .atomic)
            print("\(fileURL.path) écrit (\(reference.appellations.count) appellations, \(text.utf8.count) octets)")
        }
    }
}
