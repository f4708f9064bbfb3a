import CStemmer

/// The Snowball French stemmer (libstemmer), stronger than `LightStemmer`: it groups derived
/// words (`gestion`, `gestionnaire`) for counting candidate terms. Not for taxonomy matching:
/// it conflates tool names with common words (`Looker` → `look`).
///
/// One instance per thread: libstemmer keeps state in the stemmer object.
public final class SnowballStemmer {
    private let stemmer: OpaquePointer

    /// Opens the Snowball stemmer for a language (`french`, `english`); nil if unknown.
    public init?(language: String = "french") {
        guard let s = sb_stemmer_new(language, "UTF_8") else { return nil }
        stemmer = s
    }

    deinit { sb_stemmer_delete(stemmer) }

    /// Stems one lower-case word.
    public func stem(_ word: String) -> String {
        var w = Array(word.utf8)
        let out = w.withUnsafeMutableBufferPointer { p -> String in
            guard let r = sb_stemmer_stem(stemmer, p.baseAddress, Int32(p.count)) else { return word }
            let n = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: r, count: n), as: UTF8.self)
        }
        return out
    }
}
