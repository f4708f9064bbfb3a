import ArgumentParser
import Classifier
import Emerging
import Foundation
import FrenchText
import Records
import Store
import Taxonomy

/// `observatoire reclassify`: re-runs the classifier on the stored postings whose classification
/// comes from another taxonomy version, and reports how many changed domains.
struct Reclassify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reclasse les offres stockées classées par une autre version de la taxonomie.",
        discussion: """
        Seules les offres dont la version de taxonomie enregistrée diffère de la version courante (ou \
        sans classement) sont relues ; classement, domaines, compétences et preuves sont remplacés par \
        lots, chaque lot dans une transaction. Le code ROME de l’intitulé est renseigné quand le \
        référentiel Data/rome est présent.

        Avec --depuis ANCIENNE (dossier ou git:REV de la taxonomie qui a produit les classements), \
        seules les offres dont le texte contient un mot d’une compétence ajoutée, supprimée ou \
        modifiée sont reclassées ; les autres ne peuvent pas changer et reçoivent seulement la \
        nouvelle version.

        Exemples :
          observatoire reclassify --db observatoire.sqlite
          observatoire reclassify --db observatoire.sqlite --depuis git:HEAD~1
        """)

    @Option(help: "Base de données de l’observatoire (SQLite).")
    var db: String
    @OptionGroup var taxonomy: TaxonomyOptions
    @Option(help: "Dossier du référentiel ROME importé (appellations.tsv).")
    var rome: String = RomeReference.defaultDirectory
    @Option(help: "Offres par transaction.")
    var batch: Int = 500
    @Option(name: .customLong("depuis"), help: "Taxonomie qui a produit les classements (dossier ou git:REV) : ne reclasser que les offres que le changement peut toucher.")
    var since: String?

    func validate() throws {
        guard batch >= 1 else { throw ValidationError("--batch doit être ≥ 1") }
        guard FileManager.default.fileExists(atPath: db) else { throw ValidationError("base introuvable : \(db)") }
    }

    func run() throws {
        let (tax, _) = try TaxonomyLoader(directory: URL(fileURLWithPath: taxonomy.directory)).load()
        let classifier = Classifier(taxonomy: tax)
        let matcher = try? RomeMatcher.load(directory: URL(fileURLWithPath: rome), warn: RomeTitleMapping.warn)
        let store = try Store(path: db)
        var affected: Set<String>?
        if let since {
            var temporary: URL?
            defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }
            var dir = URL(fileURLWithPath: since)
            if since.hasPrefix("git:") {
                dir = try TaxonomyDiffCommand.checkout(revision: String(since.dropFirst(4)))
                temporary = dir
            }
            let old = try TaxonomyLoader(directory: dir).load().0
            affected = Self.affectedStems(old: old, new: tax)
        }
        let result = try Self.reclassify(store: store, classifier: classifier, matcher: matcher, batch: batch, affected: affected)
        print("taxonomie \(classifier.compiled.versionString) : \(result.reclassified) offre(s) reclassée(s), "
              + "\(result.domainsChanged) avec des domaines différents"
              + (affected == nil ? "" : ", \(result.restamped) hors d’atteinte du changement (version mise à jour sans reclassement)"))
    }

    /// Word stems of every wording (and guard word) of the competencies added, removed or changed
    /// between two taxonomies: a posting without any of them classifies the same with both.
    static func affectedStems(old: Taxonomy, new: Taxonomy) -> Set<String> {
        let diff = TaxonomyDiff(old: old, new: new)
        let changedIDs = Set(diff.changed.map(\.id))
        let touched = diff.added + diff.removed + (old.competencies + new.competencies).filter { changedIDs.contains($0.id) }
        var stems: Set<String> = []
        let tokenizer = FrenchText.Tokenizer()
        for c in touched {
            for w in c.wordings + c.excludes {
                for f in w.forms { stems.formUnion(f.stems) }
                for g in w.near + w.notNear {
                    let buf = tokenizer.tokenize(g)
                    for i in 0..<buf.count { stems.insert(buf.stem(i)) }
                }
            }
        }
        return stems
    }

    /// Re-classifies the postings of `store` classified by another version; returns the number of
    /// postings re-classified and of those whose domain set changed.
    static func reclassify(store: Store, classifier: Classifier, matcher: RomeMatcher?, batch: Int,
                           affected: Set<String>? = nil) throws -> (reclassified: Int, domainsChanged: Int, restamped: Int) {
        let version = classifier.compiled.versionString
        var scratch = Classifier.Scratch()
        var last: Int64 = 0, done = 0, changed = 0, restamped = 0
        let tokenizer = FrenchText.Tokenizer()
        var buffer = TokenBuffer()
        while true {
            let page = try store.storedPostings(afterRowID: last, limit: batch, otherThanVersion: version)
            guard let tail = page.last else { break }
            var items: [(rowID: Int64, published: Day?, classification: Classification)] = []
            var untouched: [Int64] = []
            for p in page {
                if let affected, p.taxonomyVersion != nil {
                    var text = p.title + "\n" + p.description + "\n" + p.sourceSkills.joined(separator: "\n")
                    text.withUTF8 { tokenizer.tokenize($0, into: &buffer) }
                    if !(0..<buffer.count).contains(where: { affected.contains(buffer.stem($0)) }) {
                        untouched.append(p.rowID)
                        continue
                    }
                }
                var c = classifier.classify(id: p.key.sourceID, title: p.title, description: p.description,
                                            extra: p.sourceSkills, scratch: &scratch)
                if let m = matcher?.match(title: p.title) { c.title.rome = m.code }
                if c.domains.sorted() != p.domains { changed += 1 }
                items.append((p.rowID, p.published, c))
            }
            try store.replaceClassifications(items)
            try store.restamp(untouched, version: version)
            done += items.count
            restamped += untouched.count
            last = tail.rowID
        }
        return (done, changed, restamped)
    }
}
