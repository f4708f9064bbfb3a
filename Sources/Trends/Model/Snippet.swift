/// A matched span with the sentence around it, split so that a page can highlight the match
/// while escaping all three parts.
public struct Snippet: Sendable, Hashable, Codable {
    public var before: String
    public var match: String
    public var after: String

    /// The sentence around `start..<end` (Unicode scalar offsets) in `text`: back to the previous
    /// sentence end or line break, forward to the next, at most `radius` scalars each way (cut
    /// sides get an ellipsis). Offsets outside the text give an empty match.
    public init(text: String, start: Int, end: Int, radius: Int = 160) {
        let scalars = Array(text.unicodeScalars)
        let s = max(0, min(start, scalars.count)), e = max(s, min(end, scalars.count))
        func isEnd(_ c: Unicode.Scalar) -> Bool { c == "." || c == "!" || c == "?" || c == "\n" || c == "\r" || c == "•" }
        var a = s
        while a > 0, s - a < radius, !isEnd(scalars[a - 1]) { a -= 1 }
        var b = e
        while b < scalars.count, b - e < radius, !isEnd(scalars[b]) { b += 1 }
        if b < scalars.count, scalars[b] != "\n", scalars[b] != "\r" { b += 1 }
        func str(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[r])) }
        let head = str(a..<s), tail = str(e..<b)
        let cutBefore = a > 0 && !isEnd(scalars[a - 1])
        let cutAfter = b < scalars.count && b - e >= radius
        before = (cutBefore ? "…" : "") + String(head.drop { $0 == " " || $0 == "\t" })
        match = str(s..<e)
        after = tail + (cutAfter ? "…" : "")
    }

    public init(before: String, match: String, after: String) {
        self.before = before; self.match = match; self.after = after
    }
}
