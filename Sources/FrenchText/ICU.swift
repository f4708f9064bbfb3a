import CICU

/// Thin Swift face of the ICU calls FrenchText uses (through the `CICU` shim).
public enum ICU {
    /// The ICU version linked at run time, e.g. `72.1`.
    public static var version: String {
        var buf = [CChar](repeating: 0, count: 20)
        cicu_version(&buf)
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Unicode normalization forms ICU offers.
    public enum Form: Int32, Sendable { case nfc = 0, nfkc = 1, nfd = 2, nfkd = 3, nfkcCasefold = 4 }

    /// Normalizes a string with ICU.
    public static func normalize(_ s: String, _ form: Form) -> String {
        utf16Call(s) { src, n, dst, cap in cicu_normalize(form.rawValue, src, n, dst, cap) }
    }

    /// Full Unicode case folding (`Straße` → `strasse`).
    public static func foldCase(_ s: String) -> String {
        utf16Call(s) { src, n, dst, cap in cicu_fold_case(src, n, dst, cap) }
    }

    /// Runs an ICU transliterator (`Latin-ASCII` turns `œ` into `oe`, `ﬁ` into `fi`).
    public static func transliterate(_ s: String, id: String) -> String {
        var buf = Array(s.utf16)
        let cap = buf.count * 4 + 16
        buf.append(contentsOf: repeatElement(0, count: cap - buf.count))
        let n = cicu_transliterate(id, &buf, Int32(s.utf16.count), Int32(cap))
        guard n >= 0 else { return s }
        return String(decoding: buf.prefix(Int(n)), as: UTF16.self)
    }

    /// Word boundaries found by ICU's French word break iterator, as UTF-16 ranges of the
    /// segments ICU tags as words or numbers. Slower than `Tokenizer`; the tests use it as an oracle.
    public static func wordSegments(_ s: String) -> [Range<Int>] {
        let utf16 = Array(s.utf16)
        var status: Int32 = 0
        guard let bi = cicu_word_breaker_open(utf16, Int32(utf16.count), &status) else { return [] }
        defer { cicu_word_breaker_close(bi) }
        var out: [Range<Int>] = []
        var prev = Int(cicu_word_breaker_first(bi))
        while true {
            let b = Int(cicu_word_breaker_next(bi))
            if b < 0 { break }
            if cicu_word_breaker_rule_status(bi) >= 100 { out.append(prev..<b) }
            prev = b
        }
        return out
    }

    static func isUppercase(_ c: UInt32) -> Bool { cicu_is_uppercase(Int32(bitPattern: c)) != 0 }
    static func isLowercase(_ c: UInt32) -> Bool { cicu_is_lowercase(Int32(bitPattern: c)) != 0 }
    static func isAlphabetic(_ c: UInt32) -> Bool { cicu_is_alphabetic(Int32(bitPattern: c)) != 0 }
    static func isWhitespace(_ c: UInt32) -> Bool { cicu_is_whitespace(Int32(bitPattern: c)) != 0 }
    static func isIgnorable(_ c: UInt32) -> Bool { cicu_is_default_ignorable(Int32(bitPattern: c)) != 0 }
    static func isNonspacingMark(_ c: UInt32) -> Bool { cicu_is_nonspacing_mark(Int32(bitPattern: c)) != 0 }
    static func isDash(_ c: UInt32) -> Bool { cicu_is_dash(Int32(bitPattern: c)) != 0 }
    static func isQuotationMark(_ c: UInt32) -> Bool { cicu_is_quotation_mark(Int32(bitPattern: c)) != 0 }
    /// General category, ICU numbering (9 = decimal digit number).
    static func charType(_ c: UInt32) -> Int32 { cicu_char_type(Int32(bitPattern: c)) }

    private static func utf16Call(_ s: String,
                                  _ f: (UnsafePointer<UInt16>, Int32, UnsafeMutablePointer<UInt16>, Int32) -> Int32) -> String {
        let src = Array(s.utf16)
        var cap = src.count * 3 + 8
        while true {
            var dst = [UInt16](repeating: 0, count: cap)
            let n = src.withUnsafeBufferPointer { sp in
                dst.withUnsafeMutableBufferPointer { dp in
                    f(sp.baseAddress ?? UnsafePointer(bitPattern: 1)!, Int32(sp.count), dp.baseAddress!, Int32(cap))
                }
            }
            if n < 0 { return s }
            if Int(n) <= cap { return String(decoding: dst.prefix(Int(n)), as: UTF16.self) }
            cap = Int(n) + 8
        }
    }
}
