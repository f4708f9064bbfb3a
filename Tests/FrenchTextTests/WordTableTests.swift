import FrenchText
import Testing

struct WordTableTests {
    /// Stems of every length around the 8- and 16-byte boundaries of a slot's inline key, and
    /// long ones whose tail lives in the arena.
    static let words = ["ia", "sql", "rgpd", "donnee", "securite", "cybersecu", "apprentissage", "intelligence",
                        "cybersecurite", "gouvernanc", "developpeur", "infrastructur", "anonymisation",
                        "administrateur", "pseudonymisation", "interoperabilites", "reconnaissanc",
                        "environnementalement", "transformationnumeriqu", "c++", "c#", "3d", "k8s", "node.js"]

    @Test func internedWordsAreFoundWithTheirIds() {
        var table = WordTable(capacity: 4)  // small on purpose: it grows several times
        let ids = Self.words.map { table.intern(Array($0.utf8)) }
        #expect(Set(ids).count == Self.words.count)
        #expect(table.count == Self.words.count)
        for (w, id) in zip(Self.words, ids) {
            #expect(table.intern(Array(w.utf8)) == id, "interning \(w) again")
            #expect(Array(w.utf8).withUnsafeBufferPointer { table.lookup($0) } == id, "\(w)")
            #expect(table.key(id) == w)
        }
    }

    @Test func nearMissesAreAbsent() {
        var table = WordTable()
        for w in Self.words { _ = table.intern(Array(w.utf8)) }
        // Same head, other tail; prefixes; one byte more; a zero byte where padding would be.
        for w in ["pseudonymisatiom", "pseudonymisations", "interoperabilitez", "environnementalemenT",
                  "donne", "donnees", "securit", "i", "iaa", "sq", "sql\u{0}", "cybersecurit", "rgpd\u{0}\u{0}"] {
            #expect(Array(w.utf8).withUnsafeBufferPointer { table.lookup($0) } == nil, "\(w)")
        }
    }

    @Test func readableSlackGivesTheSameAnswers() {
        var table = WordTable()
        for w in Self.words { _ = table.intern(Array(w.utf8)) }
        // A key inside a larger buffer, followed by bytes that are not part of it.
        for w in Self.words + ["analyse", "pilotage"] {
            let buffer = Array(w.utf8) + Array("xxxxxxxxxxxxxxxxxx".utf8)
            let n = w.utf8.count
            let withSlack = buffer.withUnsafeBufferPointer { table.lookup(UnsafeBufferPointer(rebasing: $0[0..<n]), readable: $0.count) }
            let exact = Array(w.utf8).withUnsafeBufferPointer { table.lookup($0) }
            #expect(withSlack == exact, "\(w)")
        }
    }
}

extension WordTableTests {
    /// An empty key is interned once, like any other (stems are never empty, but the table
    /// must not hand out a new id for the same key).
    @Test func theEmptyKeyIsOneWord() {
        var table = WordTable()
        let a = table.intern([]), b = table.intern([])
        #expect(a == b)
        #expect(table.count == 1)
        #expect([UInt8]().withUnsafeBufferPointer { table.lookup($0) } == a)
    }
}
