import FrenchText
import Testing

/// The tokenizer remembers frequent words from one text to the next in its buffer; a reused
/// buffer must give exactly what a fresh one gives.
struct WordCacheTests {
    static let texts = [
        "Vos missions : développer des modèles d’apprentissage automatique (machine learning) et des pipelines de données.",
        "Profil recherché : data engineer·e, maîtrise de SQL, Python, Spark ; connaissance du RGPD appréciée. Les données, la donnée !",
        "DÉVELOPPEUSE DATA (H/F) — Cheffe de projet données — sécurité des systèmes d’information, analyste SOC N2",
        "Qui sommes-nous ? Une entreprise de services numériques. Nos avantages : télétravail, tickets restaurant.",
        String(repeating: "analyse des données et gouvernance de la donnée, ", count: 40),
        "médiatrice numérique, ateliers d’inclusion numérique ; réalité virtuelle, Unity 3D, scénographie immersive",
    ]

    static func snapshot(_ b: TokenBuffer) -> [String] {
        (0..<b.count).map { i in
            let t = b.tokens[i]
            return "\(t.start)-\(t.end) \(b.key(i)) \(b.stem(i)) \(t.flags.rawValue) \(t.word)"
        }
    }

    @Test func reusedBufferGivesWhatAFreshOneGives() {
        var vocabulary = WordTable()
        for w in ["donnee", "analys", "gouvernanc", "developpeur", "securite", "sql", "python", "model", "numeriqu"] {
            _ = vocabulary.intern(Array(w.utf8))
        }
        let tokenizer = Tokenizer(vocabulary: vocabulary)
        var reused = TokenBuffer()
        var found = 0
        // Twice over the texts: the second round reads what the first remembered.
        for text in Self.texts + Self.texts {
            var fresh = TokenBuffer()
            var a = text, b = text
            a.withUTF8 { tokenizer.tokenize($0, into: &reused) }
            b.withUTF8 { tokenizer.tokenize($0, into: &fresh) }
            #expect(Self.snapshot(reused) == Self.snapshot(fresh))
            found += reused.tokens.filter { $0.word >= 0 }.count
        }
        #expect(found > 40)
    }

    @Test func aNewVocabularyIsNotAnsweredFromTheMemo() {
        var vocabulary = WordTable()
        _ = vocabulary.intern(Array("donnee".utf8))
        var buffer = TokenBuffer()
        var text = Self.texts[4]
        text.withUTF8 { Tokenizer(vocabulary: vocabulary).tokenize($0, into: &buffer) }
        let analyse = (0..<buffer.count).first { buffer.key($0) == "analyse" }!
        #expect(buffer.tokens[analyse].word == -1)
        // The same buffer with a grown vocabulary: `analyse` now has an id.
        let id = vocabulary.intern(Array("analys".utf8))
        text.withUTF8 { Tokenizer(vocabulary: vocabulary).tokenize($0, into: &buffer) }
        #expect(buffer.tokens[analyse].word == id)
        // And a copy of the buffer tokenizes on its own (no shared memo).
        var copy = buffer
        text.withUTF8 { Tokenizer().tokenize($0, into: &copy) }
        #expect(copy.tokens[analyse].word == -1)
        #expect(buffer.tokens[analyse].word == id)
    }
}
