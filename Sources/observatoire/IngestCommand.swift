import ArgumentParser
import Classifier
import Foundation
import Ingest
import Records
import Store
import Taxonomy

/// `observatoire ingest`: reads posting files, classifies them and stores them with their
/// evidence, duplicates and rejects, batch by batch (one transaction per batch).
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Lit des fichiers d’offres, les classe et les enregistre dans la base (doublons et rejets compris).",
        discussion: """
        Chaque fichier est lu en flux (mémoire constante) ; les offres sont classées en parallèle \
        par lots, dans l’ordre, et chaque lot est enregistré en une transaction : une interruption \
        laisse la base dans l’état du dernier lot complet, et relancer la même commande la termine. \
        Réingérer un fichier inchangé ne modifie rien (offres « inchangées »).

        Les enregistrements invalides sont rejetés avec leur motif, comptés et gardés dans la table \
        rejected_records ; ils ne font pas échouer la commande, sauf avec --strict.

        Statut de sortie : 0 si tous les fichiers ont pu être lus ; 1 si un fichier est illisible \
        (introuvable, répertoire, vide, format inconnu, colonnes manquantes) ou en cas d’erreur de \
        la base ; 2 avec --strict quand au moins un enregistrement a été rejeté.

        Formats : \(IngestInput.supportedList) (détectés par l’extension puis le contenu). Les \
        fichiers LHEO (.xml, .lheo, ou contenu commençant par <lheo> ou <offres>) sont des offres \
        de formation : classées sans compter les prérequis, enregistrées à part des offres d’emploi. \
        Les catalogues de formation CSV (export CPF, organismes) sont reconnus à leurs colonnes \
        (intitulé de la formation, organisme, Formacode…) ou lus avec --input-format formations-csv.

        Exemples :
          observatoire ingest Data/demo-postings.jsonl
          observatoire ingest Data/demo-formations.lheo.xml
          observatoire ingest catalogue-cpf.csv --source cpf
          observatoire ingest offres.csv --source mon-site --map title=Poste --map description=Texte
          observatoire ingest page.json --input-format france-travail --db /tmp/essai.sqlite --json
        """)

    @Argument(help: "Fichiers d’offres à lire.")
    var files: [String]

    @Option(help: "Base SQLite (créée si absente).")
    var db = "observatoire.sqlite"

    @Option(help: "Nom de la source pour toutes les offres (par défaut : celle de chaque enregistrement, ou le nom du fichier).")
    var source: String?

    @Option(name: .customLong("input-format"), help: "Format des fichiers : \(IngestInput.supportedList) (par défaut : détecté).")
    var inputFormat: String?

    @Option(name: .customLong("map"), help: ArgumentHelp("CSV : colonne d’un champ, champ=Nom de colonne (répétable).", valueName: "champ=Colonne"))
    var mappings: [String] = []

    @Flag(help: "Statut de sortie 2 si au moins un enregistrement est rejeté (les offres valides sont tout de même enregistrées).")
    var strict = false

    @Flag(help: "Résumé en un objet JSON sur la sortie standard.")
    var json = false

    @Option(help: "Nombre de fils de classification (par défaut : tous les cœurs).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Offres par lot (une transaction par lot).", visibility: .hidden))
    var batchSize = 1_000

    @Flag(help: ArgumentHelp("Aucune progression ni ligne par fichier sur la sortie d’erreur.", visibility: .hidden))
    var quiet = false

    @OptionGroup var taxonomy: TaxonomyOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("indiquez au moins un fichier d’offres") }
        guard jobs >= 1 && jobs <= 256 else { throw ValidationError("--jobs doit être compris entre 1 et 256") }
        guard batchSize >= 1 && batchSize <= 100_000 else { throw ValidationError("--batch-size doit être compris entre 1 et 100 000") }
        if let inputFormat, IngestInput(name: inputFormat) == nil {
            throw ValidationError("format « \(inputFormat) » inconnu ; formats pris en charge : \(IngestInput.supportedList)")
        }
        do { _ = try CSVHeaderMapping.parse(mappings) } catch { throw ValidationError(error.reason) }
    }

    func run() throws {
        let progress = ProgressReporter(quiet: quiet)
        let romeLoading = RomeTitleMapping.Loading(taxonomyDirectory: taxonomy.directory)
        let tax: Taxonomy
        do {
            (tax, _) = try TaxonomyLoader(directory: URL(fileURLWithPath: taxonomy.directory)).load()
        } catch {
            progress.message("erreur\(FrenchFormat.nbsp): taxonomie « \(taxonomy.directory) » inutilisable\(FrenchFormat.nbsp): \(error)")
            throw ExitCode(1)
        }
        let store: Store
        do {
            store = try Store(path: db)
        } catch {
            progress.message("erreur\(FrenchFormat.nbsp): impossible d’ouvrir la base « \(db) »\(FrenchFormat.nbsp): \(error)")
            throw ExitCode(1)
        }
        var options = IngestPipeline.Options()
        switch inputFormat.flatMap(IngestInput.init(name:)) {
        case .lheo?: options.training = .lheo
        case .trainingCSV?: options.training = .trainingCSV
        case .postings(let format)?: options.format = format
        case nil: break
        }
        options.source = source
        options.mapping = try CSVHeaderMapping.parse(mappings)
        options.jobs = jobs
        options.batchSize = batchSize
        let run = try store.beginRun(files: files)
        let classifiers = Classifier.forCLI(count: options.jobs, taxonomy: tax, loading: romeLoading)
        let pipeline = IngestPipeline(store: store, classifiers: classifiers, options: options, run: run, progress: progress)
        let summary: IngestSummary
        do {
            summary = try pipeline.ingest(files)
        } catch {
            _ = try? store.finishRun(run: run, status: .failed)
            progress.message("erreur\(FrenchFormat.nbsp): enregistrement dans la base « \(db) » interrompu\(FrenchFormat.nbsp): \(error)")
            throw ExitCode(1)
        }
        try store.finishRun(run: run, counts: summary.runCounts, status: summary.unreadable.isEmpty ? .finished : .failed)
        if pipeline.clock.enabled { progress.message("CPU par étape\(FrenchFormat.nbsp): " + pipeline.clock.report) }
        if json {
            print(summary.json())
        } else {
            print(summary.french(), terminator: "")
        }
        if !summary.unreadable.isEmpty { throw ExitCode(1) }
        if strict && summary.rejectedTotal > 0 { throw ExitCode(2) }
    }
}
