import ArgumentParser
import Classifier
import Dispatch
import Foundation
import Ingest
import Records
import Taxonomy

struct Classify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Classe des offres d’emploi et écrit une ligne JSON par offre (compétences, preuves, domaines).",
        discussion: """
        Entrée : JSON Lines (id, title, description obligatoires ; voir README). Sortie : sur la sortie \
        standard, un objet JSON par offre, dans l’ordre de l’entrée, avec pour chaque compétence ses \
        preuves (décalages en caractères Unicode dans « titre + "\\n" + description », section, texte, \
        formulation reconnue) et la version de la taxonomie. Une ligne mal formée donne une erreur sur \
        la sortie d’erreur avec son numéro de ligne ; le traitement continue. Statut de sortie 1 si au \
        moins une offre a été rejetée.

        Exemples :
          observatoire classify --input Data/demo-postings.jsonl > classes.jsonl
          observatoire classify --input ../shared/data/postings/postings.jsonl --jobs 1
        """)

    @Option(name: .shortAndLong, help: "Fichier d’offres : JSON Lines, API France Travail, CSV, JSON-LD ou HTML.")
    var input: String

    @Option(help: "Format de l’entrée (\(InputFormat.supportedList)) ; par défaut, d’après l’extension et le contenu.")
    var inputFormat: String?

    @Option(help: "Correspondance de colonne CSV « champ=Colonne » (répétable), ex. --map title=Poste.")
    var map: [String] = []

    @Option(help: "Nombre de fils de calcul (par défaut : tous les cœurs).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var taxonomy: TaxonomyOptions

    @Flag(help: "Ne pas rattacher les intitulés au ROME 4.0 (plus rapide).")
    var noRome = false

    @Option(help: ArgumentHelp("Seuil de score d’un domaine (règle documentée dans DomainRule).", visibility: .hidden))
    var threshold: Double = DomainRule().threshold

    func validate() throws {
        guard jobs >= 1 && jobs <= 256 else { throw ValidationError("--jobs doit être compris entre 1 et 256") }
        if let inputFormat, InputFormat(name: inputFormat) == nil {
            throw ValidationError("format « \(inputFormat) » inconnu ; formats pris en charge : \(InputFormat.supportedList)")
        }
    }

    func run() throws {
        let romeLoading = noRome ? nil : RomeTitleMapping.Loading(taxonomyDirectory: taxonomy.directory)
        let (tax, _) = try TaxonomyLoader(directory: URL(fileURLWithPath: taxonomy.directory)).load()
        // One compiled classifier per thread: threads sharing one contend on the reference counts
        // of its buffers and lose the second core.
        let rule = DomainRule(threshold: threshold)
        let classifiers = Classifier.forCLI(count: jobs, taxonomy: tax, rule: rule, loading: romeLoading)
        // Training offers are ingested, not classified here: say so rather than read 0 postings.
        if inputFormat == nil, FileManager.default.fileExists(atPath: input), case .lheo = IngestInput.detect(path: input) {
            throw Self.unreadable("\(input) : offres de formation au format LHEO ; classify lit des offres d’emploi "
                                  + "(les formations se classent avec « observatoire ingest »)")
        }
        let format: InputFormat
        do { format = try inputFormat.flatMap(InputFormat.init(name:)) ?? InputFormat.detect(path: input) }
        catch { throw Self.unreadable(String(describing: error)) }
        let mapping: [String: String]
        do { mapping = try CSVHeaderMapping.parse(map) } catch { throw ValidationError(String(describing: error)) }
        let run = ClassifyRun(classifiers: classifiers)
        let stats: ClassifyRun.Stats
        do {
            stats = try run.run(path: input, format: format, mapping: mapping, output: FileHandle.standardOutput,
                                errors: FileHandle.standardError)
        } catch let error as ClassifyRun.UnreadableInput {
            throw Self.unreadable(error.message)
        }
        let line = "classées : \(stats.classified), rejetées : \(stats.rejected), durée : "
            + String(format: "%.2f s", stats.seconds) + "\n"
        FileHandle.standardError.write(Data(line.utf8))
        if stats.rejected > 0 { throw ExitCode(1) }
    }

    /// A file that cannot be read at all: the reason on standard error and exit status 1, as
    /// `ingest` does (not a usage error: the command line was right).
    static func unreadable(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("erreur : \(message)\n".utf8))
        return ExitCode(1)
    }
}

/// Classifies a JSON Lines file with several threads, writing results in input order.
struct ClassifyRun {
    /// One per worker thread.
    let classifiers: [Classifier]
    var jobs: Int { classifiers.count }
    var batchSize = 2048

    struct Stats { var classified = 0; var rejected = 0; var bytes = 0; var seconds = 0.0 }

