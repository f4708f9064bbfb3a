/// The words of one text, in reusable storage: tokenizing the next text reuses the capacity.
public struct TokenBuffer: Sendable {
    public internal(set) var tokens: [Token] = []
    /// Folded keys of all tokens, back to back.
    public internal(set) var folded: [UInt8] = []
    /// Light-stemmed keys of all tokens, back to back.
    public internal(set) var stems: [UInt8] = []

    public init() {
        tokens.reserveCapacity(1024); folded.reserveCapacity(8192); stems.reserveCapacity(8192)
    }

    public var count: Int { tokens.count }

    mutating func removeAll() {
        tokens.removeAll(keepingCapacity: true)
        folded.removeAll(keepingCapacity: true)
        stems.removeAll(keepingCapacity: true)
    }

    /// The folded key of token `i` as a string (tests, diagnostics).
    public func key(_ i: Int) -> String {
        let t = tokens[i]
        return String(decoding: folded[Int(t.keyStart)..<Int(t.keyEnd)], as: UTF8.self)
    }

    /// The stemmed key of token `i` as a string.
    public func stem(_ i: Int) -> String {
        let t = tokens[i]
        return String(decoding: stems[Int(t.stemStart)..<Int(t.stemEnd)], as: UTF8.self)
    }

    /// All folded keys (tests, diagnostics).
    public var keys: [String] { (0..<count).map(key) }
}
