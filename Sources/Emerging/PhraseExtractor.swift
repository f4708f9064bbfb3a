import FrenchText
import Taxonomy

/// One candidate phrase found in a text: its key (light stems of its content words, the same key
/// as `Wording.matchKey` without the `~`) and where it is.
public struct PhraseOccurrence: Sendable, Hashable {
    public var key: String
    /// UTF-8 byte range of the phrase in the text.
    public var start: Int
    public var end: Int
}

/// Extracts candidate terms from posting text with the FrenchText pipeline: runs of 1 to
/// `maxLength` tokens inside one clause (never across a line break or `.` `;` `:`), without a stop
/// word or function word at either edge, not made of numbers only, and not already covered by a
/// taxonomy wording (neither the phrase nor any phrase inside it: `machine learning engineer`
/// contains a covered wording and is left to the taxonomy).
public struct PhraseExtractor: Sendable {
    public var maxLength: Int
    /// Keys of every taxonomy wording and exclusion (`Wording.forms` stems joined by spaces), the
    /// case-sensitive ones (`IA`, `R`) folded too: a candidate `ia` is not proposed again.
    public let covered: Set<String>
    let tokenizer = Tokenizer()

    public init(taxonomy: Taxonomy?, maxLength: Int = 4) {
        self.maxLength = maxLength
        var covered = Set<String>()
        for c in taxonomy?.competencies ?? [] {
            for w in c.wordings + c.excludes {
                for f in w.forms { covered.insert(f.stems.joined(separator: " ")) }
                let folded = Tokenizer().tokenize(w.text)
                covered.insert((0..<folded.count).filter { !folded.tokens[$0].flags.contains(.skip) }
                    .map { folded.stem($0) }.joined(separator: " "))
            }
        }
        self.covered = covered
    }

    /// Whether a phrase key is a taxonomy wording.
    public func isCovered(_ key: String) -> Bool { covered.contains(key) }

    /// Distinct candidate keys of a text with their first occurrence.
    public func candidates(in text: String) -> [PhraseOccurrence] {
        let buf = tokenizer.tokenize(text)
        var seen: [String: PhraseOccurrence] = [:]
        var order: [String] = []
        let n = buf.count
        var stems = [String](repeating: "", count: n)
        for i in 0..<n { stems[i] = buf.stem(i) }
        // A token is covered when some wording of length ≤ maxLength starting at or before it
        // spans it; phrases touching a covered token are skipped.
        var coveredToken = [Bool](repeating: false, count: n)
        for i in 0..<n {
            var words: [String] = []
            var j = i
            while j < n && words.count < maxLength {
                if j > i && Self.breaks(buf.tokens[j].flags) { break }
                if !buf.tokens[j].flags.contains(.skip) {
                    words.append(stems[j])
                    if covered.contains(words.joined(separator: " ")) { for k in i...j { coveredToken[k] = true } }
                }
                j += 1
            }
        }
        for i in 0..<n where Self.edgeOK(buf, i) && !coveredToken[i] {
            var words: [String] = []
            var j = i
            while j < n && words.count < maxLength {
                let t = buf.tokens[j]
                if j > i && Self.breaks(t.flags) { break }
                if coveredToken[j] { break }
                if !t.flags.contains(.skip) { words.append(stems[j]) }
                if Self.edgeOK(buf, j) {
                    let key = words.joined(separator: " ")
                    if !key.isEmpty, seen[key] == nil {
                        seen[key] = PhraseOccurrence(key: key, start: Int(buf.tokens[i].start), end: Int(t.end))
                        order.append(key)
                    }
                }
                j += 1
            }
        }
        return order.map { seen[$0]! }
    }

    /// Clause boundaries: a phrase never spans them.
    static func breaks(_ f: Token.Flags) -> Bool { f.contains(.clauseStart) || f.contains(.lineStart) }

    /// Dates and posting boilerplate that rise with the calendar, not with the market
    /// (« Prise de poste : décembre 2025 »). Folded forms.
    static let calendarWords: Set<String> = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
                                             "septembre", "octobre", "novembre", "decembre", "janv", "fevr", "sept",
                                             "oct", "nov", "dec", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
                                             "samedi", "dimanche", "asap", "immediatement", "rentree", "semaine",
                                             "mois", "annee", "an", "ans", "jour", "jours", "heure", "heures"]

    /// A token that may start or end a phrase: not a stop or function word, not a bare number,
    /// not a calendar word, at least two characters.
    static func edgeOK(_ buf: TokenBuffer, _ i: Int) -> Bool {
        let f = buf.tokens[i].flags
        if f.contains(.stop) || f.contains(.skip) || f.contains(.elision) { return false }
        let t = buf.tokens[i]
        let len = t.keyEnd - t.keyStart
        if len < 2 { return false }
        if len <= 12 && calendarWords.contains(buf.key(i)) { return false }
        if f.contains(.hasDigit) {
            let k = buf.key(i)
            if k.allSatisfy({ $0.isNumber || $0 == "." || $0 == "," }) { return false }
        }
        return true
    }
}
