import ArgumentParser
import Classifier
import Dispatch
import Foundation
import FrenchText
import Ingest
import Records
import Taxonomy

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mesures de vitesse (build release recommandé).",
        subcommands: [BenchClassify.self])
}

/// Peak resident memory of this process, in MiB.
func peakRSSMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func seconds(since t: DispatchTime) -> Double { Double(DispatchTime.now().uptimeNanoseconds - t.uptimeNanoseconds) / 1e9 }

struct BenchClassify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Débit du classifieur en mémoire : offres/s et Mo/s sur un fil puis sur tous les cœurs.",
        discussion: """
        Charge d’abord toutes les offres en mémoire, puis mesure la classification seule \
        (normalisation, segmentation, sections, correspondances, preuves, domaines), sans lecture \
        ni écriture de JSON. Avec --esco, ajoute à la taxonomie chaque libellé de compétence ESCO \
        comme formulation (taxonomie environ 10 fois plus grande) pour mesurer la construction \
        de l’index et son effet sur la vitesse.

        Exemple :
          swift build -c release && .build/release/observatoire bench classify \\
            --input ../shared/data/postings/postings.jsonl
        """)

    @Option(name: .shortAndLong, help: "Fichier d’offres (JSON Lines).")
    var input: String
    @Option(name: .customLong("repeat"), help: "Nombre de passes sur le fichier pour chaque mesure.")
    var passes: Int = 3
    @Option(help: "Fichier skills_fr.csv d’ESCO : agrandit la taxonomie de tous ses libellés.")
    var esco: String?
    @OptionGroup var taxonomy: TaxonomyOptions
    @Option(help: "Nombre de fils d’une mesure (répétable ; par défaut : 1 et tous les cœurs).")
    var jobs: [Int] = []
    @Flag(help: ArgumentHelp("Mesure aussi la seule segmentation en mots (FrenchText).", visibility: .hidden))
    var tokenizeOnly = false

    func run() throws {
        var (tax, _) = try TaxonomyLoader(directory: URL(fileURLWithPath: taxonomy.directory)).load()
        if let esco { tax = try ESCOExpansion.expand(tax, skillsFile: esco) }
        var postings: [Posting] = []
        var bytes = 0
        let reader: PostingReader
        do { reader = try PostingReader(path: input) } catch { throw ValidationError(String(describing: error)) }
        for case .success(let p) in reader {
            postings.append(p); bytes += p.title.utf8.count + p.description.utf8.count + 1
        }
        let rssBefore = peakRSSMiB()
        let t0 = DispatchTime.now()
        let classifier = Classifier(taxonomy: tax)
        let build = seconds(since: t0)
        print("taxonomie : \(tax.competencies.count) compétences, \(classifier.compiled.patternCount) formes, "
              + "\(classifier.compiled.vocabularySize) mots ; index construit en \(String(format: "%.1f", build * 1000)) ms, "
              + "mémoire +\(String(format: "%.0f", peakRSSMiB() - rssBefore)) Mio")
        print("entrée : \(postings.count) offres, \(String(format: "%.1f", Double(bytes) / 1e6)) Mo de texte")
        if tokenizeOnly {
            let tokenizer = Tokenizer()
            var buffer = TokenBuffer()
            var best = Double.infinity
            var tokens = 0
            for _ in 0..<passes {
                let t = DispatchTime.now()
                tokens = 0
                for p in postings {
                    var text = p.title + "\n" + p.description
                    text.withUTF8 { tokenizer.tokenize($0, into: &buffer) }
                    tokens += buffer.count
                }
                best = min(best, seconds(since: t))
            }
            print("segmentation seule, 1 fil : \(String(format: "%.1f", Double(bytes) / 1e6 / best)) Mo/s, \(tokens) mots")
        }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        for jobs in (self.jobs.isEmpty ? Set([1, cores]) : Set(self.jobs.map { max(1, $0) })).sorted() {
            var best = Double.infinity
            var found = 0
            for _ in 0..<passes {
                let t = DispatchTime.now()
                found = Self.classifyAll(postings, [classifier] + (1..<jobs).map { _ in Classifier(taxonomy: tax) })
                best = min(best, seconds(since: t))
            }
            print("\(jobs) fil(s) : \(String(format: "%.0f", Double(postings.count) / best)) offres/s, "
                  + "\(String(format: "%.1f", Double(bytes) / 1e6 / best)) Mo/s (meilleure de \(passes) passes, "
                  + "\(found) compétences trouvées)")
        }
        print("mémoire maximale : \(String(format: "%.0f", peakRSSMiB())) Mio")
    }

    final class Box: @unchecked Sendable { var counts: [Int]; init(_ n: Int) { counts = Array(repeating: 0, count: n) } }

    /// Classifies everything with one classifier per thread (threads sharing one contend on its
    /// reference counts).
    static func classifyAll(_ postings: [Posting], _ classifiers: [Classifier]) -> Int {
        let jobs = classifiers.count
        let box = Box(jobs)
        let per = (postings.count + jobs - 1) / jobs
        DispatchQueue.concurrentPerform(iterations: jobs) { w in
            var scratch = Classifier.Scratch()
            var n = 0
            // Bound once: `classifiers[w]` in the loop copied the classifier (dozens of retains) per posting.
            let classifier = classifiers[w]
            // Read in place (`pointee` borrows): `postings[k]` copied each posting (a dozen
            // retains of its strings), a cost of this loop, not of classification.
            postings.withUnsafeBufferPointer { postings in
                for k in (w * per)..<min(postings.count, (w + 1) * per) {
                    n += classifier.classify((postings.baseAddress! + k).pointee, scratch: &scratch).competencies.count
                }
            }
            box.counts[w] = n
        }
        return box.counts.reduce(0, +)
    }
}

/// Grows a taxonomy with every ESCO skill label, for scale measurements only.
enum ESCOExpansion {
    static func expand(_ tax: Taxonomy, skillsFile: String) throws -> Taxonomy {
        let text = try String(contentsOfFile: skillsFile, encoding: .utf8)
        var t = tax
        var added = 0
        var seen = Set(tax.competencies.flatMap { $0.wordings.map(\.matchKey) })
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            // conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,...: take the preferred label.
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count > 4, fields[1].hasPrefix("http") else { continue }
            let label = fields[4].trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
            guard !label.isEmpty else { continue }
            let w = Wording(text: label, kind: .variant)
            guard !w.forms.isEmpty, seen.insert(w.matchKey).inserted else { continue }
            let domain = knownDomains[added % knownDomains.count]
            t.competencies.append(Competency(id: "\(domain).esco-\(added)", domain: domain, label: label, labelEn: label,
                                             weight: .support, wordings: [w], excludes: [], esco: [], rome: [], ecf: [],
                                             ecsf: [], digcomp: [], formacode: [], notes: [], file: "esco", line: 0))
            added += 1
        }
        return t
    }
}
