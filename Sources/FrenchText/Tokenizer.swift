/// Splits French text into words in one pass over its UTF-8 bytes, with offsets back into the
/// original text.
///
/// Rules (each has a test in `Tests/FrenchTextTests`):
/// - case, accents and ligatures are folded (`Sécurité` → `securite`, `œuvre` → `oeuvre`, `ﬁ` → `fi`);
///   soft hyphens and zero-width characters never split a word; non-breaking spaces do;
/// - every apostrophe variant (`'` `’` `ʼ` `′` `‘`) splits, and elided particles (`l'`, `d'`, `qu'`,
///   `jusqu'`…) are flagged so that `l’intelligence artificielle` matches `intelligence artificielle`;
/// - inclusive and gendered suffixes are dropped: `développeur·se`, `développeur.euse`,
///   `développeur(se)`, `développeur/se`, `étudiant·e·s`, `chef·fe`;
/// - technical words stay whole: `C++`, `C#`, `F#`, `Node.js`, `ASP.NET`, `3.5`, `k8s`, `3D`;
/// - words glued by a missing line break are split on a case change (`posteNumberly`); the
///   taxonomy compiler also keeps the unsplit form of camel-case names (`JavaScript`).
public struct Tokenizer: Sendable {
    /// Whether a lower-to-upper case change inside a word splits it.
    public var splitCamelCase: Bool
    /// When set, each token gets the id of its stem in this table (`Token.word`), looked up
    /// while the stem is at hand rather than in a second pass over the tokens.
    public var vocabulary: WordTable?
    /// Words (by vocabulary id) whose tokens are listed in `TokenBuffer.marked`, so that a
    /// reader interested in few words (the matcher: those that start a wording) goes straight
    /// to them instead of reading every token.
    public var marks: [Bool] = []
    /// Whether the buffer gets each token's stem (`TokenBuffer.stems`, `Token.stemStart`). A
    /// reader of word ids alone (the matcher) turns it off: a word found in the memo then costs
    /// no stem read or copy, and the stem ranges of its tokens are empty.
    public var keepsStems = true
    let table: CharacterTable
    /// Whether buffers keep the word memo (`WordCache`); tests turn it off to compare with the
    /// plain path.
    var usesWordMemo = true

    public init(splitCamelCase: Bool = true, vocabulary: WordTable? = nil) {
        self.splitCamelCase = splitCamelCase
        self.vocabulary = vocabulary
        self.table = CharacterTable.shared
    }

    /// Tokenizes a string; offsets are UTF-8 offsets into `text.utf8`.
    public func tokenize(_ text: String) -> TokenBuffer {
        var buffer = TokenBuffer()
        var copy = text
        copy.withUTF8 { tokenize($0, into: &buffer) }
        return buffer
    }

    /// Tokenizes UTF-8 bytes into `buffer`, replacing its content. Invalid UTF-8 bytes act as
    /// separators.
    public func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, into buffer: inout TokenBuffer) {
        buffer.removeAll()
        // A buffer reused for many texts keeps the scanner's working memory from one text to
        // the next (five allocations per text, and memory that is cold each time); never shared
        // between two buffers (copies of one get their own).
        let reused = bytes.count >= 512 || buffer.storage != nil
        if reused && !isKnownUniquelyReferenced(&buffer.storage) { buffer.storage = ScanStorage() }
        var scanner = Scanner(bytes: bytes, table: table, splitCamel: splitCamelCase, vocabulary: vocabulary, marks: marks,
                              keepStems: keepsStems, storage: reused ? buffer.storage : nil)
        // The word memo pays off on the same terms (a text of some length, or a buffer reused for
        // many texts); it is never shared between two buffers either.
        let identity = vocabulary?.identity ?? 0
        if usesWordMemo && reused {
            if !isKnownUniquelyReferenced(&buffer.cache) || buffer.cache!.vocabulary != identity {
                buffer.cache = WordCache(vocabulary: identity, bits: WordCache.smallBits)
            } else if bytes.count >= 512 && buffer.cache!.bits == WordCache.smallBits {
                // A second long text through the same buffer: it serves many (a classifier's
                // scratch), and gets the larger memo; one text alone does not pay for it.
                buffer.cache = WordCache(vocabulary: identity, bits: WordCache.largeBits)
            }
            scanner.cache = buffer.cache!.memory
        }
        defer { scanner.release(to: reused ? buffer.storage : nil) }
        scanner.run(into: &buffer)
    }
}

