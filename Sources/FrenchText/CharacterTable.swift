import CICU
/// What a character is to the tokenizer.
public enum CharClass: UInt8, Sendable {
    case other = 0
    /// Letters and digits: part of a word; `fold` gives their folded form.
    case word
    /// Combining marks: part of a word, folded away.
    case mark
    case space
    case newline
    /// Soft hyphen, zero-width characters, BOM: invisible, never break a word.
    case ignorable
    /// `'` `’` `ʼ` `′` `‘` `` ` `` `´`: elision and apostrophe.
    case apostrophe
    /// Middle dots used in inclusive writing: `·` `‧` `⋅` `•` inside a word.
    case middleDot
    case hyphen
    case slash
    case dot
    /// `+` and `#` (`C++`, `C#`).
    case plusHash
    case openParen
    case closeParen
    /// `;` `:` `!` `?` and other clause-ending punctuation.
    case clause
    case ampersand
    case lessThan
}

/// Character classes and folded forms (case, diacritics, ligatures) for every scalar the
/// tokenizer meets, computed once from ICU when first used, so that tokenizing needs no ICU
/// call per character.
///
/// Folding = NFKC case folding (ICU), then Latin-ASCII transliteration for the Latin letters that
/// do not decompose (`œ`→`oe`, `æ`→`ae`, `ø`→`o`, `ß`→`ss`), then removal of combining marks
/// (NFD, category Mn). Scalars beyond the precomputed ranges are folded through ICU on demand.
///
/// A class, immutable: every tokenizer call holds it with one reference count (as a struct of
/// eight arrays it cost eight retains and releases per call).
public final class CharacterTable: Sendable {
    /// The table every tokenizer uses.
    public static let shared = CharacterTable()

    /// Precomputed ranges: U+0000–U+24FF (Latin, Greek, Cyrillic, punctuation, symbols) and the
    /// alphabetic presentation forms U+FB00–U+FB4F (ligatures `ﬁ` `ﬂ`).
    static let lowLimit: UInt32 = 0x2500
    static let ligatureRange: ClosedRange<UInt32> = 0xFB00...0xFB4F

    private let classes: [CharClass]
    /// Classes of the ASCII range, for the tokenizer's fast path: in memory of its own (an array
    /// read in the scanner's loop checked the array's bounds on every character).
    let asciiClasses: ClassPointer

    struct ClassPointer: @unchecked Sendable {
        let base: UnsafeMutablePointer<CharClass>
        @inline(__always) subscript(_ b: UInt8) -> CharClass { base[Int(b & 0x7F)] }
    }
    /// Folded forms of the lower-case Latin-1 letters U+00C0–U+00FF by their UTF-8 second byte
    /// (after `C3`), for the tokenizer's fast path: first byte in bits 0–7, second in 8–15,
    /// length in 16–23; 0 for the others (upper case, `÷`), which take the general path.
    let latinLowerFold: [UInt32]
    private let upper: [Bool]
    private let lower: [Bool]
    private let foldStart: [UInt32]
    private let foldBytes: [UInt8]

