import Foundation

/// Reduces a job title to one canonical form: lower case, `H/F`-type markers and contract or
/// location noise removed, inclusive and feminine forms turned into the masculine form used by
/// ROME appellations (`Développeur·se Python (H/F) - CDI - Lyon (69)` → `développeur python`).
public enum TitleNormalizer {
    /// Gender markers, alone or in parentheses: `H/F`, `F/H`, `F/H/X`, `h/f/nb`, `M/F`, `(e)`.
    static let markers: Set<String> = ["h/f", "f/h", "h/f/x", "f/h/x", "h/f/nb", "f/h/nb", "x/h/f", "h/f/n", "m/f", "f/m",
                                       "hf", "fh", "h-f", "f-h", "h / f", "f / h", "homme/femme", "femme/homme", "h/f/d", "w/m/d", "m/w/d"]
    static let noiseSegments: Set<String> = ["cdi", "cdd", "stage", "alternance", "apprentissage", "freelance", "interim", "intérim",
                                             "remote", "full remote", "télétravail", "teletravail", "hybride", "temps plein",
                                             "temps partiel", "urgent", "h/f", "f/h", "contrat pro", "contrat de professionnalisation",
                                             "vie", "v.i.e", "100% remote", "cdi - temps plein", "job étudiant"]
    /// Feminine endings and their masculine form, longest first.
    static let feminine: [(String, String)] = [("euse", "eur"), ("trice", "teur"), ("ienne", "ien"), ("ère", "er"),
                                                ("ive", "if"), ("elle", "el"), ("enne", "en"), ("ffe", "f")]
    /// Feminine words that the endings above would get wrong or miss.
    static let feminineWords: [String: String] = ["ingénieure": "ingénieur", "docteure": "docteur", "auteure": "auteur",
                                                  "professeure": "professeur", "cheffe": "chef", "experte": "expert",
                                                  "consultante": "consultant", "assistante": "assistant", "chargée": "chargé",
                                                  "responsable": "responsable", "analyste": "analyste", "architecte": "architecte",
                                                  "administratrice": "administrateur", "directrice": "directeur",
                                                  "conseillère": "conseiller", "étudiante": "étudiant", "adjointe": "adjoint",
                                                  "apprentie": "apprenti", "stagiaire": "stagiaire", "déléguée": "délégué",
                                                  "employée": "employé", "salariée": "salarié", "gestionnaire": "gestionnaire"]
    /// Words that end like feminine forms but are not (`service`, `archive`, `cybersécurité`).
    static let keep: Set<String> = ["service", "archive", "objective", "créative", "native", "exécutive", "executive",
                                    "alternative", "collective", "intensive", "offensive", "défensive", "interactive",
                                    "immersive", "prédictive", "cognitive", "générative", "massive", "adaptive",
                                    "derrière", "carrière", "matière", "filière", "frontière", "lumière", "première",
                                    "manière", "chaîne", "personnelle", "elle", "nouvelle", "industrielle", "virtuelle",
                                    "culturelle", "actuelle", "professionnelle", "opérationnelle", "fonctionnelle",
                                    "mutuelle", "éternelle", "ancienne", "moyenne", "européenne", "antenne", "indienne"]

