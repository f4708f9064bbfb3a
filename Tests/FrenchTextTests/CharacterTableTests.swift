@testable import FrenchText
import Testing

struct CharacterTableTests {
    /// The folding the table was first written with, through ICU's string API: NFKC_Casefold,
    /// then NFD without nonspacing marks, then Latin-ASCII for the Latin letters left.
    static func stringFold(_ c: UInt32) -> [UInt8] {
        var s = ICU.normalize(String(Character(Unicode.Scalar(c)!)), .nfkcCasefold)
        if s.unicodeScalars.contains(where: { $0.value >= 0x80 }) {
            s = ICU.normalize(s, .nfd)
            s = String(String.UnicodeScalarView(s.unicodeScalars.filter { !ICU.isNonspacingMark($0.value) }))
            if s.unicodeScalars.contains(where: { $0.value >= 0x80 && $0.value < 0x250 }) {
                s = ICU.transliterate(s, id: "Latin-ASCII").lowercased()
            }
        }
        return Array(s.utf8)
    }

    @Test func everyPrecomputedLetterFoldsAsThroughICUStrings() {
        let table = CharacterTable.shared
        var letters = 0, mismatches: [String] = []
        for c in Array(0..<CharacterTable.lowLimit) + Array(CharacterTable.ligatureRange) where table.charClass(c) == .word {
            letters += 1
            var out = [UInt8](repeating: 0, count: 64)
            let n = out.withUnsafeMutableBufferPointer { table.fold(c, into: $0.baseAddress!) }
            let expected = Self.stringFold(c)
            if Array(out[0..<n]) != expected && mismatches.count < 10 { mismatches.append(String(c, radix: 16)) }
        }
        #expect(letters > 4000)
        #expect(mismatches.isEmpty, "U+\(mismatches)")
    }

    @Test func frenchLettersFold() {
        let table = CharacterTable.shared
        func fold(_ s: String) -> String {
            var out: [UInt8] = []
            for u in s.unicodeScalars { table.appendFold(u.value, to: &out) }
            return String(decoding: out, as: UTF8.self)
        }
        #expect(fold("ÉÈÊËéèêëÀÂÄàâäÎÏîïÔÖôöÙÛÜùûüÇçŸÿ") == "eeeeeeeeaaaaaaiiiioooouuuuuuccyy")
        #expect(fold("ŒœÆæß") == "oeoeaeaess")
        #expect(fold("ﬁﬂ") == "fifl")
    }
}