/// Suffixes of inclusive and gendered writing that follow `·`, `.`, `/` or sit in parentheses.
let inclusiveSuffixes = ShortKeySet([
    "e", "es", "s", "se", "ses", "euse", "euses", "rice", "rices", "trice", "trices", "ice", "ices",
    "ne", "nes", "fe", "fes", "ere", "eres", "le", "les", "te", "tes", "ve", "ves", "ive", "ives",
    "sse", "sses", "esse", "esses", "ienne", "iennes", "enne", "ennes", "lle", "lles", "x", "h", "f",
])

/// Words after `.` that stay glued to the word before (`Node.js`, `ASP.NET`, `socket.io`).
let dotJoinedSuffixes = ShortKeySet(["js", "net", "io", "ts", "py"])

/// Elided particles: the part before the apostrophe in `l'`, `d'`, `qu'`, `jusqu'`.
let elisions = ShortKeySet(["l", "d", "j", "qu", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu",
                           "quoiqu", "presqu"])

/// Function words the matcher steps over, in texts and in taxonomy wordings alike, so that
/// `analyse des données` = `analyse de données` = `analyse données`.
let skipWords = ShortKeySet(["de", "du", "des", "le", "la", "les", "un", "une", "en", "au", "aux"])

struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let table: CharacterTable
    let splitCamel: Bool
    /// Copies of the global sets: reading a global checks its one-time initialization on every word.
    let stopWords = StopWords.set
    let skipWords = FrenchText.skipWords
    let asciiClasses: CharacterTable.ClassPointer

    var i = 0
    var inToken = false
    var tokStart = 0
    var keyStart = 0
    var pending: Token.Flags = [.lineStart, .clauseStart]
    var tokFlags: Token.Flags = []
    var letters = 0
    /// The current token has a character outside ASCII (its key may differ from its bytes).
    var nonASCII = false
    var uppers = 0
    var prevLower = false
    /// Folded and stemmed keys, in raw storage while scanning (growing arrays cost 13 % of the
    /// time), copied into the token buffer once at the end.
    var fold: UnsafeMutablePointer<UInt8>
    var foldCount = 0
    var foldCapacity: Int
    var stems: UnsafeMutablePointer<UInt8>
    var stemCount = 0
    /// Tokens, in raw storage too (appending to the buffer's array checks uniqueness and
    /// capacity on every word).
    var toks: UnsafeMutablePointer<Token>
    var tokCount = 0
    var tokCapacity: Int
    /// Indices of tokens that start a line or clause, and of tokens of marked words (raw
    /// storage as well, sized like `toks`).
    var clauseIdx: UnsafeMutablePointer<Int32>
    var clauseCount = 0
    var markIdx: UnsafeMutablePointer<Int32>
    var markCount = 0
    let marks: [Bool]

    let vocabulary: WordTable?
    /// The buffer's word memo, when it has one.
    var cache: WordCache.Memory?
    let keepStems: Bool

    init(bytes: UnsafeBufferPointer<UInt8>, table: CharacterTable, splitCamel: Bool, vocabulary: WordTable?, marks: [Bool],
         keepStems: Bool, storage: ScanStorage?) {
        self.bytes = bytes; self.table = table; self.splitCamel = splitCamel; self.vocabulary = vocabulary
        asciiClasses = table.asciiClasses
        self.keepStems = keepStems
        self.marks = marks
        let foldNeeded = bytes.count * 2 + 64, tokNeeded = bytes.count / 4 + 64
        if let storage, storage.foldCapacity >= foldNeeded {
            (fold, stems, foldCapacity) = (storage.fold!, storage.stems!, storage.foldCapacity)
            storage.fold = nil; storage.stems = nil; storage.foldCapacity = 0
        } else {
            storage?.releaseKeys()
            foldCapacity = foldNeeded
            fold = .allocate(capacity: foldCapacity + Self.slack)
            stems = .allocate(capacity: foldCapacity + Self.slack)
        }
        if let storage, storage.tokCapacity >= tokNeeded {
            (toks, clauseIdx, markIdx, tokCapacity) = (storage.toks!, storage.clauseIdx!, storage.markIdx!, storage.tokCapacity)
            storage.toks = nil; storage.clauseIdx = nil; storage.markIdx = nil; storage.tokCapacity = 0
        } else {
            storage?.releaseTokens()
            tokCapacity = tokNeeded
            toks = .allocate(capacity: tokCapacity)
            clauseIdx = .allocate(capacity: tokCapacity)
            markIdx = .allocate(capacity: tokCapacity)
        }
    }

    /// Gives the working memory back to `storage` for the next text, or frees it.
    func release(to storage: ScanStorage?) {
        guard let storage else {
            fold.deallocate(); stems.deallocate(); toks.deallocate(); clauseIdx.deallocate(); markIdx.deallocate()
            return
        }
        (storage.fold, storage.stems, storage.foldCapacity) = (fold, stems, foldCapacity)
        (storage.toks, storage.clauseIdx, storage.markIdx, storage.tokCapacity) = (toks, clauseIdx, markIdx, tokCapacity)
    }

    /// Bytes allocated past the capacity of the key buffers, so that a key is read and copied
    /// 8 bytes at a time.
    static let slack = 16

    @inline(__always) mutating func appendToken(_ t: Token) {
        if tokCount == tokCapacity { growTokens() }
        (toks + tokCount).initialize(to: t)
        // Both lists are written unconditionally and kept when the condition holds (no branch).
        clauseIdx[clauseCount] = Int32(tokCount)
        clauseCount &+= Int(t.flags.rawValue & Self.startFlags != 0 ? 1 : 0)
        markIdx[markCount] = Int32(tokCount)
        markCount &+= t.word >= 0 && Int(t.word) < marks.count && marks[Int(t.word)] ? 1 : 0
        tokCount += 1
    }

    static let startFlags = Token.Flags.lineStart.rawValue | Token.Flags.clauseStart.rawValue

    mutating func growTokens() {
        let cap = tokCapacity * 2
        let grown = UnsafeMutablePointer<Token>.allocate(capacity: cap)
        grown.moveInitialize(from: toks, count: tokCount)
        toks.deallocate(); toks = grown
        let c = UnsafeMutablePointer<Int32>.allocate(capacity: cap)
        c.update(from: clauseIdx, count: clauseCount)
        clauseIdx.deallocate(); clauseIdx = c
        let m = UnsafeMutablePointer<Int32>.allocate(capacity: cap)
        m.update(from: markIdx, count: markCount)
        markIdx.deallocate(); markIdx = m
        tokCapacity = cap
    }

    /// Makes room for `n` more folded bytes (stems never outgrow the folded keys).
    @inline(__always) mutating func reserve(_ n: Int) {
        guard foldCount + n > foldCapacity else { return }
        var cap = foldCapacity * 2
        while foldCount + n > cap { cap *= 2 }
        let f = UnsafeMutablePointer<UInt8>.allocate(capacity: cap + Self.slack)
        f.update(from: fold, count: foldCount)
        fold.deallocate(); fold = f
        let s = UnsafeMutablePointer<UInt8>.allocate(capacity: cap + Self.slack)
        s.update(from: stems, count: stemCount)
        stems.deallocate(); stems = s
        foldCapacity = cap
    }

    @inline(__always) mutating func put(_ b: UInt8) {
        if foldCount == foldCapacity { reserve(1) }
        fold[foldCount] = b
        foldCount += 1
    }

    /// Decodes the scalar at `at`: (scalar, byte length). Invalid sequences give (0xFFFD, 1).
    @inline(__always) func decode(_ at: Int) -> (UInt32, Int) {
        let b0 = bytes[at]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        let n = bytes.count
        if b0 & 0xE0 == 0xC0, at + 1 < n, bytes[at + 1] & 0xC0 == 0x80, b0 >= 0xC2 {
            return (UInt32(b0 & 0x1F) << 6 | UInt32(bytes[at + 1] & 0x3F), 2)
        }
        if b0 & 0xF0 == 0xE0, at + 2 < n, bytes[at + 1] & 0xC0 == 0x80, bytes[at + 2] & 0xC0 == 0x80 {
            let c = UInt32(b0 & 0x0F) << 12 | UInt32(bytes[at + 1] & 0x3F) << 6 | UInt32(bytes[at + 2] & 0x3F)
            if c >= 0x800 && !(0xD800...0xDFFF).contains(c) { return (c, 3) }
        }
        if b0 & 0xF8 == 0xF0, at + 3 < n, bytes[at + 1] & 0xC0 == 0x80, bytes[at + 2] & 0xC0 == 0x80,
           bytes[at + 3] & 0xC0 == 0x80 {
            let c = UInt32(b0 & 0x07) << 18 | UInt32(bytes[at + 1] & 0x3F) << 12
                | UInt32(bytes[at + 2] & 0x3F) << 6 | UInt32(bytes[at + 3] & 0x3F)
            if c >= 0x10000 && c <= 0x10FFFF { return (c, 4) }
        }
        return (0xFFFD, 1)
    }

    @inline(__always) func classAt(_ at: Int) -> (CharClass, UInt32, Int) {
        guard at < bytes.count else { return (.space, 0x20, 0) }
        let b = bytes[at]
        if b < 0x80 { return (asciiClasses[b], UInt32(b), 1) }
        let (c, n) = decode(at)
        if c == 0xFFFD && n == 1 { return (.other, c, 1) }
        return (table.charClass(c), c, n)
    }

    /// Folded letters of the word-character run starting at `at`, and where it ends
    /// (ignorables and marks included). Stops after `limit` letters.
    func wordRun(at: Int, limit: Int = 8) -> (key: [UInt8], end: Int, digits: Bool) {
        var j = at
        var key: [UInt8] = []
        var allDigits = true
        var count = 0
        while j < bytes.count {
            let (cls, c, n) = classAt(j)
            if cls == .word {
                count += 1
                if count > limit { return (key, j, false) }
                table.appendFold(c, to: &key)
                if !(c >= 0x30 && c <= 0x39) { allDigits = false }
            } else if cls != .mark && cls != .ignorable { break }
            j += n
        }
        return (key, j, allDigits && !key.isEmpty)
    }

    mutating func run(into buf: inout TokenBuffer) {
        let n = bytes.count
        while i < n {
            // Fast paths for the two commonest cases, ASCII spaces and word characters: a jump
            // through the class switch on every character mispredicts.
            let b = bytes[i]
            if b == 0x20 { endTokenAtSpace(&buf); i += 1; continue }
            if b < 0x80 {
                let cls = asciiClasses[b]
                if b &- 0x61 < 26 {
                    // A lower-case ASCII letter (most words start with one) is taken by the run
                    // like the letters after it: no case, fold or class look-up.
                    if !inToken { beginToken(&buf) }
                    reserve(n - i)
                    asciiRun()
                } else if cls == .word {
                    word(UInt32(b), 1, &buf)
                } else {
                    separator(cls, UInt32(b), 1, &buf)
                }
                continue
            }
            let (cls, c, len) = classAt(i)
            if cls == .word { word(c, len, &buf) } else { separator(cls, c, len, &buf) }
        }
        endToken(&buf)
        buf.tokens.append(contentsOf: UnsafeBufferPointer(start: toks, count: tokCount))
        buf.folded.append(contentsOf: UnsafeBufferPointer(start: fold, count: foldCount))
        buf.stems.append(contentsOf: UnsafeBufferPointer(start: stems, count: stemCount))
        buf.clauseStarts.append(contentsOf: UnsafeBufferPointer(start: clauseIdx, count: clauseCount))
        buf.marked.append(contentsOf: UnsafeBufferPointer(start: markIdx, count: markCount))
    }

    /// Any character but a word character or an ASCII space: out of line, so that the loop above
    /// branches on those two instead of jumping through this switch's table at every word.
    @inline(never) mutating func separator(_ cls: CharClass, _ c: UInt32, _ len: Int, _ buf: inout TokenBuffer) {
        let n = bytes.count
        switch cls {
        case .word:
            break // taken before the switch
        case .mark, .ignorable:
            i += len
        case .apostrophe:
            if inToken {
                let isElision = elisions.contains(UnsafeBufferPointer(start: fold + keyStart, count: foldCount - keyStart))
                let (nextCls, _, _) = classAt(i + len)
                endToken(&buf)
                if nextCls == .word, isElision {
                    toks[tokCount - 1].flags.formUnion([.elision, .skip, .stop])
                }
            }
            i += len
        case .middleDot:
            if inToken, case (.word, _, _) = classAt(i + len) {
                i = skipInclusiveChain(from: i, any: true)
                endToken(&buf)
            } else {
                endToken(&buf)
                pending.insert(.clauseStart)
                i += len
            }
        case .dot:
            if inToken {
                let run = wordRun(at: i + 1)
                if run.key.isEmpty {
                    endToken(&buf); pending.insert(.clauseStart); i += 1
                } else if run.digits && lastCharIsDigit() {
                    put(0x2E); i += 1 // 3.5: keep going
                } else if dotJoinedSuffixes.contains(run.key) {
                    put(0x2E); i += 1 // Node.js
                } else if inclusiveSuffixes.contains(run.key), !isWordAt(run.end), letters >= 3 {
                    i = skipInclusiveChain(from: i, any: false)
                    endToken(&buf)
                } else {
                    endToken(&buf); pending.insert(.clauseStart); i += 1
                }
            } else {
                // A dot before a word (`.NET`) starts nothing; elsewhere it ends a sentence.
                if !isWordAt(i + 1) { pending.insert(.clauseStart) }
                i += 1
            }
        case .plusHash:
            if inToken, letters == 1, foldCount - keyStart == 1 {
                if c == 0x2B, i + 1 < n, bytes[i + 1] == 0x2B, !isWordAt(i + 2) {
                    put(0x2B); put(0x2B); i += 2
                    endToken(&buf); return
                }
                if c == 0x23, !isWordAt(i + 1) {
                    put(0x23); i += 1
                    endToken(&buf); return
                }
            }
            endToken(&buf); i += len
        case .openParen:
            if inToken {
                let run = wordRun(at: i + len)
                if inclusiveSuffixes.contains(run.key), run.end < n, bytes[run.end] == 0x29 {
                    i = run.end + 1
                    endToken(&buf); return
                }
            }
            endToken(&buf); i += len
        case .slash:
            if inToken {
                let run = wordRun(at: i + len)
                if run.key.count >= 2, inclusiveSuffixes.contains(run.key), !isWordAt(run.end), letters >= 4 {
                    i = run.end
                    endToken(&buf); return
                }
            }
            endToken(&buf); i += len
        case .hyphen:
            endToken(&buf)
            // A dash between spaces separates clauses ("Python – SQL"); inside a word it does not.
            if i > 0, bytes[i - 1] == 0x20, i + len < n, bytes[i + len] == 0x20 { pending.insert(.clauseStart) }
            i += len
        case .newline:
            endToken(&buf); pending.formUnion([.lineStart, .clauseStart]); i += len
        case .clause:
            endToken(&buf)
            if c == 0x3A || c == 0x3F, tokCount > 0, onlySpacesBetween(Int(toks[tokCount - 1].end), i) {
                toks[tokCount - 1].flags.insert(.beforeColon)
            }
            pending.insert(.clauseStart); i += len
        case .space, .other, .closeParen, .ampersand, .lessThan:
            endToken(&buf); i += len
        }
    }

    /// A word character: starts or continues the current token, then takes the rest of an
    /// ASCII word without decoding or table look-ups.
    @inline(__always) mutating func word(_ c: UInt32, _ len: Int, _ buf: inout TokenBuffer) {
        let n = bytes.count
        let isUpper = c < 0x80 ? (c >= 0x41 && c <= 0x5A) : table.isUpper(c)
        if inToken && splitCamel && prevLower && isUpper {
            let (nextCls, nextC, _) = classAt(i + len)
            if nextCls == .word && table.isLower(nextC) {
                endToken(&buf)
                pending.insert(.camelStart)
            }
        }
        if !inToken { beginToken(&buf) }
        reserve(table.maxFoldLength(c))
        foldCount += table.fold(c, into: fold + foldCount)
        if c >= 0x80 { nonASCII = true }
        if c >= 0x30 && c <= 0x39 { tokFlags.insert(.hasDigit) } else {
            letters += 1
            if isUpper { uppers += 1; if letters == 1 { tokFlags.insert(.capitalized) } }
        }
        prevLower = c < 0x80 ? (c >= 0x61 && c <= 0x7A) : table.isLower(c)
        i += len
        reserve(n - i)
        asciiRun()
    }

    /// Takes the rest of a word in ASCII and lower-case Latin-1 from `i` on, without decoding or
    /// class look-ups, in locals (fields of `self` would be stored back to memory on every byte).
    /// Needs room for the rest of the text in the key buffer (`reserve(bytes.count - i)`).
    @inline(__always) mutating func asciiRun() {
        let n = bytes.count
        let base = bytes.baseAddress!, out = fold
        var j = i, count = foldCount, lettersSeen = letters, upperSeen = uppers, lower = prevLower, digit = false
        // First the leading run of a–z, 8 bytes at a time (SWAR): most of a French word once its
        // first letter is taken. Storing 8 bytes past the run is safe: `reserve(n - i)` above
        // made room for the rest of the text, and `j + 8 <= n`.
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        let latin = table.latinLowerFold
        scan: while true {
            while j + 8 <= n {
                let w = UInt64(littleEndian: UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self))
                let x = w & ~high
                let atLeastA = (x &+ ones &* 0x1F) & high, pastZ = (x &+ ones &* 0x05) & high
                let letterBytes = atLeastA & ~pastZ & ~w & high
                UnsafeMutableRawPointer(out + count).storeBytes(of: w.littleEndian, as: UInt64.self)
                let k = letterBytes == high ? 8 : (~letterBytes & high).trailingZeroBitCount >> 3
                count += k; lettersSeen += k; j += k
                if k > 0 { lower = true }
                if k < 8 { break }
            }
            guard j < n else { break }
            // Then one character: a letter or digit left after the run, or an accented lower-case
            // Latin-1 letter (`é`, `ç`, `à`: two bytes, folded from the table), then the run again.
            let b = base[j]
            if b &- 0x61 < 26 {
                out[count] = b; count += 1; lettersSeen += 1; lower = true; j += 1
            } else if b &- 0x30 < 10 {
                out[count] = b; count += 1; digit = true; lower = false; j += 1
            } else if b &- 0x41 < 26 && !(lower && splitCamel) {
                out[count] = b | 0x20; count += 1; lettersSeen += 1; upperSeen += 1; lower = false; j += 1
            } else if b == 0xC3, j + 1 < n, base[j + 1] & 0xC0 == 0x80, case let e = latin[Int(base[j + 1] & 0x3F)], e != 0 {
                out[count] = UInt8(truncatingIfNeeded: e)
                if e >> 16 == 2 { out[count + 1] = UInt8(truncatingIfNeeded: e >> 8) }
                count += Int(e >> 16); lettersSeen += 1; lower = true; j += 2; nonASCII = true
            } else {
                break scan
            }
        }
        i = j; foldCount = count; letters = lettersSeen; uppers = upperSeen; prevLower = lower
        if digit { tokFlags.insert(.hasDigit) }
    }

    @inline(__always) func isWordAt(_ at: Int) -> Bool {
        at < bytes.count && classAt(at).0 == .word
    }

    func onlySpacesBetween(_ a: Int, _ b: Int) -> Bool {
        var j = a
        // Spaces, including the no-break and narrow no-break spaces of French typography.
        while j < b {
            switch bytes[j] { case 0x20, 0xC2, 0xA0, 0xE2, 0x80, 0xAF: j += 1; default: return false }
        }
        return true
    }

    func lastCharIsDigit() -> Bool {
        guard foldCount > 0 else { return false }
        let last = fold[foldCount - 1]
        return last >= 0x30 && last <= 0x39
    }

    /// Skips `·se`, `·e·s`, `.euse`… starting at the separator; returns the index after the chain.
    func skipInclusiveChain(from: Int, any: Bool) -> Int {
        var j = from
        while j < bytes.count {
            let (cls, _, len) = classAt(j)
            guard cls == .middleDot || cls == .dot else { break }
            let run = wordRun(at: j + len)
            guard !run.key.isEmpty, run.key.count <= 6 else { break }
            if !any && !inclusiveSuffixes.contains(run.key) { break }
            j = run.end
        }
        return j
    }

    @inline(__always) mutating func beginToken(_ buf: inout TokenBuffer) {
        inToken = true
        tokStart = i
        keyStart = foldCount
        tokFlags = pending
        pending = []
        letters = 0; uppers = 0; prevLower = false; nonASCII = false
    }

    /// `endToken` where most tokens end (a space): a word found in the memo is finished here,
    /// inline in the scanning loop (`endToken` is too big for the compiler to inline there, and a
    /// call per word cost its register saves and restores); any other goes to `endToken`, with
    /// the memo probe already made.
    @inline(__always) mutating func endTokenAtSpace(_ buf: inout TokenBuffer) {
        guard inToken, let cache else { return endToken(&buf) }
        let length = foldCount - keyStart
        guard length > 0, length <= 16 else { return endToken(&buf) }
        let (k0, k1) = Self.memoKey(keyBytes(length), length)
        let slot = cache.slot(k0, k1, length)
        if let meta = cache.meta(slot, k0, k1, length) {
            endFromMemo(meta, slot: slot, cache)
        } else {
            endToken(&buf, missed: (k0, k1, slot))
        }
    }

    /// Where the current token's key (`length` bytes) can be read with 16 readable bytes after
    /// it. A key equal to the word's own bytes (lower-case ASCII) is read from the text: read
    /// from the key buffer, just written by overlapping stores, the load waits for them (no
    /// store forwarding), and the memo look-up waits for the load. The key buffer has `slack`.
    @inline(__always) func keyBytes(_ length: Int) -> UnsafeRawPointer {
        let asWritten = uppers == 0 && !nonASCII && i - tokStart == length && tokStart + 16 <= bytes.count
        return asWritten ? UnsafeRawPointer(bytes.baseAddress! + tokStart) : UnsafeRawPointer(fold + keyStart)
    }

    /// The memo key of a key of `length` (1...16) bytes at `key`, followed by readable bytes: two
    /// words, zero-padded.
    @inline(__always) static func memoKey(_ key: UnsafeRawPointer, _ length: Int) -> (UInt64, UInt64) {
        let head = UInt64(littleEndian: key.loadUnaligned(as: UInt64.self))
        let second = UInt64(littleEndian: key.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        if length < 8 { return (head & ((1 << UInt64(8 * length)) &- 1), 0) }
        return (head, length == 16 ? second : second & ((1 << UInt64(8 * (length - 8))) &- 1))
    }

    /// Ends the current token with what the memo remembers of its key (`meta` of entry `slot`).
    @inline(__always) mutating func endFromMemo(_ meta: UInt64, slot: Int, _ cache: WordCache.Memory) {
        inToken = false
        prevLower = false
        if letters >= 2 && uppers == letters { tokFlags.insert(.allUpper) }
        let stemStart = stemCount
        if keepStems {
            let (s0, s1) = cache.stem(slot)
            UnsafeMutableRawPointer(stems + stemStart).storeBytes(of: s0.littleEndian, as: UInt64.self)
            UnsafeMutableRawPointer(stems + stemStart + 8).storeBytes(of: s1.littleEndian, as: UInt64.self)
            stemCount += Int((meta >> 8) & 0xFF)
        }
        tokFlags.formUnion(Token.Flags(rawValue: UInt16(truncatingIfNeeded: meta >> 16)))
        var token = Token(start: Int32(tokStart), end: Int32(i), keyStart: Int32(keyStart), keyEnd: Int32(foldCount),
                          stemStart: Int32(stemStart), stemEnd: Int32(stemCount), flags: tokFlags)
        token.word = Int32(truncatingIfNeeded: meta >> 32) - 1
        appendToken(token)
    }

    /// Ends the current token: from the memo when its key is there, else with the stop-word,
    /// stemming and vocabulary look-ups, remembered in the memo. `missed`: the memo probe
    /// `endTokenAtSpace` already made and lost (key words and entry).
    @inline(never) mutating func endToken(_ buf: inout TokenBuffer, missed: (UInt64, UInt64, Int)? = nil) {
        guard inToken else { return }
        let keyEnd = foldCount
        let length = keyEnd - keyStart
        if length == 0 {
            // Only characters that fold to nothing: no token, but keep its position flags.
            inToken = false
            prevLower = false
            pending.formUnion(tokFlags.intersection([.lineStart, .clauseStart]))
            return
        }
        let key = keyBytes(length)
        var probe = missed
        if probe == nil, let cache, length <= 16 {
            let (k0, k1) = Self.memoKey(key, length)
            let slot = cache.slot(k0, k1, length)
            if let meta = cache.meta(slot, k0, k1, length) { return endFromMemo(meta, slot: slot, cache) }
            probe = (k0, k1, slot)
        }
        inToken = false
        prevLower = false
        if letters >= 2 && uppers == letters { tokFlags.insert(.allUpper) }
        let stemStart = stemCount
        // The first 8 bytes of the key in one load; function words are stop words too, so one
        // look-up decides for most words.
        let head = UInt64(littleEndian: key.loadUnaligned(as: UInt64.self))
        let before = tokFlags
        if length <= 8 {
            let packed = ShortKeySet.pack(littleEndian: head, count: length)
            if stopWords.contains(packed: packed) {
                tokFlags.insert(.stop)
                if length <= 3, skipWords.contains(packed: packed) { tokFlags.insert(.skip) }
            }
        } else if stopWords.contains(UnsafeBufferPointer(start: fold + keyStart, count: length)) {
            tokFlags.insert(.stop)
        }
        stemCount += LightStemmer.stemWithSlack(fold + keyStart, length, head: head, into: stems + stemCount)
        var token = Token(start: Int32(tokStart), end: Int32(i), keyStart: Int32(keyStart), keyEnd: Int32(keyEnd),
                          stemStart: Int32(stemStart), stemEnd: Int32(stemCount), flags: tokFlags)
        if let vocabulary {
            // The stems buffer has `slack` bytes past its capacity: the hash reads the tail in one load.
            token.word = vocabulary.lookup(UnsafeBufferPointer(start: stems + stemStart, count: stemCount - stemStart),
                                           readable: foldCapacity + Self.slack - stemStart) ?? -1
        }
        if let (k0, k1, slot) = probe, let cache {
            // Remember what depends on the key alone: the stop-word flags this word added, its stem, its id.
            let added = tokFlags.subtracting(before).intersection([.stop, .skip])
            let stemLength = stemCount - stemStart
            let s0 = UInt64(littleEndian: UnsafeRawPointer(stems + stemStart).loadUnaligned(as: UInt64.self))
            let s1 = UInt64(littleEndian: UnsafeRawPointer(stems + stemStart + 8).loadUnaligned(as: UInt64.self))
            cache.store(slot, k0: k0, k1: k1, meta: UInt64(length) | UInt64(stemLength) << 8 | UInt64(added.rawValue) << 16
                            | UInt64(UInt32(bitPattern: token.word &+ 1)) << 32, s0: s0, s1: s1)
        }
        if !keepStems {
            // The stem served the look-ups only.
            stemCount = stemStart
            token.stemEnd = token.stemStart
        }
        appendToken(token)
    }
}
