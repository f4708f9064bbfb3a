/// Minimal JSON writing for the TEXT columns (`domains`, `domain_scores`, `source_skills`,
/// `counts`): faster than `JSONEncoder` on the ingest path, and deterministic (sorted keys).
enum JSONText {
    static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    static func array(_ values: [String]) -> String {
        "[" + values.map(string).joined(separator: ",") + "]"
    }

    static func object(_ values: [String: Double]) -> String {
        "{" + values.keys.sorted().map { string($0) + ":" + number(values[$0]!) }.joined(separator: ",") + "}"
    }

    static func object(_ values: [String: Int]) -> String {
        "{" + values.keys.sorted().map { string($0) + ":" + String(values[$0]!) }.joined(separator: ",") + "}"
    }

    private static func number(_ d: Double) -> String {
        d.isFinite ? "\(d)" : "null"
    }
}
