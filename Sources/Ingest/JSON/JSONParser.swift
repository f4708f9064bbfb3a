/// A strict RFC 8259 JSON parser over UTF-8 bytes, written for speed on Linux (where
/// Foundation's `JSONSerialization` is slow): one pass, no intermediate tokens, strings without
/// escapes copied once.
///
/// Refused: trailing commas, leading zeros, bad escapes, control characters in strings,
/// invalid UTF-8 (with the offset of the first bad byte), data after the value, nesting deeper
/// than `maxDepth`. A lone UTF-16 surrogate in a `\u` escape becomes U+FFFD (it is valid JSON
/// text, just not a character). Duplicate keys are kept; `JSONValue[key]` reads the last one.
public enum JSONParser {
    /// Parses one JSON text occupying all of `bytes` (surrounding whitespace allowed).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = 256) throws(JSONParseError) -> JSONValue {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            throw JSONParseError(offset: 0, reason: "texte JSON vide")
        }
        var p = JSONCursor(base: base, count: bytes.count, maxDepth: maxDepth)
        p.skipWhitespace()
        let v = try p.parseValue(depth: 0)
        p.skipWhitespace()
        if p.i < p.count {
            throw JSONParseError(offset: p.i, reason: "données en trop après la valeur JSON")
        }
        return v
    }

    public static func parse(_ bytes: [UInt8], maxDepth: Int = 256) throws(JSONParseError) -> JSONValue {
        let r: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buf in
            do throws(JSONParseError) { return .success(try parse(buf, maxDepth: maxDepth)) } catch { return .failure(error) }
        }
        return try r.get()
    }

    public static func parse(_ text: String, maxDepth: Int = 256) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }
}

/// The parser's state: a raw pointer and an index (no bounds checks beyond `count`).
struct JSONCursor {
    let base: UnsafePointer<UInt8>
    let count: Int
    let maxDepth: Int
    var i = 0

