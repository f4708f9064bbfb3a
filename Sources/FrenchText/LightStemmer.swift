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

    @inline(__always) static func ends(_ k: UnsafeMutableBufferPointer<UInt8>, _ len: Int, _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard len >= n else { return false }
        let p = suffix.utf8Start
        for j in 0..<n where k[len - n + j] != p[j] { return false }
        return true
    }

    /// Appends the stem of `key` to `out`.
    public static func appendStem(of key: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let n = key.count
        var plain = n > 3
        if plain {
            for b in key where b < 0x61 || b > 0x7A { plain = false; break }
        }
        guard plain else { out.append(contentsOf: key); return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n + 1) { k in
            for j in 0..<n { k[j] = key[j] }
            var len = n
            // Plural: -s (not -ss: `process`, `business`), -x after u (`réseaux`, `jeux`; not `RECHERCHEX`).
            if (k[len - 1] == 0x73 && k[len - 2] != 0x73) || (k[len - 1] == 0x78 && k[len - 2] == 0x75) { len -= 1 }
            // Feminine and gendered endings.
            if len > 5 && ends(k, len, "euse") { len -= 1; k[len - 1] = 0x72 }                     // -euse → -eur
            else if len > 5 && ends(k, len, "trice") { len -= 1; k[len - 3] = 0x65; k[len - 2] = 0x75; k[len - 1] = 0x72 } // -trice → -teur
            else if len > 5 && ends(k, len, "ienne") { len -= 2 }                                   // -ienne → -ien
            else if len > 5 && ends(k, len, "elle") { len -= 2 }                                    // -elle → -el
            else if len > 5 && ends(k, len, "enne") { len -= 2 }                                    // -enne → -en
            else if len > 4 && ends(k, len, "ive") { len -= 1; k[len - 1] = 0x66 }                  // -ive → -if
            else if len > 4 && ends(k, len, "ere") { len -= 1 }                                     // -ère → -er
            else if len > 4 && ends(k, len, "ffe") { len -= 2 }                                     // cheffe → chef
            else if len > 4 && ends(k, len, "ee") { len -= 1 }                                      // -ée → -é
            if len > 4 && k[len - 1] == 0x65 { len -= 1 }                                          // final -e
            out.append(contentsOf: UnsafeBufferPointer(rebasing: k[0..<len]))
        }
    }
}
