import Foundation

extension Snippet {
    /// A snippet of a text that carries HTML markup (LHEO fields): tags are blanked out before the
    /// sentence is cut, without moving any offset, block tags (`</p>`, `<li>`, `<br>`…) ending the
    /// sentence like a line break; runs of spaces left by the tags are then collapsed. What is
    /// shown is the text a reader of the offer sees, never markup.
    public init(markup text: String, start: Int, end: Int) {
        let s = Snippet(text: Self.blankingTags(text), start: start, end: end)
        self.init(before: Self.collapsingSpaces(s.before), match: s.match, after: Self.collapsingSpaces(s.after))
    }

    /// The text with every `<…>` tag replaced by as many scalars: a line break then spaces for
    /// block tags, spaces for inline ones (`b`, `i`, `em`, `strong`, `span`, `a`, `u`).
    public static func blankingTags(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        out.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "<", let close = scalars[i...].firstIndex(of: ">"), close - i <= 200,
                  i + 1 < scalars.count, scalars[i + 1] == "/" || scalars[i + 1].properties.isAlphabetic else {
                out.append(scalars[i]); i += 1; continue
            }
            let name = String(String.UnicodeScalarView(scalars[(i + 1)..<close].drop { $0 == "/" }
                .prefix { $0.properties.isAlphabetic || ("0"..."9").contains($0) })).lowercased()
            let inline: Set<String> = ["b", "i", "em", "strong", "span", "a", "u"]
            out.append(inline.contains(name) ? " " : "\n")
            for _ in (i + 1)...close { out.append(" ") }
            i = close + 1
        }
        return String(out)
    }

    /// Markup as plain text: tags blanked (`blankingTags`), then runs of white space as one space.
    public static func plainText(fromMarkup text: String) -> String {
        collapsingSpaces(blankingTags(text)).trimmingCharacters(in: .whitespaces)
    }

    /// Runs of spaces, tabs and line breaks as one space (kept at either end, where they separate
    /// the part from the highlighted match).
    static func collapsingSpaces(_ s: String) -> String {
        var out = "", space = false
        for c in s {
            if c == " " || c == "\n" || c == "\t" || c == "\r" { space = true; continue }
            if space { out.append(" ") }
            space = false
            out.append(c)
        }
        if space { out.append(" ") }
        return out
    }
}