    init() {
        let count = Int(Self.lowLimit) + Self.ligatureRange.count
        var classes = [CharClass](repeating: .other, count: count)
        var upper = [Bool](repeating: false, count: count)
        var lower = [Bool](repeating: false, count: count)
        var foldStart = [UInt32](repeating: 0, count: count + 1)
        var foldBytes: [UInt8] = []
        foldBytes.reserveCapacity(count * 2)
        var infos: [Info] = []
        infos.reserveCapacity(count)
        var pending: [(Int, String)] = []
        for i in 0..<count {
            let c = i < Int(Self.lowLimit) ? UInt32(i) : Self.ligatureRange.lowerBound + UInt32(i - Int(Self.lowLimit))
            let (info, latin) = Self.computeFolding(c)
            if let latin { pending.append((i, latin)) }
            infos.append(info)
        }
        // The Latin letters that do not decompose (`œ`, `ø`, `đ`…) go through ICU's Latin-ASCII
        // transliterator in one call: opening it once per letter (a hundred times) took 38 ms of
        // every command's start-up, 20 ms now (12 of them ICU's first load of its rules).
        for ((i, _), folded) in zip(pending, Self.latinASCII(pending.map(\.1))) { infos[i].fold = folded }
        for i in 0..<count {
            foldStart[i] = UInt32(foldBytes.count)
            classes[i] = infos[i].cls
            upper[i] = infos[i].upper
            lower[i] = infos[i].lower
            foldBytes.append(contentsOf: infos[i].fold)
        }
        foldStart[count] = UInt32(foldBytes.count)
        let base = UnsafeMutablePointer<CharClass>.allocate(capacity: 128)
        base.initialize(from: classes, count: 128)
        asciiClasses = ClassPointer(base: base)
        var latin = [UInt32](repeating: 0, count: 64)
        for k in 0..<64 {
            let i = 0xC0 + k
            let fold = foldBytes[Int(foldStart[i])..<Int(foldStart[i + 1])]
            guard classes[i] == .word, lower[i], !upper[i], (1...2).contains(fold.count) else { continue }
            latin[k] = UInt32(fold.first!) | UInt32(fold.count == 2 ? fold.last! : 0) << 8 | UInt32(fold.count) << 16
        }
        latinLowerFold = latin
        self.classes = classes; self.upper = upper; self.lower = lower
        self.foldStart = foldStart; self.foldBytes = foldBytes
    }

    deinit { asciiClasses.base.deallocate() }

    @inline(__always) private func slot(_ c: UInt32) -> Int? {
        if c < Self.lowLimit { return Int(c) }
        if Self.ligatureRange.contains(c) { return Int(Self.lowLimit + c - Self.ligatureRange.lowerBound) }
        return nil
    }

    /// The class of a scalar.
    @inline(__always) public func charClass(_ c: UInt32) -> CharClass {
        if let s = slot(c) { return classes[s] }
        return Self.compute(c).cls
    }

    @inline(__always) public func isUpper(_ c: UInt32) -> Bool {
        if let s = slot(c) { return upper[s] }
        return ICU.isUppercase(c)
    }

    @inline(__always) public func isLower(_ c: UInt32) -> Bool {
        if let s = slot(c) { return lower[s] }
        return ICU.isLowercase(c)
    }

    /// Upper bound of the folded length of `c`, in bytes.
    @inline(__always) public func maxFoldLength(_ c: UInt32) -> Int {
        if c < 0x80 { return 1 }
        if let s = slot(c) { return Int(foldStart[s + 1] - foldStart[s]) }
        return Self.compute(c).fold.count
    }

    /// Writes the folded UTF-8 form of a word scalar at `out` (room for `maxFoldLength(c)` bytes)
    /// and returns its length.
    @inline(__always) public func fold(_ c: UInt32, into out: UnsafeMutablePointer<UInt8>) -> Int {
        if c < 0x80 {
            out[0] = c >= 0x41 && c <= 0x5A ? UInt8(c + 32) : UInt8(c)
            return 1
        }
        if let s = slot(c) {
            let a = Int(foldStart[s]), b = Int(foldStart[s + 1])
            for i in a..<b { out[i - a] = foldBytes[i] }
            return b - a
        }
        let f = Self.compute(c).fold
        for (i, b) in f.enumerated() { out[i] = b }
        return f.count
    }

    /// Appends the folded UTF-8 form of a word scalar to `out`.
    @inline(__always) public func appendFold(_ c: UInt32, to out: inout [UInt8]) {
        if c < 0x80 {
            out.append(c >= 0x41 && c <= 0x5A ? UInt8(c + 32) : UInt8(c))
            return
        }
        if let s = slot(c) {
            let a = Int(foldStart[s]), b = Int(foldStart[s + 1])
            var i = a
            while i < b { out.append(foldBytes[i]); i += 1 }
            return
        }
        out.append(contentsOf: Self.compute(c).fold)
    }

