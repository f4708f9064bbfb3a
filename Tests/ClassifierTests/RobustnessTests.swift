import Classifier
import Records
import Testing

/// Hostile and random text never crashes the classifier, and every evidence span still reads
/// back exactly from the input.
struct RobustnessTests {
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = ["IA", "l’", "d'", "machine", " learning", "·se", ".euse", "(H/F)", "<p>", "</li>", "&nbsp;", "&lt;b&gt;",
                         "&#x2019;", "&#0;", "&#xD800;", "&amp", "<script>", "</script>", "<!--", "-->", "é", "e\u{301}", "œ", "ﬁ",
                         "\u{00AD}", "\u{200B}", "\u{202F}", "\u{FEFF}", "🚀", "👩🏽‍💻", "\u{202E}", "Ω", "ß", "C++", "C#", ".NET",
                         "Node.js", "3.5", "k8s", "3D", "SOC", "sans ", "aucune ", "requise", "Vos missions :", "\n", "\r\n", "\t",
                         " ", ".", ":", "?", "•", "-", "/", "(", ")", "Profil recherchéVous", "Power BI", "RGPD", "Qui sommes-nous ?"]

    @Test func randomMixturesOfTrickyPieces() {
        var rng = SplitMix(state: 20261125)
        var scratch = Classifier.Scratch()
        let c = classifier
        for _ in 0..<1500 {
            let n = Int.random(in: 0..<60, using: &rng)
            var text = ""
            for _ in 0..<n { text += Self.pieces.randomElement(using: &rng)! }
            let title = String(text.prefix(Int.random(in: 0...20, using: &rng)))
            let result = c.classify(Posting(id: "x", title: title, description: text), scratch: &scratch)
            let full = title + "\n" + text
            for m in result.competencies {
                for e in m.evidence { #expect(slice(full, e.start, e.end) == e.text) }
            }
        }
    }

    @Test func veryLongAndDegenerateTexts() {
        var scratch = Classifier.Scratch()
        let long = String(repeating: "machine learning, ", count: 20_000)
        let r = classifier.classify(Posting(id: "x", title: "", description: long), scratch: &scratch)
        #expect(r.evidence("ia.apprentissage-automatique").count == 20_000)
        for text in ["", "\n\n\n", String(repeating: "<", count: 10_000), String(repeating: "&", count: 10_000),
                     String(repeating: "é", count: 50_000), String(repeating: "<div>", count: 5_000)] {
            _ = classifier.classify(Posting(id: "x", title: text, description: text), scratch: &scratch)
        }
    }
}
