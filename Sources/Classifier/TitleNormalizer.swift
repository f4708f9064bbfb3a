import FrenchText

/// Reduces a job title to one canonical form: lower case, `H/F`-type markers and contract or
/// location noise removed, inclusive and feminine forms turned into the masculine form used by
/// ROME appellations (`Développeur·se Python (H/F) - CDI - Lyon (69)` → `développeur python`).
///
/// Pure Swift string handling (no regular expressions): it runs once per record.
public enum TitleNormalizer {
    /// Gender markers, alone or in parentheses: `H/F`, `F/H`, `F/H/X`, `h/f/nb`, `M/F`.
    static let markers: Set<String> = ["h/f", "f/h", "h/f/x", "f/h/x", "h/f/nb", "f/h/nb", "x/h/f", "h/f/n", "m/f", "f/m",
                                       "hf", "fh", "h-f", "f-h", "homme/femme", "femme/homme", "h/f/d", "w/m/d", "m/w/d",
                                       "f/h/n", "h/f/x/nb", "allgenders", "tousgenres", "h/f/autres"]
    static let noiseSegments: Set<String> = ["cdi", "cdd", "stage", "alternance", "apprentissage", "freelance", "interim", "intérim",
                                             "remote", "full remote", "télétravail", "teletravail", "hybride", "temps plein",
                                             "temps partiel", "urgent", "contrat pro", "contrat de professionnalisation",
                                             "v.i.e", "100% remote", "job étudiant", "all genders", "tous genres", "en cdi",
                                             "en cdd", "en alternance", "en stage", "télétravail partiel", "remote friendly"]
    /// Feminine endings and their masculine form, longest first.
    static let feminine: [(String, String)] = [("euse", "eur"), ("trice", "teur"), ("ienne", "ien"), ("ère", "er"),
                                                ("ive", "if"), ("elle", "el"), ("enne", "en"), ("ffe", "f")]
    /// Feminine words that the endings above would get wrong or miss.
    static let feminineWords: [String: String] = ["ingénieure": "ingénieur", "docteure": "docteur", "auteure": "auteur",
                                                  "professeure": "professeur", "cheffe": "chef", "experte": "expert",
                                                  "consultante": "consultant", "assistante": "assistant", "chargée": "chargé",
                                                  "administratrice": "administrateur", "directrice": "directeur",
                                                  "conseillère": "conseiller", "étudiante": "étudiant", "adjointe": "adjoint",
                                                  "apprentie": "apprenti", "déléguée": "délégué", "employée": "employé",
                                                  "salariée": "salarié", "agente": "agent", "intervenante": "intervenant",
                                                  "référente": "référent", "coordinatrice": "coordinateur", "associée": "associé",
                                                  "technicienne": "technicien", "médiatrice": "médiateur", "animatrice": "animateur"]
    /// Words that end like feminine forms but are not (`service`, `archive`, `virtuelle`).
    static let keep: Set<String> = ["service", "archive", "objective", "créative", "native", "exécutive", "executive",
                                    "alternative", "collective", "intensive", "offensive", "défensive", "interactive",
                                    "immersive", "prédictive", "cognitive", "générative", "massive", "adaptive", "active",
                                    "derrière", "carrière", "matière", "filière", "frontière", "lumière", "première",
                                    "manière", "chaîne", "personnelle", "elle", "nouvelle", "industrielle", "virtuelle",
                                    "culturelle", "actuelle", "professionnelle", "opérationnelle", "fonctionnelle",
                                    "mutuelle", "éternelle", "ancienne", "moyenne", "européenne", "antenne", "indienne",
                                    "maintenance", "chaudière", "pâtissière", "commerce", "office", "relève", "trière"]
    static let inclusiveSuffixes: Set<String> = ["e", "es", "se", "ses", "euse", "euses", "rice", "rices", "trice", "trices",
                                                 "ne", "nes", "fe", "le", "ère", "ères", "ve", "ive", "s", "x", "sse", "ice"]

    public static func normalize(_ title: String) -> String {
        // Titles arrive with escaped HTML too (`Analyste d&#039;exploitation`, `<b>H/F</b>`).
        let title = title.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") }) ? HTMLText.toText(title) : title
        // Latin-1 titles (nearly all) go from their UTF-8 bytes to units directly.
        if let units = latin1Units(of: title) { return normalizeUnits(units) }
        let t = scalars(of: title)
        // Line breaks are spaces by now: with no combining mark the same steps run on scalars.
        if t.eachIsOwnCharacter { return normalizeSimple(t) }
        return normalizeCharacters(t)
    }