    struct Info { var cls: CharClass; var upper: Bool; var lower: Bool; var fold: [UInt8] }

    static func compute(_ c: UInt32) -> Info {
        var (info, latin) = computeFolding(c)
        if let latin { info.fold = latinASCII([latin])[0] }
        return info
    }

    /// Latin-ASCII transliteration, lower-cased, of each string, in one transliterator call
    /// (the strings joined by line breaks, which it leaves alone).
    static func latinASCII(_ strings: [String]) -> [[UInt8]] {
        guard !strings.isEmpty else { return [] }
        let parts = ICU.transliterate(strings.joined(separator: "\n"), id: "Latin-ASCII")
            .split(separator: "\n", omittingEmptySubsequences: false)
        if parts.count == strings.count { return parts.map { Array($0.lowercased().utf8) } }
        // Not one result per string: one call each (never seen; kept correct rather than fast).
        return strings.map { Array(ICU.transliterate($0, id: "Latin-ASCII").lowercased().utf8) }
    }

    /// `compute` up to the Latin-ASCII step: the string still to transliterate, if any, comes
    /// second (its transliteration is the fold).
    static func computeFolding(_ c: UInt32) -> (Info, String?) {
        guard Unicode.Scalar(c) != nil else { return (Info(cls: .other, upper: false, lower: false, fold: []), nil) }
        let up = ICU.isUppercase(c), low = ICU.isLowercase(c)
        func info(_ cls: CharClass) -> (Info, String?) { (Info(cls: cls, upper: up, lower: low, fold: []), nil) }
        switch c {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return info(.newline)
        case 0x27, 0x2019, 0x02BC, 0x2032, 0x2018, 0x60, 0xB4, 0x02B9, 0xFF07: return info(.apostrophe)
        case 0xB7, 0x2027, 0x22C5, 0x2219, 0x2022: return info(.middleDot)
        case 0x2F, 0x2215, 0xFF0F: return info(.slash)
        case 0x2E: return info(.dot)
        case 0x2B, 0x23: return info(.plusHash)
        case 0x28, 0x5B: return info(.openParen)
        case 0x29, 0x5D: return info(.closeParen)
        case 0x3B, 0x3A, 0x21, 0x3F, 0x2026, 0x7C: return info(.clause)
        case 0x26: return info(.ampersand)
        case 0x3C: return info(.lessThan)
        case 0xAD: return info(.ignorable)
        default: break
        }
        if ICU.isIgnorable(c) { return info(.ignorable) }
        if ICU.isWhitespace(c) { return info(.space) }
        if ICU.isNonspacingMark(c) { return info(.mark) }
        if ICU.isDash(c) { return info(.hyphen) }
        let type = ICU.charType(c)
        // ICU general categories 1–5 are letters, 9–11 numbers; 6–8 marks.
        let isWord = ICU.isAlphabetic(c) || (9...11).contains(type) || (1...5).contains(type)
        guard isWord else {
            if (6...8).contains(type) { return info(.mark) }
            return info(.other)
        }
        var units = [UInt16](repeating: 0, count: 32)
        let n = Int(cicu_fold_scalar(Int32(bitPattern: c), &units, 32))
        guard n >= 0, n <= 32 else { return (Info(cls: .word, upper: up, lower: low, fold: []), nil) }
        var fold: [UInt8] = []
        var latin: String?
        if units[0..<n].allSatisfy({ $0 < 0x80 }) {
            fold = units[0..<n].map { UInt8($0) }
        } else {
            let s = String(decoding: units[0..<n], as: UTF16.self)
            if s.unicodeScalars.contains(where: { $0.value >= 0x80 && $0.value < 0x250 }) { latin = s }
            fold = Array(s.utf8)
        }
        // Characters that NFKC_Casefold removes entirely fold to nothing.
        return (Info(cls: .word, upper: up, lower: low, fold: fold), latin)
    }
}
