import ArgumentParser
import Classifier
import Emerging
import Foundation
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

        Exemple :
          observatoire reclassify --db observatoire.sqlite
        """)

    @Option(help: "Base de données de l’observatoire (SQLite).")
    var db: String
    @OptionGroup var taxonomy: TaxonomyOptions
    @Option(help: "Dossier du référentiel ROME importé (appellations.tsv).")
    var rome: String = RomeReference.defaultDirectory
    @Option(help: "Offres par transaction.")
    var batch: Int = 500

    func validate() throws {
        guard batch >= 1 else { throw ValidationError("--batch doit être ≥ 1") }
        guard FileManager.default.fileExists(atPath: db) else { throw ValidationError("base introuvable : \(db)") }
    }

    func run() throws {
        let (tax, _) = try TaxonomyLoader(directory: URL(fileURLWithPath: taxonomy.directory)).load()
        let classifier = Classifier(taxonomy: tax)
        let matcher = try? RomeMatcher(reference: RomeReference.load(directory: URL(fileURLWithPath: rome)))
        let store = try Store(path: db)
        let result = try Self.reclassify(store: store, classifier: classifier, matcher: matcher, batch: batch)
        print("taxonomie \(classifier.compiled.versionString) : \(result.reclassified) offre(s) reclassée(s), "
              + "\(result.domainsChanged) avec des domaines différents")
    }

    /// Re-classifies the postings of `store` classified by another version; returns the number of
    /// postings re-classified and of those whose domain set changed.
    static func reclassify(store: Store, classifier: Classifier, matcher: RomeMatcher?,
                           batch: Int) throws -> (reclassified: Int, domainsChanged: Int) {
        let version = classifier.compiled.versionString
        var scratch = Classifier.Scratch()
        var last: Int64 = 0, done = 0, changed = 0
        while true {
            let page = try store.storedPostings(afterRowID: last, limit: batch, otherThanVersion: version)
            guard let tail = page.last else { break }
            var items: [(rowID: Int64, published: Day?, classification: Classification)] = []
            for p in page {
                var c = classifier.classify(id: p.key.sourceID, title: p.title, description: p.description,
                                            extra: p.sourceSkills, scratch: &scratch)
                if let m = matcher?.match(title: p.title) { c.title.rome = m.code }
                if c.domains.sorted() != p.domains { changed += 1 }
                items.append((p.rowID, p.published, c))
            }
            try store.replaceClassifications(items)
            done += page.count
            last = tail.rowID
        }
        return (done, changed)
    }
}
