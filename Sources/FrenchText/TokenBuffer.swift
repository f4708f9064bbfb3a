/// The words of one text, in reusable storage: tokenizing the next text reuses the capacity.
public struct TokenBuffer: Sendable {
    public internal(set) var tokens: [Token] = []
    /// Folded keys of all tokens, back to back.
    public internal(set) var folded: [UInt8] = []
    /// Light-stemmed keys of all tokens, back to back.
    public internal(set) var stems: [UInt8] = []
    /// Indices of the tokens that start a line or a clause (`Token.Flags.lineStart`,
    /// `.clauseStart`), in order: where headings can begin.
    public internal(set) var clauseStarts: [Int32] = []
    /// Indices of the tokens whose word is marked in `Tokenizer.marks`, in order. Flags set on a
    /// token after it ends (an elided particle's `.skip`) are not taken into account: read them.
    public internal(set) var marked: [Int32] = []

    /// An empty buffer. Nothing is reserved: the tokenizer appends each array's content in one
    /// go, and the thousands of short wordings and titles tokenized at start-up each paid for
    /// 48 KB of reserved, page-faulted memory.
    public init() {}

    /// The tokenizer's memo of frequent words, kept from one text to the next (see `WordCache`).
    var cache: WordCache?

    public var count: Int { tokens.count }

    mutating func removeAll() {
        tokens.removeAll(keepingCapacity: true)
        folded.removeAll(keepingCapacity: true)
        stems.removeAll(keepingCapacity: true)
        clauseStarts.removeAll(keepingCapacity: true)
        marked.removeAll(keepingCapacity: true)
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