    init(base: UnsafePointer<UInt8>, count: Int, maxDepth: Int) {
        self.base = base; self.count = count; self.maxDepth = maxDepth
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while i < count {
            let c = base[i]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 } else { return }
        }
    }

    func unexpected(_ what: String = "") -> JSONParseError {
        if i >= count { return JSONParseError(offset: i, reason: "fin inattendue du texte JSON\(what)") }
        let c = base[i]
        let shown: String
        if c >= 0x21 && c < 0x7F { shown = "« \(Character(Unicode.Scalar(c))) »" }
        else { shown = "0x" + String(c, radix: 16, uppercase: true) }
        return JSONParseError(offset: i, reason: "caractère inattendu \(shown)\(what)")
    }

    mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        guard i < count else { throw unexpected(", valeur attendue") }
        switch base[i] {
        case 0x22: return .string(try parseString())
        case 0x7B: return try parseObject(depth: depth + 1)
        case 0x5B: return try parseArray(depth: depth + 1)
        case 0x74: try literal("true"); return .bool(true)
        case 0x66: try literal("false"); return .bool(false)
        case 0x6E: try literal("null"); return .null
        case 0x2D, 0x30...0x39: return .number(try parseNumber())
        default: throw unexpected(", valeur attendue")
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONParseError) {
        let n = word.utf8CodeUnitCount
        let w = word.utf8Start
        guard i + n <= count else { throw JSONParseError(offset: i, reason: "littéral invalide (true, false ou null attendu)") }
        for k in 0..<n where base[i + k] != w[k] {
            throw JSONParseError(offset: i + k, reason: "littéral invalide (true, false ou null attendu)")
        }
        i += n
    }

    mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
        if depth > maxDepth { throw JSONParseError(offset: i, reason: "imbrication trop profonde (plus de \(maxDepth) niveaux)") }
        i += 1
        var members: [JSONMember] = []
        skipWhitespace()
        if i < count && base[i] == 0x7D { i += 1; return .object(members) }
        while true {
            guard i < count, base[i] == 0x22 else { throw unexpected(", nom de membre entre guillemets attendu") }
            let key = try parseString()
            skipWhitespace()
            guard i < count, base[i] == 0x3A else { throw unexpected(", « : » attendu") }
            i += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            members.append(JSONMember(key: key, value: value))
            skipWhitespace()
            guard i < count else { throw unexpected(", « , » ou « } » attendu") }
            let c = base[i]
            if c == 0x2C {
                i += 1
                skipWhitespace()
                if i < count && base[i] == 0x7D { throw JSONParseError(offset: i, reason: "virgule finale interdite avant « } »") }
                continue
            }
            if c == 0x7D { i += 1; return .object(members) }
            throw unexpected(", « , » ou « } » attendu")
        }
    }

    mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
        if depth > maxDepth { throw JSONParseError(offset: i, reason: "imbrication trop profonde (plus de \(maxDepth) niveaux)") }
        i += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if i < count && base[i] == 0x5D { i += 1; return .array(items) }
        while true {
            items.append(try parseValue(depth: depth))
            skipWhitespace()
            guard i < count else { throw unexpected(", « , » ou « ] » attendu") }
            let c = base[i]
            if c == 0x2C {
                i += 1
                skipWhitespace()
                if i < count && base[i] == 0x5D { throw JSONParseError(offset: i, reason: "virgule finale interdite avant « ] »") }
                continue
            }
            if c == 0x5D { i += 1; return .array(items) }
            throw unexpected(", « , » ou « ] » attendu")
        }
    }

    mutating func parseNumber() throws(JSONParseError) -> String {
        let start = i
        if base[i] == 0x2D { i += 1 }
        guard i < count, base[i] >= 0x30 && base[i] <= 0x39 else { throw unexpected(" dans un nombre") }
        if base[i] == 0x30 {
            i += 1
            if i < count && base[i] >= 0x30 && base[i] <= 0x39 {
                throw JSONParseError(offset: i, reason: "zéro initial interdit dans un nombre")
            }
        } else {
            while i < count && base[i] >= 0x30 && base[i] <= 0x39 { i += 1 }
        }
        if i < count && base[i] == 0x2E {
            i += 1
            guard i < count, base[i] >= 0x30 && base[i] <= 0x39 else { throw unexpected(", chiffre attendu après « . »") }
            while i < count && base[i] >= 0x30 && base[i] <= 0x39 { i += 1 }
        }
        if i < count && (base[i] == 0x65 || base[i] == 0x45) {
            i += 1
            if i < count && (base[i] == 0x2B || base[i] == 0x2D) { i += 1 }
            guard i < count, base[i] >= 0x30 && base[i] <= 0x39 else { throw unexpected(", chiffre attendu dans l’exposant") }
            while i < count && base[i] >= 0x30 && base[i] <= 0x39 { i += 1 }
        }
        return String(decoding: UnsafeBufferPointer(start: base + start, count: i - start), as: UTF8.self)
    }

    /// Advances `i` past bytes that need no attention inside a string (neither `"`, `\`, nor a
    /// control character), 8 at a time; clears `ascii` when one of them is 0x80 or above.
    /// A description is a few kilobytes, and testing each byte was most of reading it.
    @inline(__always) mutating func skipPlainBytes(_ ascii: inout Bool) {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var seen: UInt64 = 0
        while i + 8 <= count {
            let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            let q = w ^ (ones &* 0x22), b = w ^ (ones &* 0x5C)
            // A zero byte in `q` or `b` is a quote or a backslash; `w - 0x20…` borrows into the
            // high bit of a byte below 0x20 (bytes of 0x80 and above never flag: `~w` clears it).
            let special = ((q &- ones) & ~q | (b &- ones) & ~b | (w &- ones &* 0x20) & ~w) & highs
            if special != 0 { break }
            seen |= w
            i += 8
        }
        if seen & highs != 0 { ascii = false }
    }

    /// At the opening quote. Fast path: no escape, copied once.
    mutating func parseString() throws(JSONParseError) -> String {
        i += 1
        let start = i
        var ascii = true
        while i < count {
            skipPlainBytes(&ascii)
            guard i < count else { break }
            let c = base[i]
            if c == 0x22 {
                let s = try makeString(start: start, end: i, ascii: ascii)
                i += 1
                return s
            }
            if c == 0x5C { return try parseEscapedString(start: start) }
            if c < 0x20 { throw controlCharacter(c) }
            if c >= 0x80 { ascii = false }
            i += 1
        }
        throw JSONParseError(offset: start - 1, reason: "chaîne non terminée")
    }

    func controlCharacter(_ c: UInt8) -> JSONParseError {
        let hex = String(c, radix: 16, uppercase: true)
        return JSONParseError(offset: i, reason: "caractère de contrôle U+\(hex.count < 2 ? "000" : "00")\(hex) interdit dans une chaîne (il doit être échappé)")
    }

    func makeString(start: Int, end: Int, ascii: Bool) throws(JSONParseError) -> String {
        let buf = UnsafeBufferPointer(start: base + start, count: end - start)
        if ascii { return String(decoding: buf, as: UTF8.self) }
        if let s = String(validating: buf, as: UTF8.self) { return s }
        let bad = UTF8Validation.firstInvalidOffset(buf) ?? 0
        throw JSONParseError(offset: start + bad, reason: "UTF-8 invalide", isEncodingError: true)
    }

    /// Slow path: the string has at least one escape; decoded into a byte buffer.
    mutating func parseEscapedString(start: Int) throws(JSONParseError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(i - start + 256)
        var ascii = true
        for k in start..<i where base[k] >= 0x80 { ascii = false; break }
        // Bytes between escapes are copied a run at a time (appending byte by byte checked the
        // array's capacity and uniqueness on every byte: most of the time of a description).
        var run = start
        while i < count {
            skipPlainBytes(&ascii)
            guard i < count else { break }
            let c = base[i]
            if c != 0x22 && c != 0x5C && c >= 0x20 {
                if c >= 0x80 { ascii = false }
                i += 1; continue
            }
            out.append(contentsOf: UnsafeBufferPointer(start: base + run, count: i - run))
            if c == 0x22 {
                i += 1
                if ascii { return String(decoding: out, as: UTF8.self) }
                if let s = String(validating: out, as: UTF8.self) { return s }
                let raw = UnsafeBufferPointer(start: base + start, count: i - 1 - start)
                let bad = UTF8Validation.firstInvalidOffset(raw) ?? 0
                throw JSONParseError(offset: start + bad, reason: "UTF-8 invalide", isEncodingError: true)
            }
            if c < 0x20 { throw controlCharacter(c) }
            guard i + 1 < count else { break }
            let e = base[i + 1]
            switch e {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x2F: out.append(0x2F)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = try hex4(at: i + 2)
                i += 6
                if scalar >= 0xD800 && scalar <= 0xDBFF {
                    // High surrogate: a low one must follow, else U+FFFD.
                    if i + 1 < count, base[i] == 0x5C, base[i + 1] == 0x75, let low = try? hex4(at: i + 2),
                       low >= 0xDC00 && low <= 0xDFFF {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    } else {
                        scalar = 0xFFFD
                    }
                } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                    scalar = 0xFFFD
                }
                JSONCursor.appendUTF8(scalar, to: &out)
                run = i
                continue
            default:
                throw JSONParseError(offset: i, reason: "séquence d’échappement invalide « \\\(Character(Unicode.Scalar(e >= 0x20 && e < 0x7F ? e : 0x3F))) »")
            }
            i += 2
            run = i
        }
        throw JSONParseError(offset: start - 1, reason: "chaîne non terminée")
    }

    func hex4(at j: Int) throws(JSONParseError) -> UInt32 {
        guard j + 4 <= count else { throw JSONParseError(offset: j - 2, reason: "échappement \\u incomplet (4 chiffres hexadécimaux attendus)") }
        var v: UInt32 = 0
        for k in 0..<4 {
            let c = base[j + k]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw JSONParseError(offset: j + k, reason: "échappement \\u invalide (4 chiffres hexadécimaux attendus)")
            }
            v = v << 4 | d
        }
        return v
    }

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
