import Classifier
import Foundation
import Records
import Taxonomy

let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let sharedData = repoRoot.appendingPathComponent("../shared/data").standardizedFileURL
let sharedPresent = FileManager.default.fileExists(atPath: sharedData.appendingPathComponent("postings/postings.jsonl").path)

/// The shipped taxonomy, compiled once for all tests.
let classifier: Classifier = {
    let (tax, _) = try! TaxonomyLoader(directory: repoRoot.appendingPathComponent("Taxonomy")).load()
    return Classifier(taxonomy: tax)
}()

func classify(_ title: String, _ description: String = "") -> Classification {
    var scratch = Classifier.Scratch()
    return classifier.classify(Posting(id: "t", title: title, description: description), scratch: &scratch)
}

extension Classification {
    var competencyIDs: Set<String> { Set(competencies.map(\.id)) }
    /// Competencies with at least one evidence that is not negated.
    var assertedIDs: Set<String> { Set(competencies.filter { $0.evidence.contains { !$0.negated } }.map(\.id)) }
    func evidence(_ id: String) -> [Evidence] { competencies.first { $0.id == id }?.evidence ?? [] }
}

/// The substring at Unicode scalar offsets.
func slice(_ text: String, _ start: Int, _ end: Int) -> String {
    let scalars = Array(text.unicodeScalars)
    return String(String.UnicodeScalarView(scalars[start..<end]))
}
