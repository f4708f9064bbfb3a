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

    /// A buffer meant for many short texts (titles, one after the other): it keeps the
    /// tokenizer's working memory and word memo from the first text on, which a buffer otherwise
    /// does only once a text of some length (512 bytes) has gone through it.
    public init(reusedForShortTexts: Bool) {
        if reusedForShortTexts { storage = ScanStorage() }
    }

    /// The tokenizer's memo of frequent words, kept from one text to the next (see `WordCache`).
    var cache: WordCache?
    /// The tokenizer's working memory, kept from one text to the next.
    var storage: ScanStorage?

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

/// The tokenizer's raw working memory (keys, stems, tokens, token lists), kept by a reused
/// `TokenBuffer` between texts. Sendable because a buffer never shares it: the tokenizer gives
/// a copied buffer its own.
final class ScanStorage: @unchecked Sendable {
    var fold: UnsafeMutablePointer<UInt8>?
    var stems: UnsafeMutablePointer<UInt8>?
    /// Bytes of `fold` and `stems`, not counting the scanner's slack after them.
    var foldCapacity = 0
    var toks: UnsafeMutablePointer<Token>?
    var clauseIdx: UnsafeMutablePointer<Int32>?
    var markIdx: UnsafeMutablePointer<Int32>?
    var tokCapacity = 0

    func releaseKeys() {
        fold?.deallocate(); stems?.deallocate()
        fold = nil; stems = nil; foldCapacity = 0
    }

    func releaseTokens() {
        toks?.deallocate(); clauseIdx?.deallocate(); markIdx?.deallocate()
        toks = nil; clauseIdx = nil; markIdx = nil; tokCapacity = 0
    }

    deinit { releaseKeys(); releaseTokens() }
}
