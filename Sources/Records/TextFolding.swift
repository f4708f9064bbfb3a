/// Lowercasing and diacritic folding for Latin text without Foundation or ICU, shared by the
/// modules that must not depend on FrenchText (geography look-ups, the deduplication fallback).
///
/// It covers the Latin-1 and Latin Extended-A letters met in French texts (é, ç, œ, æ…);
/// FrenchText stays the reference normalizer for classification.
package enum TextFolding {
    /// Lowercased, diacritic-free form of one scalar; `nil` when the scalar is not a letter or
    /// digit (a separator for tokenization). Ligatures expand to two letters.
    @inline(__always)
    package static func fold(_ s: Unicode.Scalar, into out: inout String.UnicodeScalarView) -> Bool {
        let v = s.value
        if v < 0x80 {
            if v >= 0x61 && v <= 0x7A || v >= 0x30 && v <= 0x39 { out.append(s); return true }
            if v >= 0x41 && v <= 0x5A { out.append(Unicode.Scalar(v + 32)!); return true }
            return false
        }
        if let mapped = latin[v] {
            out.unicodeScalars(mapped)
            return true
        }
        let p = s.properties
        if p.isAlphabetic || p.numericType != nil {
            for l in p.lowercaseMapping.unicodeScalars { out.append(l) }
            return true
        }
        return false
    }

    /// Lowercased, diacritic-free words of `text`, split on every non-alphanumeric scalar.
    package static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if !fold(s, into: &current), !current.isEmpty {
                result.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { result.append(String(current)) }
        return result
    }

    /// Folded words joined by single spaces: `"Île-de-France"` → `"ile de france"`.
    package static func key(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    private static let latin: [UInt32: String] = {
        var m: [UInt32: String] = [:]
        let groups: [(String, String)] = [
            ("ÀÁÂÃÄÅàáâãäåĀāĂăĄą", "a"), ("ÇçĆćĈĉĊċČč", "c"), ("ĎďĐđ", "d"),
            ("ÈÉÊËèéêëĒēĔĕĖėĘęĚě", "e"), ("ĜĝĞğĠġĢģ", "g"), ("ĤĥĦħ", "h"),
            ("ÌÍÎÏìíîïĨĩĪīĬĭĮįİı", "i"), ("Ĵĵ", "j"), ("Ķķ", "k"), ("ĹĺĻļĽľĿŀŁł", "l"),
            ("ÑñŃńŅņŇň", "n"), ("ÒÓÔÕÖØòóôõöøŌōŎŏŐő", "o"), ("ŔŕŖŗŘř", "r"),
            ("ŚśŜŝŞşŠš", "s"), ("ŢţŤťŦŧ", "t"), ("ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų", "u"),
            ("Ŵŵ", "w"), ("ÝýÿŶŷŸ", "y"), ("ŹźŻżŽž", "z"),
        ]
        for (letters, base) in groups {
            for s in letters.unicodeScalars { m[s.value] = base }
        }
        m[0xC6] = "ae"; m[0xE6] = "ae"; m[0x152] = "oe"; m[0x153] = "oe"; m[0xDF] = "ss"
        m[0xDE] = "th"; m[0xFE] = "th"; m[0xD0] = "d"; m[0xF0] = "d"
        // Ordinal indicators and superscripts seen in addresses ("1ᵉʳ", "2ᵉ", "n°").
        m[0xAA] = "a"; m[0xBA] = "o"
        return m
    }()
}

extension String.UnicodeScalarView {
    @inline(__always)
    fileprivate mutating func unicodeScalars(_ s: String) { append(contentsOf: s.unicodeScalars) }
}
