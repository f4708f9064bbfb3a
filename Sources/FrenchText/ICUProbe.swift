import CICU

public enum ICUProbe {
    public static func wordCount(_ s: String) -> Int {
        let utf16 = Array(s.utf16)
        var status: Int32 = 0
        let bi = cicu_word_breaker_open(utf16, Int32(utf16.count), &status)
        defer { cicu_word_breaker_close(bi) }
        var n = 0
        var b = cicu_word_breaker_first(bi)
        while b != -1 { b = cicu_word_breaker_next(bi); if cicu_word_breaker_rule_status(bi) >= 100 { n += 1 } }
        return n
    }
}
