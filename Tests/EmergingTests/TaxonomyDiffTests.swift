import Emerging
import Foundation
import Taxonomy
import Testing

/// `TaxonomyDiff` on two temporary taxonomy folders.
struct TaxonomyDiffTests {
    static func folder(_ body: String) throws -> Taxonomy {
        let dir = try temporaryDirectory("diff")
        try ("domain: donnees\nlabel: Données\nlabel-en: Data\n\n" + body)
            .write(to: dir.appendingPathComponent("donnees.tax"), atomically: true, encoding: .utf8)
        try "1".write(to: dir.appendingPathComponent("VERSION"), atomically: true, encoding: .utf8)
        return try TaxonomyLoader(directory: dir).load().0
    }

    @Test func addedRemovedChangedAndImpact() throws {
        let old = try Self.folder("""
        competency: donnees.visualisation
        label: Visualisation de données
        label-en: Data visualization
        variant: dataviz
        variant: tableau de bord

        competency: donnees.olap
        label: Cubes OLAP
        label-en: OLAP cubes
        """)
        let new = try Self.folder("""
        competency: donnees.visualisation
        label: Visualisation de données
        label-en: Data visualization
        weight: support
        variant: dataviz
        variant: power bi

        competency: donnees.jumeau-numerique
        label: Jumeau numérique
        label-en: Digital twin
        """)
        let diff = TaxonomyDiff(old: old, new: new)
        #expect(diff.added.map(\.id) == ["donnees.jumeau-numerique"])
        #expect(diff.removed.map(\.id) == ["donnees.olap"])
        let change = try #require(diff.changed.first)
        #expect(change.id == "donnees.visualisation")
        #expect(change.addedWordings == ["variant: power bi"])
        #expect(change.removedWordings == ["variant: tableau de bord"])
        #expect(change.fields == ["weight"])
        #expect(diff.report.contains("+ donnees.jumeau-numerique"))

        let postings: [(id: String, title: String, description: String)] = [
            ("a", "Ingénieur jumeau numérique", "Concevoir le jumeau numérique de l’usine et ses tableaux Power BI."),
            ("b", "Analyste cubes OLAP", "Maintenir les cubes OLAP et les cubes OLAP historiques."),
            ("c", "Comptable", "Tenir la comptabilité."),
        ]
        let impact = TaxonomyDiff.impact(old: old, new: new, postings: postings)
        let donnees = try #require(impact.first { $0.domain == "donnees" })
        #expect(donnees.gainedExamples == ["a"])
        #expect(donnees.lostExamples == ["b"])
    }
}
