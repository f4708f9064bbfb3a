@testable import FrenchText
import Testing

/// The tokenizer lists the tokens that start a line or clause and those of marked words, so
/// that the classifier reads only them; both lists must be exactly what a scan of all tokens gives.
struct TokenListsTests {
    static let texts = WordCacheTests.texts + [
        "Intitulé : Data analyst (H/F)\n• Missions :\n- analyser les données ; - produire des tableaux de bord Power BI.\nProfil : SQL, Python… Vous êtes curieux·se ? Rejoignez-nous !",
        "", "   ", "Données", "l’analyse des données. La donnée ! Sans SQL ? Non : avec SQL.",
        // Longer than the tokenizer's first guess of the token count: its storage grows.
        String(repeating: "a b c d e f g h données ; ", count: 300),
    ]

    @Test func listsMatchAScanOfAllTokens() {
        // Words as written, numbered by their stems; the last three are marked.
        var vocabulary = WordTable()
        for w in ["analyse", "Python", "modèles", "données", "SQL", "sécurité"] {
            _ = vocabulary.intern(Array(Tokenizer().tokenize(w).stem(0).utf8))
        }
        var tokenizer = Tokenizer(vocabulary: vocabulary)
        tokenizer.marks = [false, false, false, true, true, true]
        var buffer = TokenBuffer()
        var markedSeen = 0
        for text in Self.texts + Self.texts {
            var t = text
            t.withUTF8 { tokenizer.tokenize($0, into: &buffer) }
            let starts = (0..<buffer.count).filter {
                !buffer.tokens[$0].flags.intersection([.lineStart, .clauseStart]).isEmpty
            }.map(Int32.init)
            let marked = (0..<buffer.count).filter {
                let w = buffer.tokens[$0].word
                return w >= 0 && tokenizer.marks[Int(w)]
            }.map(Int32.init)
            #expect(buffer.clauseStarts == starts, "\(text.prefix(40))")
            #expect(buffer.marked == marked, "\(text.prefix(40))")
            markedSeen += marked.count
        }
        #expect(markedSeen > 600)
    }

    @Test func markedTokensAreTheWordsAsked() {
        var vocabulary = WordTable()
        let sql = vocabulary.intern(Array("sql".utf8))
        _ = vocabulary.intern(Array("python".utf8))
        var tokenizer = Tokenizer(vocabulary: vocabulary)
        tokenizer.marks = [true, false]
        let buffer = tokenizer.tokenize("Maîtrise de SQL et Python ; le SQL avancé.\nSQL")
        #expect(buffer.marked.map { buffer.key(Int($0)) } == ["sql", "sql", "sql"])
        #expect(buffer.marked.allSatisfy { buffer.tokens[Int($0)].word == sql })
        // Line and clause starts: `Maîtrise`, `le` (after `;`), `SQL` (new line).
        #expect(buffer.clauseStarts.map { buffer.key(Int($0)) } == ["maitrise", "le", "sql"])
        // Without marks nothing is listed.
        #expect(Tokenizer(vocabulary: vocabulary).tokenize("SQL, SQL").marked.isEmpty)
    }

    /// A reused buffer keeps the scanner's working memory: texts of growing and shrinking sizes
    /// must tokenize exactly as in a fresh buffer, and a copy must not write into the original.
    @Test func aReusedBufferTokenizesAsAFreshOne() {
        let tokenizer = Tokenizer(vocabulary: WordCacheTests.vocabulary())
        let base = WordCacheTests.texts.joined(separator: "\n")
        let texts = [base, String(repeating: base, count: 6), "Data analyst (H/F)", String(repeating: base, count: 20), base]
        var reused = TokenBuffer()
        for text in texts {
            var t = text
            t.withUTF8 { tokenizer.tokenize($0, into: &reused) }
            let fresh = tokenizer.tokenize(text)
            #expect(WordCacheTests.snapshot(reused) == WordCacheTests.snapshot(fresh), "\(text.utf8.count) octets")
            #expect(reused.clauseStarts == fresh.clauseStarts)
        }
        #expect(reused.storage != nil)
        let before = WordCacheTests.snapshot(reused)
        var copy = reused
        var other = "Cheffe de projet cybersécurité : analyse de risques EBIOS, ISO 27001."
        other.withUTF8 { tokenizer.tokenize($0, into: &copy) }
        #expect(copy.storage !== reused.storage || copy.storage == nil)
        #expect(WordCacheTests.snapshot(reused) == before)
        #expect(copy.key(0) == "cheffe")
    }
}
