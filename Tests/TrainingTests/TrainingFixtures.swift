import Foundation
import Records
import Taxonomy

/// Paths to the repository's files and to `../shared` data, and small invented LHEO documents.
enum TrainingFixtures {
    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let demoFile = root.appendingPathComponent("Data/demo-formations.lheo.xml").path
    /// The real LHEO example, read at run time from `../shared` (never copied into the repository).
    static let realSample = root.deletingLastPathComponent().appendingPathComponent(
        "shared/data/training/lheo-exemple-bts-onisep.xml").path
    static var hasRealSample: Bool { FileManager.default.fileExists(atPath: realSample) }

    static let taxonomy: Taxonomy = {
        try! TaxonomyLoader(directory: root.appendingPathComponent("Taxonomy")).load().0
    }()

    /// One invented `<formation>`; `extra` goes inside the formation, `action` replaces the default action.
    static func formation(numero: String? = "F1", title: String = "Formation inventée", objectives: String = "",
                          content: String = "", prerequisites: String = "-", codes: String = "",
                          action: String? = nil, extra: String = "") -> String {
        let num = numero.map { " numero=\"\($0)\"" } ?? ""
        let act = action ?? """
            <action numero="A1">
            <conditions-specifiques>\(prerequisites)</conditions-specifiques>
            <lieu-de-formation><coordonnees><adresse><codepostal>35000</codepostal><ville>Rennes</ville>
            <departement>35</departement><code-INSEE-commune>35238</code-INSEE-commune><region>53</region></adresse></coordonnees></lieu-de-formation>
            <session numero="S1"><periode><debut>20250106</debut><fin>20250328</fin></periode></session>
            <nombre-heures-total>120</nombre-heures-total>
            </action>
            """
        return """
        <formation\(num)>
        <domaine-formation>\(codes)</domaine-formation>
        <intitule-formation>\(title)</intitule-formation>
        <objectif-formation>\(objectives)</objectif-formation>
        <contenu-formation>\(content)</contenu-formation>
        \(act)
        <organisme-formation-responsable><SIRET-organisme-formation><SIRET>12345678900011</SIRET></SIRET-organisme-formation>
        <nom-organisme>Organisme inventé</nom-organisme></organisme-formation-responsable>
        \(extra)
        </formation>
        """
    }

    /// A whole document around `formations`; `namespace: nil` writes no namespace.
    static func document(_ formations: String..., namespace: String? = "http://www.lheo.org/2.2",
                         prolog: String = "") -> Data {
        let ns = namespace.map { " xmlns=\"\($0)\"" } ?? ""
        return Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\(prolog)<lheo\(ns)>\n<offres>\n\(formations.joined(separator: "\n"))\n</offres>\n</lheo>\n".utf8)
    }

    /// XML-escapes markup, as LHEO files carry HTML.
    static func escaped(_ html: String) -> String {
        html.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