    public static func normalize(_ title: String) -> String {
        var t = title.precomposedStringWithCanonicalMapping.lowercased()
        // Typographic variants of apostrophes and dots used in inclusive writing.
        // Foundation's search is slow on Linux: the non-ASCII replacements only run when the
        // title has a non-ASCII byte, the splits below only when their separator occurs.
        if t.utf8.contains(where: { $0 >= 0x80 }) {
            t = t.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "ʼ", with: "'")
            for dot in ["·", "•", "‧", "⋅"] { t = t.replacingOccurrences(of: dot, with: "·") }
        }
        // Parenthesized markers and noise: (H/F), (F/H/X), (75), (CDI).
        // Foundation regular expressions are compiled on each call and cost more than the rest of
        // the classification: each one runs only when the characters it needs are present.
        if t.utf8.contains(0x28) { t = t.replacingOccurrences(of: #"\(\s*[^()]{0,24}\)"#, with: " ", options: .regularExpression,
                                   range: nil, keepingIf: { inner in
                                       let s = inner.trimmingCharacters(in: CharacterSet(charactersIn: "() ")).replacingOccurrences(of: " ", with: "")
                                       return markers.contains(s) || noiseSegments.contains(s) || s.allSatisfy(\.isNumber) || s.count <= 2
                                   }) }
        // Segments after a dash, pipe or comma that are pure noise (contract, remote, place with postcode).
        let separators = [" - ", " – ", " — ", " | ", " / ", ", "]
        var segments = [t]
        for sep in separators where t.contains(sep) { segments = segments.flatMap { $0.components(separatedBy: sep) } }
        var kept: [String] = []
        for (i, seg) in segments.enumerated() {
            let s = seg.trimmingCharacters(in: .whitespaces)
            let compact = s.utf8.contains(0x20) ? s.replacingOccurrences(of: " ", with: "") : s
            if s.isEmpty || markers.contains(compact) || noiseSegments.contains(s) { continue }
            if i > 0, s.unicodeScalars.contains(where: { $0.properties.numericType == .decimal }),
               s.range(of: #"\b\d{2,5}\b"#, options: .regularExpression) != nil, s.count < 40 { continue }
            kept.append(s)
        }
        t = kept.joined(separator: " - ")
        // Bare markers inside the title.
        var words: [String] = []
        for raw in t.split(whereSeparator: { $0 == " " || $0 == "\u{a0}" || $0 == "\u{202f}" }) {
            var w = String(raw)
            if markers.contains(w) { continue }
            w = stripInclusive(w)
            words.append(masculine(w))
        }
        return words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " -–—|,:"))
    }

    /// `développeur·se` → `développeur`; `développeur(se)`, `développeur.euse`, `chef·fe`.
    static func stripInclusive(_ w: String) -> String {
        // Every pattern below needs `·` (C2 B7), `.`, `(` or `/`: most words have none.
        guard w.utf8.contains(where: { $0 == 0xB7 || $0 == 0x2E || $0 == 0x28 || $0 == 0x2F }) else { return w }
        if let r = w.range(of: #"(·|\.)[a-zèé]{1,6}((·|\.)[a-z]{1,3})?$"#, options: .regularExpression) {
            let suffix = w[r].dropFirst()
            if w.distance(from: w.startIndex, to: r.lowerBound) >= 3 && !["js", "net", "io", "ts", "py"].contains(String(suffix)) {
                return String(w[..<r.lowerBound])
            }
        }
        if let r = w.range(of: #"\((e|se|euse|rice|trice|ne|fe|le|ère|ve|ive|es|s)\)$"#, options: .regularExpression) {
            return String(w[..<r.lowerBound])
        }
        if let r = w.range(of: #"/(e|se|euse|rice|trice|ne|fe|ère)$"#, options: .regularExpression) {
            return String(w[..<r.lowerBound])
        }
        return w
    }

    static func masculine(_ w: String) -> String {
        if let m = feminineWords[w] { return m }
        if keep.contains(w) || w.count < 6 { return w }
        for (f, m) in feminine where w.hasSuffix(f) {
            return String(w.dropLast(f.count)) + m
        }
        return w
    }
}

extension String {
    /// Replaces regex matches for which `keepingIf` says yes.
    func replacingOccurrences(of pattern: String, with replacement: String, options: String.CompareOptions,
                              range: Range<String.Index>?, keepingIf predicate: (String) -> Bool) -> String {
        var out = ""
        var rest = self[...]
        while let r = rest.range(of: pattern, options: options) {
            out += rest[..<r.lowerBound]
            let m = String(rest[r])
            out += predicate(m) ? replacement : m
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
