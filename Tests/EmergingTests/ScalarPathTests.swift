@testable import Classifier
@testable import Emerging
import Foundation
import Testing

/// Title normalization and the feminine map take a scalar path when every scalar of the text is
/// a character of its own (all below U+0300), and the character path otherwise. Both must give
/// the same result: checked on every ROME appellation (masculine and feminine labels) and on
/// hand-written titles with the noise the normalizer removes.
struct ScalarPathTests {
    static let reference = try! RomeReference.load(directory: romeDirectory)

    static let titles = [
        "Développeur·se Full-Stack (H/F) - CDI - Lyon (69)", "Data Scientist (F/H) – Paris 75008, Télétravail",
        "Chef(fe) de projet | Remote | 45-55k€", "Technicien.ne réseau (h/f/nb) /  Marseille", "(H/F) Analyste SOC N2",
        "Ingénieure DevOps F/H,  CDD 6 mois", "Médiateur/Médiatrice numérique (CDI) - 35h", "Consultant(e) SAP FI/CO (H/F)",
        "Développeur .NET / C# (75) - ", "- Administrateur système -", "Cheffe de projet (très (imbriqué)) data",
        "Responsable (Paris 15ème arrondissement, 3 jours de télétravail par semaine) IA", "Expert·e ¾ temps (²)",
        "Animateur·rice d’ateliers numériques", "Conseiller numérique France Services (H/F/X)", "   ", "(75)", "",
    ]

    /// `TitleNormalizer.masculine` looks nothing up for words that do not end in `e`.
    @Test func feminineFormsAllEndInE() {
        let words = Array(TitleNormalizer.feminineWords.keys) + Array(TitleNormalizer.keep) + TitleNormalizer.feminine.map(\.0)
        #expect(words.count > 80)
        for w in words { #expect(w.hasSuffix("e"), "\(w)") }
        #expect(TitleNormalizer.masculine("développeuse") == "développeur")
        #expect(TitleNormalizer.masculine("cheffe") == "chef")
        #expect(TitleNormalizer.masculine("service") == "service")
        #expect(TitleNormalizer.masculine("employé") == "employé")
        #expect(TitleNormalizer.masculine("développeur") == "développeur")
    }

    @Test func titleNormalizerPathsAgree() {
        var checked = 0, latin1 = 0
        var labels = Self.titles
        for a in Self.reference.appellations { labels.append(a.masculine); labels.append(a.feminine) }
        // Real posting titles too, when ../shared is there (read at run time, never copied).
        if sharedPresent, let text = try? String(contentsOf: sharedData.appendingPathComponent("postings/postings.jsonl"), encoding: .utf8) {
            for line in text.split(separator: "\n") {
                if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                   let title = object["title"] as? String { labels.append(title) }
            }
        }
        for title in labels {
            let t = TitleNormalizer.scalars(of: title)
            // The Latin-1 fast path against String.lowercased().
            #expect(t == title.lowercased().unicodeScalars.map(TitleNormalizer.unify), "\(title)")
            // The UTF-8 → Latin-1 units path against those scalars, when it applies.
            if let units = TitleNormalizer.latin1Units(of: title) {
                #expect(units == t.map { UInt16($0.value) }, "\(title)")
                latin1 += 1
            }
            guard t.allSatisfy({ $0.value < 0x300 }) else { continue }
            #expect(TitleNormalizer.normalizeSimple(t) == TitleNormalizer.normalizeCharacters(t), "\(title)")
            checked += 1
        }
        #expect(checked > 26_000)
        #expect(latin1 > 25_000)
    }

    @Test func feminineMapPathsAgree() {
        let map = FeminineMap(reference: Self.reference)
        for a in Self.reference.appellations.prefix(4_000) {
            for label in [a.masculine, a.feminine] {
                let lower = label.lowercased()
                #expect(FeminineMap.words(label) == FeminineMap.wordsCharacters(lower), "\(label)")
                let normalized = TitleNormalizer.normalize(label)
                #expect(map.masculinize(normalized) == map.masculinizeCharacters(normalized), "\(label)")
            }
        }
        for title in Self.titles {
            let normalized = TitleNormalizer.normalize(title)
            #expect(map.masculinize(normalized) == map.masculinizeCharacters(normalized), "\(title)")
        }
    }

    /// Random titles made of the pieces the normalizer reacts to (separators, parentheses, gender
    /// markers, inclusive suffixes, numbers, odd spaces): no crash, and both paths agree. It found
    /// `Data - - Analyst`, a separator right after another, which crashed every command that
    /// reads titles.
    @Test func randomTitlesNeitherCrashNorDisagree() {
        let pieces = [" ", "  ", " - ", "-", " | ", "|", " / ", "/", ", ", ",", "(", ")", "(H/F)", "h/f", "F/H", "·", ".",
                      "e", "se", "ne", "euse", "Data", "Développeur", "Cheffe", "CDI", "75", "69000", "télétravail", "’",
                      "'", ":", "–", "—", "\u{A0}", "\u{202F}", "\t", "\n", "é", "x", "nb", "(75)", "((", "))", "²", "¾",
                      "Ingénieure", "(se)", ".euse", "·ne", "/se"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        var titles = ["Data - - Analyst", "a - - - b", "- - -", " - ", "Data , , Analyst", "x | - / y", "(H/F) - - (F/H)"]
        for _ in 0..<20_000 { titles.append((0..<(1 + next(12))).map { _ in pieces[next(pieces.count)] }.joined()) }
        var compared = 0
        for title in titles {
            let normalized = TitleNormalizer.normalize(title)
            #expect(!normalized.hasPrefix(" ") && !normalized.hasSuffix(" "), "\(title)")
            let t = TitleNormalizer.scalars(of: title)
            if let units = TitleNormalizer.latin1Units(of: title) { #expect(units == t.map { UInt16($0.value) }, "\(title)") }
            guard t.allSatisfy({ $0.value < 0x300 }) else { continue }
            #expect(TitleNormalizer.normalizeSimple(t) == TitleNormalizer.normalizeCharacters(t), "\(title)")
            compared += 1
        }
        #expect(compared > 15_000)
        #expect(TitleNormalizer.normalize("Data - - Analyst") == "data - analyst")
    }
}
