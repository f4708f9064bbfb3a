import FrenchText

/// A wording as the matcher sees it: the stems of its words (function words dropped) and, for
/// case-sensitive wordings, the words as written.
public struct WordingForm: Sendable, Hashable {
    public var stems: [String]
    public var originals: [String]
}

extension Wording {
    private static let splitting = Tokenizer(splitCamelCase: true)
    private static let whole = Tokenizer(splitCamelCase: false)

    /// The token sequences this wording matches: camel-case names give two (`JavaScript` =
    /// `java script` as split in glued text, and `javascript`).
    public var forms: [WordingForm] {
        var out: [WordingForm] = []
        let bytes = Array(text.utf8)
        for tokenizer in [Self.splitting, Self.whole] {
            let buf = tokenizer.tokenize(text)
            let split = buf.tokens.contains { $0.flags.contains(.camelStart) }
            // A camel-case split that leaves a function word (`EnCase` → `en case`) would match
            // the bare remainder (`case`): keep only the unsplit form then.
            if tokenizer.splitCamelCase, split, buf.tokens.contains(where: { $0.flags.contains(.skip) }) { continue }
            var stems: [String] = [], originals: [String] = []
            for i in 0..<buf.count where !buf.tokens[i].flags.contains(.skip) {
                let t = buf.tokens[i]
                stems.append(buf.stem(i))
                originals.append(String(decoding: bytes[Int(t.start)..<Int(t.end)], as: UTF8.self))
            }
            let form = WordingForm(stems: stems, originals: originals)
            if !stems.isEmpty && !out.contains(form) { out.append(form) }
            // No case-change split happened: the unsplit tokenizer would give the same words.
            if tokenizer.splitCamelCase && !split { break }
        }
        return out
    }

    /// A key that is equal for two wordings that match the same texts.
    public var matchKey: String {
        let f = forms.first
        let words = caseSensitive ? (f?.originals ?? []) : (f?.stems ?? [])
        return (caseSensitive ? "=" : "~") + words.joined(separator: " ")
    }
}
