/// Writing JSON strings fast, for the CLI and exporters: one scan, whole runs of safe bytes
/// appended at once.
public enum JSONText {
    /// `s` as a JSON string literal, quotes included. Escapes `"`, `\`, control characters and
    /// U+2028/U+2029 (so the output is also safe inside a `<script>`-embedded JS string).
    public static func quoted(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 2)
        out.append("\"")
        escape(s, into: &out)
        out.append("\"")
        return out
    }

    /// `s` escaped for use between JSON quotes (quotes not added).
    public static func escape(_ s: String) -> String {
        var out = ""
        escape(s, into: &out)
        return out
    }

    /// Appends `s`, escaped, to `out` (quotes not added).
    public static func escape(_ s: String, into out: inout String) {
        var s = s
        s.withUTF8 { u in
            guard let base = u.baseAddress else { return }
            let n = u.count
            var runStart = 0
            var i = 0
            func flush(_ end: Int) {
                if end > runStart {
                    out.append(String(decoding: UnsafeBufferPointer(start: base + runStart, count: end - runStart), as: UTF8.self))
                }
            }
            while i < n {
                let c = base[i]
                if c >= 0x20 && c != 0x22 && c != 0x5C && c != 0xE2 { i += 1; continue }
                if c == 0xE2 {
                    // U+2028 = E2 80 A8, U+2029 = E2 80 A9
                    if i + 2 < n && base[i + 1] == 0x80 && (base[i + 2] == 0xA8 || base[i + 2] == 0xA9) {
                        flush(i)
                        out.append(base[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                        i += 3; runStart = i
                    } else {
                        i += 1
                    }
                    continue
                }
                flush(i)
                switch c {
                case 0x22: out.append("\\\"")
                case 0x5C: out.append("\\\\")
                case 0x0A: out.append("\\n")
                case 0x0D: out.append("\\r")
                case 0x09: out.append("\\t")
                case 0x08: out.append("\\b")
                case 0x0C: out.append("\\f")
                default:
                    let hex = String(c, radix: 16)
                    out.append(hex.count == 1 ? "\\u000" + hex : "\\u00" + hex)
                }
                i += 1; runStart = i
            }
            flush(n)
        }
    }
}
