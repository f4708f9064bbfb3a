import ArgumentParser
import Classifier
import Foundation
import ObservatoireServer
import Store
import Taxonomy
import Trends

/// `observatoire serve`: the web pages and exports over a database.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sert les pages de tendances et les exports CSV/JSON.",
        discussion: """
        Au premier démarrage sur une base vide, charge, classe et enregistre les offres de \
        démonstration (Data/demo-postings.jsonl, et les offres de formation \
        Data/demo-formations.lheo.xml si aucune formation n’est enregistrée), sauf avec --no-demo-if-empty. Les tables de \
        tendances sont recalculées au démarrage si la base a changé depuis le dernier calcul, puis \
        chaque minute (--actualisation) quand un « observatoire ingest » a modifié la base pendant \
        que le serveur tourne : les pages suivent sans redémarrage.

        Exemples :
          observatoire serve
          observatoire serve --db observatoire.sqlite --host 0.0.0.0 --port 8080
        """)

    @Option(help: "Fichier de la base SQLite (créé s’il n’existe pas).")
    var db: String = "observatoire.sqlite"

    @Option(help: "Adresse d’écoute.")
    var host: String = "127.0.0.1"

    @Option(help: "Port d’écoute.")
    var port: Int = 8080

    @Option(help: "Dossier web (gabarits et fichiers statiques ; par défaut ./web ou celui d’un dossier parent).")
    var web: String?

    @Flag(inversion: .prefixedNo, help: "Charger les offres de démonstration si la base est vide.")
    var demoIfEmpty: Bool = true

    @Option(help: "Fichier d’offres de démonstration (JSON Lines).")
    var demoFile: String = "Data/demo-postings.jsonl"

    @Option(help: "Fichier d’offres de formation de démonstration (LHEO).")
    var demoTrainingFile: String = "Data/demo-formations.lheo.xml"

    @Option(help: "Pages gardées en mémoire jusqu’au prochain recalcul des tendances (0 : aucune).")
    var cache: Int = 512

    @Option(name: .customLong("actualisation"),
            help: ArgumentHelp("Secondes entre deux vérifications que la base a changé (0 : au démarrage seulement).", valueName: "secondes"))
    var refreshInterval: Int = 60

    @OptionGroup var taxonomy: TaxonomyOptions

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port doit être compris entre 1 et 65535") }
        guard cache >= 0 else { throw ValidationError("--cache doit être positif ou nul") }
        guard refreshInterval >= 0 else { throw ValidationError("--actualisation doit être positif ou nul") }
    }

    /// A status line on standard output, unbuffered: it reaches a log file when it happens, not
    /// when the server stops.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    func run() async throws {
        guard let webDirectory = WebServer.findWebDirectory(web) else {
            throw ValidationError("dossier web introuvable (gabarits dans web/templates) ; indiquez-le avec --web")
        }
        let store = try Store(path: db)
        let (tax, _) = try TaxonomyLoader(directory: URL(fileURLWithPath: taxonomy.directory)).load()
        if demoIfEmpty {
            let rome = RomeTitleMapping.load(taxonomy: tax, taxonomyDirectory: taxonomy.directory)
            let classifier = Classifier.forCLI(taxonomy: tax, rome: rome)
            let loaded = try loadDemoIfEmpty(store: store, classifier: classifier, file: URL(fileURLWithPath: demoFile))
            if loaded > 0 { Self.say("base vide : \(loaded) offres de démonstration chargées depuis \(demoFile)") }
            let training = try loadDemoTrainingIfEmpty(store: store, classifier: classifier,
                                                       file: URL(fileURLWithPath: demoTrainingFile))
            if training > 0 { Self.say("aucune formation : \(training) offres de formation de démonstration chargées depuis \(demoTrainingFile)") }
        }
        let trends = try TrendStore(store: store)
        let refreshStart = Date()
        if try await trends.refreshIfStale() {
            Self.say("tables de tendances recalculées en \(String(format: "%.1f", Date().timeIntervalSince(refreshStart))) s")
        }
        if refreshInterval > 0 {
            // An ingest run while the server is up changes the store: rebuild the derived tables
            // (the page cache follows their build stamp). Readers see the old tables until then.
            let interval = refreshInterval
            Task.detached {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(interval))
                    do {
                        if try await trends.refreshIfStale() { Self.say("base modifiée : tables de tendances recalculées") }
                    } catch {
                        FileHandle.standardError.write(Data("erreur : recalcul des tendances impossible : \(error)\n".utf8))
                    }
                }
            }
        }
        let site = try await Site(trends: trends, catalog: Catalog(taxonomy: tax))
        Self.say("Observatoire : http://\(host):\(port)/")
        let app = try await WebServer.application(site: site, webDirectory: webDirectory, host: host, port: port,
                                                     cacheCapacity: cache)
        try await app.runService()
    }
}
