/// How a gendered title is written: the forms French postings actually use.
enum TitleForm: CaseIterable {
    case masculine, feminine, middleDot, dot, parentheses, slash

    /// Expands every `stem[m|f]rest` group of `template` in this form.
    func render(_ template: String) -> String {
        var out = ""
        var rest = Substring(template)
        var form = self
        while let open = rest.firstIndex(of: "["), let bar = rest[open...].firstIndex(of: "|"),
              let close = rest[bar...].firstIndex(of: "]") {
            // The stem is the part of the word before `[`.
            let head = rest[..<open]
            let stemStart = head.lastIndex(of: " ").map { head.index(after: $0) } ?? head.startIndex
            let before = head[..<stemStart], stem = head[stemStart...]
            let m = rest[rest.index(after: open)..<bar], f = rest[rest.index(after: bar)..<close]
            var after = rest[rest.index(after: close)...]
            // The rest of the word after `]` (rare: `Infirmi[er|ère]s`).
            let wordEnd = after.firstIndex(of: " ") ?? after.endIndex
            let tail = after[..<wordEnd]
            after = after[wordEnd...]
            let word: String
            switch form {
            case .masculine: word = String(stem) + m + tail
            case .feminine: word = String(stem) + f + tail
            case .middleDot: word = String(stem) + m + "·" + f + tail
            case .dot: word = String(stem) + m + "." + f + tail
            case .parentheses: word = String(stem) + m + "(" + f + ")" + tail
            case .slash: word = String(stem) + m + tail + " / " + stem + f + tail
            }
            out += before + word
            rest = after
            // "Médiateur / Médiatrice culturel(le)": one slash per title is enough.
            if form == .slash { form = .parentheses }
        }
        return out + rest
    }

    var isInclusive: Bool { self != .masculine && self != .feminine }
}
