import Classifier
import Foundation
import Ingest
import Records
import Testing

/// Domain-level precision, recall and F1 on labelled postings. Thresholds are set below what
/// the current taxonomy reaches (see QUALITY.md) so that a regression fails the suite.
struct QualityTests {
    struct Score: CustomStringConvertible {
        var tp = 0, fp = 0, fn = 0
        var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
        var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        var description: String { String(format: "P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", precision, recall, f1, tp, fp, fn) }
    }

    static func score(gold: [String: Set<String>], predicted: [String: [String]]) -> (Score, [String: Score]) {
        var micro = Score()
        var per: [String: Score] = [:]
        for (id, g) in gold {
            guard let p = predicted[id].map(Set.init) else { continue }
            for d in ["ia", "donnees", "cybersecurite", "mediation", "immersif"] {
                var s = per[d] ?? Score()
                switch (p.contains(d), g.contains(d)) {
                case (true, true): s.tp += 1; micro.tp += 1
                case (true, false): s.fp += 1; micro.fp += 1
                case (false, true): s.fn += 1; micro.fn += 1
                default: break
                }
                per[d] = s
            }
        }
        return (micro, per)
    }

    @Test(.enabled(if: sharedPresent, "../shared/data absent : jeu de développement non évalué"))
    func developmentSetOnSharedPostings() throws {
        let labels = try String(contentsOf: repoRoot.appendingPathComponent("Tests/ClassifierTests/Resources/devset.tsv"), encoding: .utf8)
        var gold: [String: Set<String>] = [:]
        for line in labels.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 2 else { continue }
            gold[String(f[0])] = f[1] == "-" ? [] : Set(f[1].split(separator: ",").map(String.init))
        }
        #expect(gold.count >= 150)
        var predicted: [String: [String]] = [:]
        var scratch = Classifier.Scratch()
        for (file, prefix) in [("postings/postings.jsonl", ""), ("postings/raw/france-travail-ardeche.csv", "ardeche:")] {
            for case .success(let p) in try PostingReader(path: sharedData.appendingPathComponent(file).path) {
                let id = prefix + p.id
                guard gold[id] != nil else { continue }
                predicted[id] = classifier.classify(p, scratch: &scratch).domains
            }
        }
        #expect(predicted.count == gold.count, "postings du jeu introuvables : \(Set(gold.keys).subtracting(predicted.keys).prefix(5))")
        let (micro, per) = Self.score(gold: gold, predicted: predicted)
        print("jeu de développement : micro \(micro)")
        for (d, s) in per.sorted(by: { $0.key < $1.key }) { print("  \(d) \(s)") }
        #expect(micro.f1 >= 0.85)
        #expect(micro.precision >= 0.85)
    }

    @Test func syntheticPostingsWithRareDomainsAndTraps() throws {
        let url = repoRoot.appendingPathComponent("Tests/ClassifierTests/Resources/synthetic-postings.jsonl")
        var gold: [String: Set<String>] = [:]
        var predicted: [String: [String]] = [:]
        var scratch = Classifier.Scratch()
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let p = Posting(id: obj["id"] as! String, title: obj["title"] as! String, description: obj["description"] as! String)
            gold[p.id] = Set(obj["domains"] as! [String])
            predicted[p.id] = classifier.classify(p, scratch: &scratch).domains
        }
        let (micro, per) = Self.score(gold: gold, predicted: predicted)
        print("postings synthétiques : micro \(micro)")
        #expect(micro.f1 >= 0.9)
        #expect(per["mediation"]!.f1 >= 0.85)
        #expect(per["immersif"]!.f1 >= 0.85)
    }
}
