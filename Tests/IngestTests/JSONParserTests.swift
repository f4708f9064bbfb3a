import Records
import Testing
@testable import Ingest

struct JSONParserTests {
    /// The error `bytes` are refused with, or nil when they parse.
    func failure(_ bytes: [UInt8]) -> JSONParseError? {
        do { _ = try JSONParser.parse(bytes); return nil } catch { return error }
    }

    @Test func parsesNestedValuesInOrder() throws {
        let v = try JSONParser.parse(#" {"b": [1, -2.5e3, true, false, null], "a": {"x": "é\u00e9\ud83d\ude00"}} "#)
        guard case .object(let m) = v else { Issue.record("objet attendu"); return }
        #expect(m.map(\.key) == ["b", "a"])
        #expect(v["b"] == .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]))
        #expect(v["a"]?["x"] == .string("éé😀"))
    }

    @Test(arguments: [
        #"{"a": 1,}"#, #"[1,]"#, #"{"a": "\x"}"#, "[01]", "[1.]", "[.5]", "{\"a\": \"\u{01}\"}",
        #"{"a" 1}"#, #"[1] 2"#, "", "[", #"{"a": tru}"#, #""abc"#, "[1e]", "{'a': 1}", "[+1]",
    ])
    func rejectsInvalidText(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test func loneSurrogatesBecomeReplacementCharacter() throws {
        #expect(try JSONParser.parse(#"["\ud800x", "\udc00", "\ud800\u0041"]"#)
                == .array([.string("\u{FFFD}x"), .string("\u{FFFD}"), .string("\u{FFFD}A")]))
    }

    @Test func invalidUTF8ReportsItsOffset() {
        var bytes = Array(#"{"t": "caf"#.utf8)
        bytes.append(0xE9)  // Latin-1 é, invalid in UTF-8
        bytes += Array(#"", "u": "\n"}"#.utf8)
        #expect(failure(bytes)?.isEncodingError == true)
        #expect(failure(bytes)?.offset == 10)
        // Overlong, surrogate and truncated sequences.
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            #expect(UTF8Validation.firstInvalidOffset([0x41] + bad) == 1)
        }
        #expect(UTF8Validation.firstInvalidOffset(Array("Œuvre – ’ 😀".utf8)) == nil)
    }

    /// Text between escapes is copied a run at a time: escapes at the start, the end, side by
    /// side, and invalid UTF-8 after an escape must all come out as byte-by-byte decoding did.
    @Test func escapedStringsKeepEveryRun() throws {
        #expect(try JSONParser.parse(#"["\nDéveloppeur·se\t\"Python\" \u00e9t\u00e9\\", "fin\n", "\"\"", "a\/b"]"#)
                == .array([.string("\nDéveloppeur·se\t\"Python\" été\\"), .string("fin\n"), .string("\"\""), .string("a/b")]))
        var bytes = Array(#"{"t": "caf\n"#.utf8)
        bytes.append(0xE9)  // Latin-1 é after an escape
        bytes += Array(#"", "u": 1}"#.utf8)
        #expect(failure(bytes)?.isEncodingError == true)
        #expect(failure(bytes)?.offset == 12)
        #expect(throws: JSONParseError.self) { try JSONParser.parse("[\"a\\nb\u{01}c\"]") }
    }

    /// Plain bytes are skipped 8 at a time: a quote, backslash, control character or accented
    /// letter at any place relative to those 8-byte words must be seen where it is.
    @Test func specialBytesAtEveryPlace() throws {
        let filler = "Analyste SOC niveau 2 pour le centre de supervision"
        for special in ["\"", "\\", "\n", "é", "’", "\u{7F}", "😀"] {
            for k in 0...filler.count {
                var text = filler
                text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: k))
                #expect(try JSONParser.parse(JSONText.quoted(text)) == .string(text), "\(special) à \(k)")
            }
        }
        // Invalid UTF-8 is reported wherever it falls (a byte skipped in a word of 8 must still
        // mark the string as non-ASCII, or it would be repaired silently).
        for k in 0..<24 {
            for escaped in [false, true] {
                var bytes = Array("[\"".utf8) + (escaped ? Array("\\n".utf8) : []) + Array(repeating: UInt8(ascii: "a"), count: k) + [0xE9]
                bytes += Array(String(repeating: "b", count: 20).utf8) + Array("\"]".utf8)
                #expect(failure(bytes)?.isEncodingError == true, "UTF-8 invalide accepté à \(k)")
                #expect(failure(bytes)?.offset == 2 + (escaped ? 2 : 0) + k)
            }
        }
        // A raw control character is refused at its own offset, wherever it falls.
        for k in 0..<24 {
            var bytes = Array("[\"".utf8) + Array(repeating: UInt8(ascii: "a"), count: k) + [0x01]
            bytes += Array(String(repeating: "b", count: 20).utf8) + Array("\"]".utf8)
            #expect(failure(bytes)?.offset == 2 + k, "caractère de contrôle à \(k)")
        }
    }

    @Test func deepNestingIsRefusedNotCrashing() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
    }

    @Test func escaperRoundTrips() throws {
        let s = "Il a dit « \"oui\" »\n\t\\ \u{01} \u{2028} <script>alert(1)</script> ’"
        let q = JSONText.quoted(s)
        #expect(q.contains("\\u0001"))
        #expect(q.contains("\\u2028"))
        #expect(try JSONParser.parse(q) == .string(s))
        #expect(JSONText.escape("plain é") == "plain é")
    }
}
