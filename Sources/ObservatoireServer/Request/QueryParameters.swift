import Foundation

/// The decoded query string of a request: `+` is a space (HTML GET forms), `%XX` is decoded,
/// the last value of a repeated name wins, and empty values count as absent.
public struct QueryParameters: Sendable, Hashable {
    public private(set) var values: [String: String] = [:]

    public init(_ query: String?) {
        guard let query, !query.isEmpty else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                let plus = s.replacingOccurrences(of: "+", with: " ")
                return plus.removingPercentEncoding ?? plus
            }
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]).trimmingCharacters(in: .whitespaces) : ""
            if value.isEmpty { values.removeValue(forKey: name) } else { values[name] = value }
        }
    }

    public subscript(_ name: String) -> String? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// The query string again, names sorted, for links that keep the same view.
    public func encoded(setting changes: [String: String?] = [:]) -> String {
        var v = values
        for (k, value) in changes { v[k] = value ?? nil }
        if v.isEmpty { return "" }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return v.keys.sorted().map { k in
            "\(k.addingPercentEncoding(withAllowedCharacters: allowed) ?? k)=\(v[k]!.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
    }
}
