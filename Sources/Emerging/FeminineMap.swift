import FrenchText

/// Feminine → masculine job-title words learned from the aligned labels of the ROME appellations
/// (`Technicien coupeur` / `Technicienne coupeuse` gives `technicienne` → `technicien` and
/// `coupeuse` → `coupeur`).
///
/// It complements `TitleNormalizer`'s hand-written endings: 13,120 real pairs cover irregular
/// forms (`cheffe`, `médecin`, `maître` / `maîtresse`, `gouvernante`…) that suffix rules miss or
/// over-apply. Words are lower case with their accents, as `TitleNormalizer.normalize` leaves them.
public struct FeminineMap: Sendable, Hashable {
    /// Feminine word → masculine word; only words that differ.
    public var words: [String: String] { didSet { endings = Self.endings(of: words) } }
    /// The last scalars of the feminine words (`e` for nearly all): a title word ending
    /// otherwise is not looked up, nor made a string. Nil (look every word up) when a word ends
    /// in a combining mark, which a canonically equal word could end without.
    private var endings: [Unicode.Scalar]?

    public init(words: [String: String]) {
        self.words = words
        endings = Self.endings(of: words)
    }

    static func endings(of words: [String: String]) -> [Unicode.Scalar]? {
        let last = Set(words.keys.compactMap { $0.unicodeScalars.last })
        if last.contains(where: { $0.properties.generalCategory == .nonspacingMark }) { return nil }
        return last.sorted { $0.value < $1.value }
    }

    /// Builds the map from appellations whose two labels have the same number of words. When a
    /// feminine word pairs with several masculine words, the most frequent pairing wins.
    public init(reference: RomeReference) {
        // Each label split once, on all cores: this map is built at the start of every command
        // that maps titles, before the ROME index that needs it.
        let split = RomeMatcher.concurrentMap(reference.appellations) { a in
            (masculine: Self.words(a.masculine), feminine: a.masculine == a.feminine ? nil : Self.words(a.feminine))
        }
        var counts: [String: [String: Int]] = [:]
        for labels in split {
            guard let f = labels.feminine, labels.masculine.count == f.count else { continue }
            for (mw, fw) in zip(labels.masculine, f) where mw != fw && Self.plausiblePair(fw, mw) {
                counts[fw, default: [:]][mw, default: 0] += 1
            }
        }
        // A feminine word used more often as a masculine word elsewhere must stay as it is.
        var asMasculine: [String: Int] = [:]
        for labels in split { for w in labels.masculine { asMasculine[w, default: 0] += 1 } }
        var words: [String: String] = [:]
        for (fw, options) in counts where asMasculine[fw, default: 0] < options.values.reduce(0, +) {
            words[fw] = options.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
        }
        self.words = words
        endings = Self.endings(of: words)
    }

    /// The masculine form of one lower-case word (the word itself when unknown).
    public func masculine(_ word: String) -> String { words[word] ?? word }

    /// Rewrites every word of an already normalized title (`TitleNormalizer.normalize` output):
    /// `cheffe de projet` → `chef de projet`. Separators and unknown words are kept.
    public func masculinize(_ normalizedTitle: String) -> String {
        // Split on scalars when they are characters (much cheaper); most titles have no feminine
        // word and come back as they are, without a new string.
        guard normalizedTitle.unicodeScalars.eachIsOwnCharacter else { return masculinizeCharacters(normalizedTitle) }
        let scalars = normalizedTitle.unicodeScalars
        var out: String?
        var copied = scalars.startIndex
        var wordStart: String.UnicodeScalarView.Index?
        var last: Unicode.Scalar = " "
        func endWord(_ end: String.UnicodeScalarView.Index) {
            guard let start = wordStart else { return }
            wordStart = nil
            guard endings?.contains(last) ?? true else { return }
            let word = String(scalars[start..<end])
            guard let m = words[word], m != word else { return }
            if out == nil { out = "" }
            out!.unicodeScalars.append(contentsOf: scalars[copied..<start])
            out! += m
            copied = end
        }
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let c = scalars[i]
            let v = c.value
            let letter = v < 0x80 ? (v | 0x20) &- 0x61 < 26 : c.properties.isAlphabetic
            if letter || c == "’" || c == "'" {
                if wordStart == nil { wordStart = i }
                last = c
            } else {
                endWord(i)
            }
            i = scalars.index(after: i)
        }
        endWord(scalars.endIndex)
        guard var out else { return normalizedTitle }
        out.unicodeScalars.append(contentsOf: scalars[copied...])
        return out
    }

    /// `masculinize` over characters (any text).
    func masculinizeCharacters(_ normalizedTitle: String) -> String {
        var out = ""
        var word = ""
        for c in normalizedTitle {
            if c.isLetter || c == "’" || c == "'" { word.append(c); continue }
            out += masculine(word); word = ""
            out.append(c)
        }
        return out + masculine(word)
    }

    /// Lower-case words of a label, split on spaces, hyphens and apostrophes (elisions dropped).
    static func words(_ label: String) -> [String] {
        let lower = label.lowercased()
        if lower.unicodeScalars.eachIsOwnCharacter {
            // Scalars are characters here: the same split, on scalars.
            return lower.unicodeScalars.split(whereSeparator: { separators.contains($0) })
                .map { w -> String in
                    if let i = w.firstIndex(where: { $0 == "'" || $0 == "’" }) { return String(scalars: w[w.index(after: i)...]) }
                    return String(scalars: w)
                }.filter { !$0.isEmpty }
        }
        return wordsCharacters(lower)
    }

    /// What separates the words of a label.
    static let separators: Set<Unicode.Scalar> = [" ", "-", "/", "(", ")", ","]

    /// `words` over characters, for a lower-cased label (any text).
    static func wordsCharacters(_ lower: String) -> [String] {
        lower.split(whereSeparator: { $0.unicodeScalars.count == 1 && separators.contains($0.unicodeScalars.first!) })
            .map { w -> String in
                if let i = w.firstIndex(where: { $0 == "'" || $0 == "’" }) { return String(w[w.index(after: i)...]) }
                return String(w)
            }.filter { !$0.isEmpty }
    }

    /// Both words share their first letters: rejects misaligned pairs from labels whose two
    /// parts are not word-for-word translations.
    static func plausiblePair(_ f: String, _ m: String) -> Bool {
        let a = Array(f), b = Array(m)
        let n = min(3, a.count, b.count)
        return n >= 2 && a.prefix(n) == b.prefix(n)
    }
}
