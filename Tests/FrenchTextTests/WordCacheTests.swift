@testable import FrenchText
import Testing

/// The tokenizer remembers frequent words from one text to the next in its buffer; a buffer
/// with the memo must give exactly what the plain path (no memo) gives.
struct WordCacheTests {
    static let texts = [
        "Vos missions : développer des modèles d’apprentissage automatique (machine learning) et des pipelines de données.",
        "Profil recherché : data engineer·e, maîtrise de SQL, Python, Spark ; connaissance du RGPD appréciée. Les données, la donnée !",
        "DÉVELOPPEUSE DATA (H/F) — Cheffe de projet données — sécurité des systèmes d’information, analyste SOC N2",
        "Qui sommes-nous ? Une entreprise de services numériques. Nos avantages : télétravail, tickets restaurant.",
        String(repeating: "analyse des données et gouvernance de la donnée, ", count: 40),
        // Keys of exactly 8 and 16 bytes, repeated so that they are read back from the memo.
        String(repeating: "Pseudonymisation, interoperabilite ; pilotage, securite, PSEUDONYMISATION. ", count: 12),
        "médiatrice numérique, ateliers d’inclusion numérique ; réalité virtuelle, Unity 3D, scénographie immersive",
    ]

    static func snapshot(_ b: TokenBuffer) -> [String] {
        (0..<b.count).map { i in
            let t = b.tokens[i]
            return "\(t.start)-\(t.end) \(b.key(i)) \(b.stem(i)) \(t.flags.rawValue) \(t.word)"
        }
    }

    static func vocabulary() -> WordTable {
        var vocabulary = WordTable()
        for w in ["donnee", "analys", "gouvernanc", "developpeur", "securite", "sql", "python", "model", "numeriqu",
                  "pseudonymisation", "interoperabilit", "pilotag"] {
            _ = vocabulary.intern(Array(w.utf8))
        }
        return vocabulary
    }

    @Test func aBufferWithTheMemoGivesWhatThePlainPathGives() {
        let tokenizer = Tokenizer(vocabulary: Self.vocabulary())
        var plain = tokenizer
        plain.usesWordMemo = false
        var reused = TokenBuffer()
        var found = 0, hitsPossible = 0
        // Twice over the texts: the second round reads what the first remembered.
        for text in Self.texts + Self.texts {
            var reference = TokenBuffer()
            var a = text, b = text
            a.withUTF8 { tokenizer.tokenize($0, into: &reused) }
            b.withUTF8 { plain.tokenize($0, into: &reference) }
            #expect(reference.cache == nil)
            #expect(reused.cache != nil || text.utf8.count < 512)
            #expect(Self.snapshot(reused) == Self.snapshot(reference))
            found += reused.tokens.filter { $0.word >= 0 }.count
            hitsPossible += (0..<reused.count).filter { reused.key($0).utf8.count == 16 }.count
        }
        #expect(found > 40)
        #expect(hitsPossible > 20)
        // Many long texts went through `reused`: it has the larger memo; one text alone, the smaller.
        #expect(reused.cache?.bits == WordCache.largeBits)
        var single = TokenBuffer()
        var long = Self.texts[4]
        long.withUTF8 { tokenizer.tokenize($0, into: &single) }
        #expect(single.cache?.bits == WordCache.smallBits)
    }

    /// Job titles one after the other through one buffer made for short texts (the ROME matcher's):
    /// the memo and working memory are kept from the first title on, with the same tokens.
    @Test func aBufferForShortTextsGivesWhatAFreshBufferGives() {
        let tokenizer = Tokenizer(vocabulary: Self.vocabulary())
        var plain = tokenizer
        plain.usesWordMemo = false
        var reused = TokenBuffer(reusedForShortTexts: true)
        let titles = ["développeur python", "Développeuse Python (H/F)", "data analyst", "analyste de données",
                      "pseudonymisation", "chef de projet sécurité des systèmes", "SQL", "", "  ", "gouvernance",
                      "ingénieur interoperabilite donnees", "Data Engineer - CDI - Lyon", "développeur python"]
        for title in titles + titles {
            var fresh = TokenBuffer()
            var a = title, b = title
            a.withUTF8 { tokenizer.tokenize($0, into: &reused) }
            b.withUTF8 { plain.tokenize($0, into: &fresh) }
            #expect(reused.cache != nil)
            #expect(Self.snapshot(reused) == Self.snapshot(fresh), "\(title)")
        }
    }

    /// A tokenizer that does not keep stems (the matcher's) gives the same tokens, ids and flags
    /// with empty stem ranges; a memo it filled still gives stems to one that keeps them.
    @Test func stemsCanBeLeftOutWithTheSameTokens() {
        let keeping = Tokenizer(vocabulary: Self.vocabulary())
        var leaving = keeping
        leaving.keepsStems = false
        func strip(_ b: TokenBuffer) -> [String] {
            (0..<b.count).map { i in let t = b.tokens[i]; return "\(t.start)-\(t.end) \(b.key(i)) \(t.flags.rawValue) \(t.word)" }
        }
        var shared = TokenBuffer()
        for text in Self.texts + Self.texts {
            var reference = TokenBuffer(), lean = TokenBuffer()
            var a = text, b = text, c = text
            a.withUTF8 { keeping.tokenize($0, into: &reference) }
            b.withUTF8 { leaving.tokenize($0, into: &lean) }
            #expect(strip(lean) == strip(reference))
            #expect(lean.stems.isEmpty && lean.tokens.allSatisfy { $0.stemStart == $0.stemEnd })
            // One buffer, one memo, both kinds of tokenizer in turn.
            c.withUTF8 { leaving.tokenize($0, into: &shared) }
            c.withUTF8 { keeping.tokenize($0, into: &shared) }
            #expect(Self.snapshot(shared) == Self.snapshot(reference))
        }
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
    }

    @Test func aCopiedBufferGetsItsOwnMemo() {
        let tokenizer = Tokenizer(vocabulary: Self.vocabulary())
        var buffer = TokenBuffer()
        var text = Self.texts[4]
        text.withUTF8 { tokenizer.tokenize($0, into: &buffer) }
        let memo = buffer.cache
        #expect(memo != nil)
        var copy = buffer
        text.withUTF8 { tokenizer.tokenize($0, into: &copy) }
        // Same vocabulary, yet the copy writes to a memo of its own; the original keeps its memo.
        #expect(copy.cache !== memo)
        #expect(buffer.cache === memo)
        #expect(Self.snapshot(copy) == Self.snapshot(buffer))
    }
}
