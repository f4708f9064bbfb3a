@testable import Classifier
import Testing

/// Evidence offsets are counted in Unicode scalars: the classifier counts the UTF-8
/// continuation bytes before each offset in byte lanes, eight bytes at a time.
struct ScalarOffsetTests {
    @Test func continuationBytesMatchAPlainCount() {
        // French text with 2-, 3- and 4-byte scalars, long enough for several 255-word rounds.
        let pieces = ["données ", "sécurité ", "l’IA ", "œuvre ", "é", "—", "😀", "a", "  ", "\u{202F}", "ﬁ", "x"]
        var state: UInt64 = 42
        var text = ""
        while text.utf8.count < 6_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text += pieces[Int(state >> 33) % pieces.count]
        }
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { p in
            for words in [0, 1, 2, 7, 254, 255, 256, 511, 600, bytes.count / 8] {
                let expected = p[0..<(8 * words)].filter { $0 & 0xC0 == 0x80 }.count
                #expect(Classifier.continuationBytes(p.baseAddress!, words: words) == expected, "\(words) words")
            }
        }
        #expect(bytes.count / 8 > 600)
    }
}
