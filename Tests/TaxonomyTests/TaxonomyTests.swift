import Foundation
import Taxonomy
import Testing

/// The repository root, from this file's path.
let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let escoSkills = repoRoot.appendingPathComponent("../shared/data/taxonomies/esco-fr/skills_fr.csv").standardizedFileURL

/// Writes a taxonomy folder in a temporary directory.
func taxonomyFolder(_ files: [String: String], version: String? = "2026.1") throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tax-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    if let version { try version.write(to: dir.appendingPathComponent("VERSION"), atomically: true, encoding: .utf8) }
    return dir
}

let header = "domain: ia\nlabel: Intelligence artificielle\nlabel-en: Artificial intelligence\n"

struct ShippedTaxonomyTests {
    @Test func loadsWithoutErrorsAndHasThirtyCompetenciesPerDomain() throws {
        let (tax, diagnostics) = try TaxonomyLoader(directory: repoRoot.appendingPathComponent("Taxonomy")).load()
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(tax.domains.map(\.id) == knownDomains)
        for d in knownDomains { #expect(tax.competencies(in: d).count >= 30, "\(d)") }
        #expect(tax.version.human.split(separator: ".").count == 3)
        #expect(tax.version.hash.count == 12)
    }

    @Test func lintFindsNothing() throws {
        let (tax, _) = try TaxonomyLoader(directory: repoRoot.appendingPathComponent("Taxonomy")).load()
        let problems = TaxonomyLinter(escoSkillsFile: escoSkills).lint(tax).filter { $0.severity == .error }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test func everyCompetencyHasReferencesWhereFrameworksApply() throws {
        let (tax, _) = try TaxonomyLoader(directory: repoRoot.appendingPathComponent("Taxonomy")).load()
        #expect(tax.competencies.filter { !$0.rome.isEmpty }.count >= 200)
        #expect(tax.competencies(in: "cybersecurite").contains { !$0.ecsf.isEmpty })
        #expect(tax.competencies(in: "mediation").contains { !$0.digcomp.isEmpty })
        #expect(tax.competencies.contains { !$0.esco.isEmpty })
    }
}

struct LoaderDiagnosticsTests {
    @Test func malformedLineNamesFileAndLine() throws {
        let dir = try taxonomyFolder(["ia.tax": header + "\ncompetency: ia.test\nlabel: Test\nlabel-en: Test\nvariant machine learning\n"])
        let (_, diagnostics) = try TaxonomyLoader(directory: dir).parse()
        let d = try #require(diagnostics.first)
        #expect(d.file == "ia.tax" && d.line == 8)
        #expect(d.description.contains("ia.tax:8"))
        #expect(throws: TaxonomyLoader.LoadError.self) { try TaxonomyLoader(directory: dir).load() }
    }

    /// A taxonomy file saved by a Windows editor (CRLF line endings) loads as the same taxonomy,
    /// with the same line numbers in its messages.
    @Test func windowsLineEndingsLoadTheSame() throws {
        let text = header + "\ncompetency: ia.ml\nlabel: Apprentissage automatique\nlabel-en: Machine learning\nvariant: machine learning\n"
        let unix = try TaxonomyLoader(directory: taxonomyFolder(["ia.tax": text])).parse()
        let windows = try TaxonomyLoader(directory: taxonomyFolder(["ia.tax": text.replacingOccurrences(of: "\n", with: "\r\n")])).parse()
        #expect(windows.1.isEmpty, "\(windows.1)")
        #expect(windows.0.competencies.map(\.id) == ["ia.ml"])
        #expect(windows.0.competencies.map(\.label) == unix.0.competencies.map(\.label))
        #expect(windows.0.competencies.first?.wordings.map(\.text) == unix.0.competencies.first?.wordings.map(\.text))
        let bad = try TaxonomyLoader(directory: taxonomyFolder(["ia.tax": (text + "variant machine\n").replacingOccurrences(of: "\n", with: "\r\n")])).parse()
        #expect(bad.1.first?.line == 9)
    }

    @Test func emptyLabelsUnknownDomainAndBadGuards() throws {
        let dir = try taxonomyFolder([
            "ia.tax": header + "competency: ia.vide\nlabel:\nlabel-en: Empty\nacronym: ML | loin: python\n",
            "robotique.tax": "domain: robotique\nlabel: Robotique\nlabel-en: Robotics\n",
        ])
        let (_, diagnostics) = try TaxonomyLoader(directory: dir).parse()
        let messages = diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("libellé français vide") })
        #expect(messages.contains { $0.contains("garde inconnue « loin »") })
        #expect(messages.contains { $0.contains("domaine inconnu « robotique »") })
    }

