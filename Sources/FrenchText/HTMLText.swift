/// Turns HTML (and escaped HTML, `&lt;p&gt;`) into plain text with its line structure, keeping
/// for every output byte where it came from, so that evidence found in the text points back
/// into the original markup exactly.
///
/// Block elements (`p`, `br`, `li`, `div`, `h1`–`h6`, `tr`…) become line breaks, so sections and
/// bullets are still recognized; `script`, `style` and comments are dropped; character references
/// (`&eacute;`, `&#233;`, `&#x2019;`, `&nbsp;`) are decoded.
public struct HTMLText: Sendable {
    /// The plain text, UTF-8.
    public private(set) var bytes: [UInt8] = []
    /// For output byte `k`, the range `sourceStart[k]..<sourceEnd[k]` of original bytes it comes from.
    public private(set) var sourceStart: [Int32] = []
    public private(set) var sourceEnd: [Int32] = []

    public init() {}

    /// Whether the text looks like it carries markup or character references worth decoding.
    public static func looksLikeHTML(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = s.count
        guard n > 1, let base = s.baseAddress else { return false }
        var i = 0
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while i < n - 1 {
            // Most texts have neither `<` nor `&`: 8 bytes at a time until one shows up.
            while i + 8 <= n {
                let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                let lt = w ^ (ones &* 0x3C), amp = w ^ (ones &* 0x26)
                if ((lt &- ones) & ~lt | (amp &- ones) & ~amp) & highs != 0 { break }
                i += 8
            }
            guard i < n - 1 else { break }
            let b = s[i]
            if b != 0x3C && b != 0x26 { i += 1; continue }
            if b == 0x3C { // <
                let c = s[i + 1]
                if (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || c == 0x2F || c == 0x21 { return true }
            } else if b == 0x26 { // &
                var j = i + 1
                while j < n, j - i <= 10, s[j] != 0x3B, s[j] != 0x20 { j += 1 }
                if j < n, s[j] == 0x3B, j > i + 1 { return true }
            }
            i += 1
        }
        return false
    }

    /// Converts a string (tests, page rendering).
    public static func toText(_ s: String) -> String {
        var copy = s
        var h = HTMLText()
        let converted = copy.withUTF8 { b -> Bool in
            guard looksLikeHTML(b) else { return false }
            h.convert(b)
            return true
        }
        return converted ? String(decoding: h.bytes, as: UTF8.self) : s
    }

    /// Converts `source`, replacing this value's content. Escaped HTML is decoded in a second round.
    public mutating func convert(_ source: UnsafeBufferPointer<UInt8>) {
        // The first pass writes into this value's own storage (reused from one text to the next).
        pass(source, identity: true)
        guard bytes.withUnsafeBufferPointer({ HTMLText.hasTags($0) }) else { return }
        var second = HTMLText()
        bytes.withUnsafeBufferPointer { second.pass($0, identity: true) }
        // Compose: second's offsets point into the first pass's output.
        let firstStart = sourceStart, firstEnd = sourceEnd
        bytes = second.bytes
        sourceStart = second.sourceStart.map { firstStart[Int($0)] }
        sourceEnd = second.sourceEnd.map { firstEnd[Int($0) - 1] }
    }

    static func hasTags(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        guard s.count > 1 else { return false }
        for i in 0..<(s.count - 1) where s[i] == 0x3C {
            let c = s[i + 1] | 0x20
            if c >= 0x61 && c <= 0x7A || s[i + 1] == 0x2F || s[i + 1] == 0x21 { return true }
        }
        return false
    }

    private mutating func emit(_ b: UInt8, _ from: Int, _ to: Int) {
        bytes.append(b); sourceStart.append(Int32(from)); sourceEnd.append(Int32(to))
    }

    private mutating func emitScalar(_ c: UInt32, _ from: Int, _ to: Int) {
        guard let u = Unicode.Scalar(c) else { return }
        for b in String(Character(u)).utf8 { emit(b, from, to) }
    }

    private mutating func newline(_ at: Int, _ to: Int) {
        if bytes.last != 0x0A { emit(0x0A, at, to) }
    }

    private mutating func pass(_ s: UnsafeBufferPointer<UInt8>, identity: Bool) {
        bytes.removeAll(keepingCapacity: true); sourceStart.removeAll(keepingCapacity: true)
        sourceEnd.removeAll(keepingCapacity: true)
        bytes.reserveCapacity(s.count)
        let n = s.count
        var i = 0
        while i < n {
            let b = s[i]
            if b == 0x3C, i + 1 < n {
                let c = s[i + 1]
                if c == 0x21 { // <!-- comment --> or <!DOCTYPE>
                    if let close = find(s, "-->", from: i + 2), startsWith(s, "<!--", at: i) { i = close + 3; continue }
                    if let close = find(s, ">", from: i + 2) { i = close + 1; continue }
                }
                let isClose = c == 0x2F
                let nameStart = isClose ? i + 2 : i + 1
                var j = nameStart
                while j < n, (s[j] | 0x20) >= 0x61 && (s[j] | 0x20) <= 0x7A || (s[j] >= 0x30 && s[j] <= 0x39) { j += 1 }
                if j > nameStart, let close = tagEnd(s, from: j) {
                    let name = String(decoding: s[nameStart..<j], as: UTF8.self).lowercased()
                    if !isClose && (name == "script" || name == "style") {
                        let end = find(s, "</" + name, from: close + 1, caseInsensitive: true) ?? n
                        i = find(s, ">", from: end).map { $0 + 1 } ?? n
                        continue
                    }
                    if HTMLText.blockTags.contains(name) { newline(i, close + 1) }
                    else if name == "td" || name == "th" { emit(0x20, i, close + 1) }
                    i = close + 1
                    continue
                }
            } else if b == 0x26, let (scalar, end) = entity(s, at: i) {
                if scalar == 0xA0 { emit(0x20, i, end) } else { emitScalar(scalar, i, end) }
                i = end
                continue
            }
            // A run of plain bytes (up to the next `<` or `&`) is copied in one go, with its offsets.
            var j = i + 1
            while j < n && s[j] != 0x3C && s[j] != 0x26 { j += 1 }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: s[i..<j]))
            sourceStart.append(contentsOf: Int32(i)..<Int32(j))
            sourceEnd.append(contentsOf: Int32(i + 1)...Int32(j))
            i = j
        }
    }

    static let blockTags: Set<String> = ["p", "br", "li", "ul", "ol", "div", "h1", "h2", "h3", "h4", "h5", "h6",
                                         "tr", "table", "section", "article", "header", "footer", "blockquote",
                                         "dd", "dt", "dl", "hr", "pre"]

    private func tagEnd(_ s: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var j = from
        var quote: UInt8 = 0
        while j < s.count {
            let b = s[j]
            if quote != 0 { if b == quote { quote = 0 } }
            else if b == 0x22 || b == 0x27 { quote = b }
            else if b == 0x3E { return j }
            else if b == 0x3C { return nil }
            j += 1
        }
        return nil
    }

    private func startsWith(_ s: UnsafeBufferPointer<UInt8>, _ p: String, at: Int) -> Bool {
        let u = Array(p.utf8)
        guard at + u.count <= s.count else { return false }
        for k in 0..<u.count where s[at + k] != u[k] { return false }
        return true
    }

    private func find(_ s: UnsafeBufferPointer<UInt8>, _ p: String, from: Int, caseInsensitive: Bool = false) -> Int? {
        let u = Array(p.utf8)
        guard !u.isEmpty, from < s.count else { return nil }
        var i = from
        while i + u.count <= s.count {
            var ok = true
            for k in 0..<u.count {
                let a = caseInsensitive ? s[i + k] | 0x20 : s[i + k]
                let b = caseInsensitive ? u[k] | 0x20 : u[k]
                if a != b { ok = false; break }
            }
            if ok { return i }
            i += 1
        }
        return nil
    }

    /// Decodes the character reference at `at` (`&amp;`, `&#233;`, `&#x2019;`).
    private func entity(_ s: UnsafeBufferPointer<UInt8>, at: Int) -> (UInt32, Int)? {
        var j = at + 1
        while j < s.count, j - at <= 12, s[j] != 0x3B {
            let c = s[j]
            guard (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0x30 && c <= 0x39) || c == 0x23 else { return nil }
            j += 1
        }
        guard j < s.count, s[j] == 0x3B, j > at + 1 else { return nil }
        let name = String(decoding: s[(at + 1)..<j], as: UTF8.self)
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let v = value, v > 0, v <= 0x10FFFF, !(0xD800...0xDFFF).contains(v) else { return nil }
            return (v, j + 1)
        }
        guard let v = HTMLText.entities[name] else { return nil }
        return (v, j + 1)
    }

    static let entities: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0,
        "eacute": 0xE9, "Eacute": 0xC9, "egrave": 0xE8, "Egrave": 0xC8, "ecirc": 0xEA, "Ecirc": 0xCA,
        "euml": 0xEB, "agrave": 0xE0, "Agrave": 0xC0, "acirc": 0xE2, "Acirc": 0xC2, "auml": 0xE4,
        "ccedil": 0xE7, "Ccedil": 0xC7, "icirc": 0xEE, "iuml": 0xEF, "ocirc": 0xF4, "Ocirc": 0xD4,
        "ouml": 0xF6, "ucirc": 0xFB, "ugrave": 0xF9, "uuml": 0xFC, "oelig": 0x153, "OElig": 0x152,
        "aelig": 0xE6, "AElig": 0xC6, "rsquo": 0x2019, "lsquo": 0x2018, "ldquo": 0x201C, "rdquo": 0x201D,
        "laquo": 0xAB, "raquo": 0xBB, "hellip": 0x2026, "ndash": 0x2013, "mdash": 0x2014, "bull": 0x2022,
        "middot": 0xB7, "euro": 0x20AC, "deg": 0xB0, "shy": 0xAD, "thinsp": 0x2009, "zwsp": 0x200B,
        "copy": 0xA9, "reg": 0xAE, "trade": 0x2122, "times": 0xD7, "sup2": 0xB2, "iexcl": 0xA1,
    ]
}
