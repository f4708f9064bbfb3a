/// A light French stemmer over folded keys: plural and feminine endings only, so that
/// `données` = `donnée`, `développeuse` = `développeur`, `créatives` = `créatif`, while tool
/// names keep their shape (`Looker`, `OpenAI`, `agentique` are not cut down to common words, as a
/// full Snowball stemmer would).
public enum LightStemmer {
    /// Stems a folded key (see `CharacterTable`); keys with digits or symbols are left as they are.
    public static func stem(_ key: String) -> String {
        var out: [UInt8] = []
        Array(key.utf8).withUnsafeBufferPointer { appendStem(of: $0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the stem of `key` to `out`.
    public static func appendStem(of key: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let tmp = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, key.count))
        defer { tmp.deallocate() }
        let n = stem(key, into: tmp)
        out.append(contentsOf: UnsafeBufferPointer(start: tmp, count: n))
    }

    /// `stem(_:into:)` for the tokenizer, whose key buffers have at least 16 bytes of slack
    /// after any key: the key is checked and copied 8 bytes at a time. `head`: the key's first
    /// 8 bytes, already loaded.
    @inline(__always)
    static func stemWithSlack(_ key: UnsafePointer<UInt8>, _ n: Int, head: UInt64, into out: UnsafeMutablePointer<UInt8>) -> Int {
        guard n <= 16 else { return stem(UnsafeBufferPointer(start: key, count: n), into: out) }
        let second = UInt64(littleEndian: UnsafeRawPointer(key + 8).loadUnaligned(as: UInt64.self))
        UnsafeMutableRawPointer(out).storeBytes(of: head.littleEndian, as: UInt64.self)
        UnsafeMutableRawPointer(out + 8).storeBytes(of: second.littleEndian, as: UInt64.self)
        guard n > 3 else { return n }
        // All bytes a–z? (SWAR: no byte ≥ 0x80, every byte ≥ 0x61 and < 0x7B.)
        @inline(__always) func lowercaseLetters(_ w: UInt64, _ count: Int) -> Bool {
            guard count > 0 else { return true }
            let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
            let mask = count >= 8 ? UInt64.max : (1 << UInt64(8 * count)) &- 1
            let x = w & mask
            let highMask = high & mask
            if x & highMask != 0 { return false }
            let atLeastA = (x &+ ones &* 0x1F) & highMask
            let pastZ = (x &+ ones &* 0x05) & highMask
            return atLeastA == highMask && pastZ == 0
        }
        guard lowercaseLetters(head, min(n, 8)), lowercaseLetters(second, n - 8) else { return n }
        return rewriteEnding(UnsafeMutableBufferPointer(start: out, count: n))
    }

    /// Writes the stem of `key` at `out` (at most `key.count` bytes: stemming only shortens) and
    /// returns its length: the key is copied, then its ending rewritten in place.
    @inline(__always)
    public static func stem(_ key: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int {
        let n = key.count
        if n > 0 { out.update(from: key.baseAddress!, count: n) }
        guard n > 3 else { return n }
        for b in key where b < 0x61 || b > 0x7A { return n }
        return rewriteEnding(UnsafeMutableBufferPointer(start: out, count: n))
    }

    /// Cuts plural and feminine endings of a key of more than 3 letters a–z, in place; returns
    /// the new length.
    @inline(__always) static func rewriteEnding(_ k: UnsafeMutableBufferPointer<UInt8>) -> Int {
        do {
            var len = k.count
            @inline(__always) func ends(_ a: UInt8, _ b: UInt8) -> Bool { k[len - 2] == a && k[len - 1] == b }
            @inline(__always) func ends(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool { k[len - 3] == a && ends(b, c) }
            @inline(__always) func ends(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> Bool { k[len - 4] == a && ends(b, c, d) }
            let (e, s, u, r, i, n_, l, v, f, t, x) = (UInt8(ascii: "e"), UInt8(ascii: "s"), UInt8(ascii: "u"),
                UInt8(ascii: "r"), UInt8(ascii: "i"), UInt8(ascii: "n"), UInt8(ascii: "l"), UInt8(ascii: "v"),
                UInt8(ascii: "f"), UInt8(ascii: "t"), UInt8(ascii: "x"))
            // Plural: -s (not -ss: `process`, `business`), -x after u (`réseaux`, `jeux`; not `RECHERCHEX`).
            if (k[len - 1] == s && k[len - 2] != s) || (k[len - 1] == x && k[len - 2] == u) { len -= 1 }
            // Feminine and gendered endings.
            if len > 5 && ends(e, u, s, e) { len -= 1; k[len - 1] = r }                               // -euse → -eur
            else if len > 5 && k[len - 5] == t && ends(r, i, UInt8(ascii: "c"), e) {                                  // -trice → -teur
                len -= 1; k[len - 3] = e; k[len - 2] = u; k[len - 1] = r
            }
            else if len > 5 && k[len - 5] == i && ends(e, n_, n_, e) { len -= 2 }                    // -ienne → -ien
            else if len > 5 && ends(e, l, l, e) { len -= 2 }                                          // -elle → -el
            else if len > 5 && ends(e, n_, n_, e) { len -= 2 }                                        // -enne → -en
            else if len > 4 && ends(i, v, e) { len -= 1; k[len - 1] = f }                             // -ive → -if
            else if len > 4 && ends(e, r, e) { len -= 1 }                                             // -ère → -er
            else if len > 4 && ends(f, f, e) { len -= 2 }                                             // cheffe → chef
            else if len > 4 && ends(e, e) { len -= 1 }                                                // -ée → -é
            if len > 4 && k[len - 1] == e { len -= 1 }                                               // final -e
            return len
        }
    }
}