    @Test func duplicateWordingsAcrossCompetenciesAreFound() throws {
        let dir = try taxonomyFolder(["ia.tax": header + """
            competency: ia.a
            label: Apprentissage automatique
            label-en: Machine learning
            competency: ia.b
            label: Autre
            label-en: Other
            variant: apprentissages automatiques
            """])
        let (tax, _) = try TaxonomyLoader(directory: dir).parse()
        let problems = TaxonomyLinter().lint(tax).filter { $0.message.contains("se confond") }
        #expect(problems.count == 1)
        #expect(problems.first?.line == 10)
    }

    @Test func escoURIsAreCheckedAgainstTheESCOFile() throws {
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("skills-\(UUID().uuidString).csv")
        try "conceptType,conceptUri\nKnowledgeSkillCompetence,http://data.europa.eu/esco/skill/aaaa\n".write(to: csv, atomically: true, encoding: .utf8)
        let dir = try taxonomyFolder(["ia.tax": header + """
            competency: ia.a
            label: Apprentissage automatique
            label-en: Machine learning
            esco: http://data.europa.eu/esco/skill/aaaa
            competency: ia.b
            label: Vision par ordinateur
            label-en: Computer vision
            esco: http://data.europa.eu/esco/skill/bbbb
            """])
        let (tax, _) = try TaxonomyLoader(directory: dir).parse()
        let problems = TaxonomyLinter(escoSkillsFile: csv).lint(tax).filter { $0.message.contains("URI ESCO absente") }
        #expect(problems.count == 1 && problems[0].message.contains("bbbb"))
    }

    @Test func versionHashFollowsContent() throws {
        let a = try taxonomyFolder(["ia.tax": header])
        let b = try taxonomyFolder(["ia.tax": header + "# commentaire\n"])
        let va = try TaxonomyLoader(directory: a).parse().0.version
        let va2 = try TaxonomyLoader(directory: a).parse().0.version
        let vb = try TaxonomyLoader(directory: b).parse().0.version
        #expect(va == va2)
        #expect(va.hash != vb.hash)
        #expect(va.description == "2026.1+" + va.hash)
    }
}

struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Whole blocks are hashed straight from the caller's buffer and the rest byte by byte:
    /// any split of the input, contiguous or not, gives the one-shot digest.
    @Test(arguments: [1, 3, 63, 64, 65, 200])
    func chunkedUpdatesEqualOneShot(chunk: Int) {
        let text = Array(String(repeating: "Ingénieur·e en cybersécurité (H/F) – ", count: 40).utf8)
        var split = SHA256(), lazy = SHA256()
        for start in stride(from: 0, to: text.count, by: chunk) {
            split.update(text[start..<min(start + chunk, text.count)])
            lazy.update(text[start..<min(start + chunk, text.count)].lazy.map { $0 })
        }
        let oneShot = SHA256.hex(text)
        #expect(split.finalize().map { String(format: "%02x", $0) }.joined() == oneShot)
        #expect(lazy.finalize().map { String(format: "%02x", $0) }.joined() == oneShot)
    }
}

/// A wording gets a second, camel-case-split form only when its text has a case change; the
/// check must see one across a dot kept inside a word (`Vue.Js`), as the tokenizer does.
struct WordingFormTests {
    @Test func caseChangesGiveTwoForms() {
        func forms(_ text: String) -> [[String]] { Wording(text: text, kind: .variant).forms.map(\.stems) }
        #expect(forms("JavaScript").count == 2)
        #expect(forms("Vue.Js").count == 2)
        #expect(forms("Vue.Js").contains(["vue.js"]))
        #expect(forms("Machine learning") == [["machin", "learning"]])
        #expect(forms("Power BI").count == 1)
        #expect(forms("Node.js").count == 1)
    }
}
