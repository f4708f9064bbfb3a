import Records

/// Minimal JSON writing for the TEXT columns (`domains`, `domain_scores`, `source_skills`,
/// `counts`): faster than `JSONEncoder` on the ingest path, and deterministic (sorted keys).
extension JSONText {
    static func string(_ s: String) -> String { quoted(s) }

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