    /// The input cannot be read at all (missing, a folder, empty, unknown columns…).
    struct UnreadableInput: Error { var message: String }

    /// Per-worker state; each slot is used by exactly one worker at a time.
    final class Workers: @unchecked Sendable {
        var scratch: [Classifier.Scratch]
        var outputs: [[UInt8]]
        var errors: [[String]]
        var classified: [Int]
        init(_ n: Int) {
            scratch = Array(repeating: Classifier.Scratch(), count: n)
            outputs = Array(repeating: [], count: n); errors = Array(repeating: [], count: n)
            classified = Array(repeating: 0, count: n)
        }
    }

    /// One input record: a raw JSON line (decoded by the workers) or a record a reader already decoded.
    enum Item { case line(Int, Int, [UInt8]); case decoded(Result<Posting, RecordError>) }

    func run(path: String, format: InputFormat, mapping: [String: String], output: FileHandle?, errors: FileHandle) throws -> Stats {
        let start = DispatchTime.now()
        var stats = Stats()
        let file = (path as NSString).lastPathComponent
        let workers = Workers(jobs)
        var items: [Item] = []
        items.reserveCapacity(batchSize)
        func flush() throws {
            let batch = items
            let per = (batch.count + jobs - 1) / jobs
            let classifiers = self.classifiers
            DispatchQueue.concurrentPerform(iterations: jobs) { w in
                workers.outputs[w].removeAll(keepingCapacity: true)
                workers.errors[w].removeAll(keepingCapacity: true)
                workers.classified[w] = 0
                let lo = w * per, hi = min(batch.count, lo + per)
                guard lo < hi else { return }
                // Bound once: `classifiers[w]` in the loop copied the classifier per record.
                let classifier = classifiers[w]
                for k in lo..<hi {
                    let result: Result<Posting, RecordError>
                    switch batch[k] {
                    case .decoded(let r): result = r
                    case .line(let lineNo, let record, let bytes):
                        result = bytes.withUnsafeBufferPointer {
                            JSONLinesReader.decode(line: $0, file: file, lineNumber: lineNo, record: record)
                        }
                    }
                    switch result {
                    case .success(let posting):
                        let c = classifier.classify(posting, scratch: &workers.scratch[w])
                        ClassificationJSON.append(c, to: &workers.outputs[w])
                        workers.classified[w] += 1
                    case .failure(let e):
                        workers.errors[w].append(e.description)
                    }
                }
            }
            var errText = ""
            for w in 0..<jobs {
                // Written as they are: concatenating and wrapping them in `Data` copied megabytes per batch.
                if let output { try output.write(contentsOf: workers.outputs[w]) }
                stats.classified += workers.classified[w]
                stats.rejected += workers.errors[w].count
                for e in workers.errors[w] { errText += e + "\n" }
            }
            if !errText.isEmpty { errors.write(Data(errText.utf8)) }
            items.removeAll(keepingCapacity: true)
        }
        if format == .jsonl {
            // Lines are split here and decoded by the workers, so JSON parsing uses every core.
            let source: ByteSource
            do {
                source = try ByteSource(path: path)
            } catch where error.code == .empty {
                // An empty file has no lines: nothing classified, no error.
                source = ByteSource(bytes: [], name: path)
            } catch {
                throw UnreadableInput(message: "\(path) : \(error.reason)")
            }
            let limits = ReaderLimits()
            let lines = LineSplitter(source: source, maxLineBytes: limits.maxRecordBytes)
            var record = 0
            while let next = lines.next({ event -> Item? in
                switch event {
                case .line(let number, let bytes, _):
                    stats.bytes += bytes.count + 1
                    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
                    record += 1
                    return .line(number, record, Array(bytes))
                case .oversized(let number, let length, let prefix):
                    // Skipped without being read whole, rejected with its line like any bad record.
                    stats.bytes += length + 1
                    record += 1
                    return .decoded(.failure(RecordError(code: .tooLarge, file: file, line: number, record: record,
                                                         reason: "ligne de \(length) octets, au-delà de la limite de \(limits.maxRecordBytes) octets",
                                                         excerpt: String(decoding: prefix.prefix(RecordError.excerptLimit), as: UTF8.self))))
                }
            }) {
                guard let item = next else { continue }
                items.append(item)
                if items.count == batchSize { try flush() }
            }
        } else {
            let reader: PostingReader
            do { reader = try PostingReader(path: path, format: format, mapping: mapping) }
            catch { throw UnreadableInput(message: String(describing: error)) }
            for result in reader {
                items.append(.decoded(result))
                if items.count == batchSize { try flush() }
            }
        }
        if !items.isEmpty { try flush() }
        stats.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return stats
    }
}