    /// `scalars(of:)` as units, read from the UTF-8 bytes, when every scalar of the result is
    /// below U+0100 (Latin-1, with the apostrophes, bullets, spaces and dashes `unify` maps into
    /// it); nil otherwise.
    static func latin1Units(of title: String) -> [UInt16]? {
        var title = title
        return title.withUTF8 { bytes -> [UInt16]? in
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count)
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    let v = UInt16(b)
                    units.append(v &- 0x41 < 26 ? v + 0x20 : (b == 0x09 || b == 0x0A || b == 0x0D) ? 0x20 : v)
                    i += 1
                } else if b == 0xC2 || b == 0xC3, i + 1 < n {
                    // String guarantees valid UTF-8: the next byte is a continuation byte.
                    let v = UInt16(b & 0x1F) << 6 | UInt16(bytes[i + 1] & 0x3F)
                    units.append(v == 0xA0 ? 0x20 : (v &- 0xC0 < 0x1F && v != 0xD7) ? v + 0x20 : v)
                    i += 2
                } else if b == 0xE2, i + 2 < n {
                    let v = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    let u = unify(Unicode.Scalar(v) ?? "\u{FFFD}").value
                    guard u < 0x100 else { return nil }
                    units.append(UInt16(u))
                    i += 3
                } else if b == 0xCA, i + 1 < n, bytes[i + 1] == 0xBC {
                    units.append(0x27) // ʼ
                    i += 2
                } else {
                    return nil
                }
            }
            return units
        }
    }

    /// The lower-cased scalars of a title, apostrophes, dots, spaces and dashes unified. Titles
    /// are short, but String slicing and searching cost more than the whole token matching.
    static func scalars(of title: String) -> [Unicode.Scalar] {
        var t: [Unicode.Scalar] = []
        t.reserveCapacity(title.utf8.count)
        // Latin-1 titles (98 % of real ones) lower-case scalar by scalar: each upper-case letter
        // there has a one-scalar lower case 0x20 above it (`É` → `é`), no String made for it.
        if title.unicodeScalars.allSatisfy({ $0.value < 0x100 }) {
            for c in title.unicodeScalars {
                let v = c.value
                let lower = (v &- 0x41 < 26) || (v &- 0xC0 < 0x1F && v != 0xD7) ? v + 0x20 : v
                t.append(unify(Unicode.Scalar(lower)!))
            }
            return t
        }
        for c in title.lowercased().unicodeScalars { t.append(unify(c)) }
        return t
    }

    /// Apostrophes, bullets, spaces and dashes of a lower-cased title, each made one scalar.
    @inline(__always) static func unify(_ c: Unicode.Scalar) -> Unicode.Scalar {
        switch c.value {
        case 0x2019, 0x02BC, 0x2018: "'"
        case 0x2022, 0x2027, 0x22C5: "·"
        case 0x00A0, 0x202F, 0x2009, 0x09, 0x0A, 0x0D: " "
        case 0x2013, 0x2014: "-"
        default: c
        }
    }

    /// The parts of a title between separators: a dash, pipe or slash between spaces, or a comma
    /// followed by a space.
    static func segments(of t: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var segments: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var i = 0
        while i < t.count {
            let c = t[i]
            let spacedSeparator = (c == "-" || c == "|" || c == "/") && i > 0 && t[i - 1] == " " && i + 1 < t.count && t[i + 1] == " "
            if spacedSeparator || (c == "," && i + 1 < t.count && t[i + 1] == " ") {
                // The space before the separator, unless the previous separator took it
                // (`Data - - Analyst`: removing it from an empty segment crashed).
                if spacedSeparator, current.last == " " { current.removeLast() }
                segments.append(current); current = []
                i += 2
                continue
            }
            current.append(c)
            i += 1
        }
        segments.append(current)
        return segments
    }

    /// `normalize` from the scalars of the lower-cased title, with String operations (any text).
    static func normalizeCharacters(_ t: [Unicode.Scalar]) -> String {
        // Segments after a dash, pipe, slash or comma that are pure noise (contract, place with a
        // department or postcode, remote); then parenthesized markers inside what is kept.
        let parts = Self.segments(of: t)
        var kept: [String] = []
        for (k, seg) in parts.enumerated() {
            let raw = String(String.UnicodeScalarView(seg))
            let s = removeParenthesizedNoise(raw).trimmed
            if k > 0 && seg.count < 40 && raw.hasNumber(ofLength: 2...5) { continue }
            if s.isEmpty || noiseSegments.contains(s) || markers.contains(s.replacingAll(" ", "")) { continue }
            kept.append(s)
        }
        var words: [String] = []
        for raw in kept.joined(separator: " - ").split(separator: " ") {
            let w = String(raw)
            if markers.contains(w) { continue }
            words.append(masculine(stripInclusive(w)))
        }
        var out = words.joined(separator: " ")
        while let last = out.last, " -|,:".contains(last) { out.removeLast() }
        while let first = out.first, " -|,:".contains(first) { out.removeFirst() }
        return out
    }

    /// `normalizeCharacters` for scalars that are each a character of their own (all below U+0300).
    static func normalizeSimple(_ t: [Unicode.Scalar]) -> String {
        normalizeUnits(t.map { UInt16($0.value) })
    }

    /// `normalizeCharacters` on units that are each a scalar below U+0300, and so a character of
    /// its own: the same segments, noise rules and words, on index ranges of one array (tested
    /// against it). Strings are made only for the few pieces that may be noise or feminine.
    static func normalizeUnits(_ units: [UInt16]) -> String {
        let space: UInt16 = 0x20, open: UInt16 = 0x28, close: UInt16 = 0x29
        func string(_ s: UnsafeBufferPointer<UInt16>) -> String { String(scalars: s.lazy.map { Unicode.Scalar(UInt32($0))! }) }
        func withoutSpaces(_ s: UnsafeBufferPointer<UInt16>) -> String {
            String(scalars: s.lazy.filter { $0 != space }.map { Unicode.Scalar(UInt32($0))! })
        }
        func trimSpaces(_ s: UnsafeBufferPointer<UInt16>) -> UnsafeBufferPointer<UInt16> {
            var a = 0, b = s.count
            while a < b && s[a] == space { a += 1 }
            while b > a && s[b - 1] == space { b -= 1 }
            return UnsafeBufferPointer(rebasing: s[a..<b])
        }
        func hasNumber(_ s: UnsafeBufferPointer<UInt16>) -> Bool {
            var run = 0
            for c in s {
                if c &- 0x30 < 10 { run += 1 } else { if (2...5).contains(run) { return true }; run = 0 }
            }
            return (2...5).contains(run)
        }
        func isNumeric(_ c: UInt16) -> Bool {
            c &- 0x30 < 10 || (c >= 0x80 && Unicode.Scalar(UInt32(c))!.properties.numericType != nil)
        }
        // `removeParenthesizedNoise`, into `out`.
        func withoutParenthesizedNoise(_ t: UnsafeBufferPointer<UInt16>, into out: inout [UInt16]) {
            out.removeAll(keepingCapacity: true)
            var rest = 0
            while let o = t[rest...].firstIndex(of: open) {
                out += t[rest..<o]
                guard let c = t[o...].firstIndex(of: close), c - o <= 26 else {
                    out += t[o...]; rest = t.count; break
                }
                let inner = UnsafeBufferPointer(rebasing: t[(o + 1)..<c])
                let bare = withoutSpaces(inner)
                let noise = markers.contains(bare) || noiseSegments.contains(bare)
                    || inner.allSatisfy({ $0 == space || isNumeric($0) }) || inclusiveSuffixes.contains(bare)
                if noise { out.append(space) } else { out += t[o...c] }
                rest = c + 1
            }
            out += t[rest...]
        }
        return units.withUnsafeBufferPointer { t -> String in
            // The words joined by spaces as they are found (kept segments separated by a `-` word).
            var out: [UInt16] = []
            out.reserveCapacity(t.count + 8)
            var anyWord = false
            func appendWord(_ w: some Collection<UInt16>) {
                if anyWord { out.append(space) }
                out.append(contentsOf: w)
                anyWord = true
            }
            var cleaned: [UInt16] = []
            var keptAny = false
            for (k, (a, b)) in segmentRanges(of: t).enumerated() {
                let seg = UnsafeBufferPointer(rebasing: t[a..<b])
                if k > 0 && seg.count < 40 && hasNumber(seg) { continue }
                let hasParenthesis = seg.contains(open)
                if hasParenthesis { withoutParenthesizedNoise(seg, into: &cleaned) }
                cleaned.withUnsafeBufferPointer { cleanedBuffer in
                    let s = trimSpaces(hasParenthesis ? cleanedBuffer : seg)
                    if s.isEmpty { return }
                    // Only a segment whose length and end units some noise segment or marker has is
                    // looked up (most are not: no string is made for them).
                    if noiseShape.admits(s, count: s.count) && noiseSegments.contains(string(s)) { return }
                    if markerShape.admits(s, count: s.count(where: { $0 != space })) && markers.contains(withoutSpaces(s)) { return }
                    // Kept segments are joined with " - " before being split into words.
                    if keptAny { appendWord(CollectionOfOne(0x2D)) }
                    keptAny = true
                    var i = 0
                    while i < s.count {
                        if s[i] == space { i += 1; continue }
                        var j = i
                        while j < s.count && s[j] != space { j += 1 }
                        let raw = UnsafeBufferPointer(rebasing: s[i..<j])
                        i = j
                        if markerShape.admits(raw, count: raw.count) && markers.contains(string(raw)) { continue }
                        // Words with no inclusive separator that do not end in `e`, or too short to be
                        // feminine, come out as they are (`masculine` and `stripInclusive` leave them
                        // alone): no string is made.
                        let plain = !raw.contains(where: { $0 == 0xB7 || $0 == 0x2E || $0 == 0x2F || $0 == open })
                        if plain && (raw.last != 0x65 || raw.count < shortestFeminine) {
                            appendWord(raw)
                        } else {
                            appendWord(masculine(stripInclusive(string(raw))).unicodeScalars.lazy.map { UInt16($0.value) })
                        }
                    }
                }
            }
            // Without the separators the words may start or end with (trimmed as the String
            // version does).
            func isEdge(_ c: UInt16) -> Bool { c == space || c == 0x2D || c == 0x7C || c == 0x2C || c == 0x3A }
            var a = 0, b = out.count
            while b > a && isEdge(out[b - 1]) { b -= 1 }
            while a < b && isEdge(out[a]) { a += 1 }
            return out.withUnsafeBufferPointer { string(UnsafeBufferPointer(rebasing: $0[a..<b])) }
        }
    }

    /// `segments(of:)` as index ranges.
    static func segmentRanges(of t: UnsafeBufferPointer<UInt16>) -> [(Int, Int)] {
        var ranges: [(Int, Int)] = []
        var start = 0, i = 0
        let n = t.count
        while i < n {
            let c = t[i]
            let spacedSeparator = (c == 0x2D || c == 0x7C || c == 0x2F) && i > 0 && t[i - 1] == 0x20 && i + 1 < n && t[i + 1] == 0x20
            if spacedSeparator || (c == 0x2C && i + 1 < n && t[i + 1] == 0x20) {
                // Without the space before the separator, unless the segment is empty.
                let end = spacedSeparator && i > start && t[i - 1] == 0x20 ? i - 1 : i
                ranges.append((start, end))
                i += 2
                start = i
                continue
            }
            i += 1
        }
        ranges.append((start, max(start, n)))
        return ranges
    }

    /// Scalars in the shortest word of `feminineWords`, and at most 6 (the shortest word the
    /// feminine endings apply to): `masculine` returns any shorter word unchanged.
    static let shortestFeminine = min(6, feminineWords.keys.map(\.unicodeScalars.count).min() ?? 6)

    /// What a text must look like to be a noise segment or a marker (see `Shape`).
    static let noiseShape = Shape(noiseSegments)
    static let markerShape = Shape(markers)

    /// Lengths and first and last scalars of the words of a set: a text whose length or ends no
    /// word of the set has is not in it, which is decided without making it a string.
    struct Shape: Sendable {
        let lengths: ClosedRange<Int>
        /// Indexed by scalar value below U+0300 (the units of `normalizeUnits`).
        let first: [Bool]
        let last: [Bool]

        init(_ words: Set<String>) {
            let counts = words.map(\.unicodeScalars.count)
            lengths = counts.min()!...counts.max()!
            var first = [Bool](repeating: false, count: 0x300), last = first
            for w in words {
                if let a = w.unicodeScalars.first, a.value < 0x300 { first[Int(a.value)] = true }
                if let b = w.unicodeScalars.last, b.value < 0x300 { last[Int(b.value)] = true }
            }
            self.first = first; self.last = last
        }

        /// Whether `s` (`count` units once spaces are dropped, for the marker test; its ends
        /// are not spaces) may be a word of the set.
        func admits(_ s: UnsafeBufferPointer<UInt16>, count: Int) -> Bool {
            guard lengths.contains(count), let a = s.first, let b = s.last else { return false }
            return first[Int(a)] && last[Int(b)]
        }
    }

    /// `feminine`, endings as UTF-8.
    static let feminineBytes: [([UInt8], String)] = feminine.map { (Array($0.0.utf8), $0.1) }

    /// Removes `(H/F)`, `(F/H/X)`, `(75)`, `(CDI)`… but keeps meaningful parentheses (`(SOC)`).
    static func removeParenthesizedNoise(_ t: String) -> String {
        guard t.unicodeScalars.contains("(") else { return t }
        var out = ""
        var rest = Substring(t)
        while let open = rest.firstIndex(of: "(") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ")"), rest.distance(from: open, to: close) <= 26 else {
                out += rest[open...]; rest = ""; break
            }
            let inner = String(rest[rest.index(after: open)..<close]).replacingAll(" ", "")
            let noise = markers.contains(inner) || noiseSegments.contains(inner) || inner.allSatisfy(\.isNumber)
                || inclusiveSuffixes.contains(inner)
            if noise { out += " " } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// `développeur·se` → `développeur`; `développeur(se)`, `développeur.euse`, `développeur/se`, `chef·fe`.
    static func stripInclusive(_ w: String) -> String {
        guard w.unicodeScalars.contains(where: { $0 == "·" || $0 == "." || $0 == "/" || $0 == "(" }) else { return w }
        for sep: Character in ["·", ".", "/", "("] {
            guard let i = w.firstIndex(of: sep), w.distance(from: w.startIndex, to: i) >= 3 else { continue }
            var suffix = String(w[w.index(after: i)...])
            if sep == "(" { guard suffix.hasSuffix(")") else { continue }; suffix.removeLast() }
            let parts = suffix.split(whereSeparator: { $0 == "·" || $0 == "." })
            if !parts.isEmpty, parts.allSatisfy({ inclusiveSuffixes.contains(String($0)) }) { return String(w[..<i]) }
        }
        return w
    }

    /// The masculine form of a lower-case title word (`développeuse` → `développeur`).
    static func masculine(_ w: String) -> String {
        // Every feminine word, kept word and feminine ending ends in `e` (a test holds that):
        // other words need no look-up.
        guard w.utf8.last == UInt8(ascii: "e") else { return w }
        if let m = feminineWords[w] { return m }
        if keep.contains(w) { return w }
        // When each scalar is a character (no combining mark), lengths and endings are compared
        // on scalars and bytes: no grapheme breaking, no Unicode-aware suffix test.
        if w.unicodeScalars.eachIsOwnCharacter {
            let bytes = w.utf8
            guard w.unicodeScalars.count >= 6 else { return w }
            for (f, m) in feminineBytes where bytes.count > f.count && bytes.suffix(f.count).elementsEqual(f) {
                return String(decoding: bytes.dropLast(f.count), as: UTF8.self) + m
            }
            return w
        }
        if w.count < 6 { return w }
        for (f, m) in feminine where w.hasSuffix(f) { return String(w.dropLast(f.count)) + m }
        return w
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f == " " { s.removeFirst() }
        while let l = s.last, l == " " { s.removeLast() }
        return String(s)
    }

    func replacingAll(_ a: Character, _ b: String) -> String {
        var out = ""
        for c in self { if c == a { out += b } else { out.append(c) } }
        return out
    }

    /// Whether the string holds a run of digits whose length is in `range` (postcodes, departments).
    func hasNumber(ofLength range: ClosedRange<Int>) -> Bool {
        var run = 0
        for c in self {
            if c.isASCII && c.isNumber { run += 1 } else { if range.contains(run) { return true }; run = 0 }
        }
        return range.contains(run)
    }
}
