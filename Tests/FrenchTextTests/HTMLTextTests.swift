import FrenchText
import Testing

struct HTMLTextTests {
    @Test func blocksBecomeLinesAndEntitiesAreDecoded() {
        let html = "<p>Vos missions&nbsp;:</p><ul><li>Analyser les donn&eacute;es</li><li>Mod&egrave;les d&#8217;IA</li></ul>"
        #expect(HTMLText.toText(html) == "\nVos missions :\nAnalyser les données\nModèles d’IA\n")
    }

    @Test func escapedHTMLIsDecodedTwice() {
        #expect(HTMLText.toText("&lt;p&gt;Data &amp;amp; IA&lt;/p&gt;&lt;br/&gt;Python") == "\nData & IA\nPython")
    }

    @Test func scriptsStylesAndCommentsAreDropped() {
        let html = "Titre<script>alert('x')</script><style>p{}</style><!-- note -->Suite"
        #expect(HTMLText.toText(html) == "TitreSuite")
    }

    @Test func plainTextIsLeftAlone() {
        #expect(HTMLText.toText("Salaire 45 k€ & tickets restaurant < 10 €") == "Salaire 45 k€ & tickets restaurant < 10 €")
    }

    /// Texts are scanned 8 bytes at a time for `<` and `&`: a tag or an entity is found wherever
    /// it falls relative to those words, and a bare `<` or `&` anywhere is still plain text.
    @Test func markupIsFoundAtEveryPlace() {
        let text = "Ingénieur sécurité réseau confirmé, Lyon"
        func looksLikeHTML(_ s: String) -> Bool {
            var copy = s
            return copy.withUTF8 { HTMLText.looksLikeHTML($0) }
        }
        #expect(!looksLikeHTML(text))
        for k in 0...text.count {
            let cut = String(text.prefix(k)), rest = String(text.dropFirst(k))
            for markup in ["<br>", "</p>", "&amp;", "&#8217;", "<!-- x -->"] {
                #expect(looksLikeHTML(cut + markup + rest), "\(markup) à \(k)")
            }
            // `<` before a letter opens a tag; before a space or a digit it does not.
            for plain in ["< 10 ", "<5", "& co", "&"] {
                #expect(!looksLikeHTML(cut + plain + rest), "\(plain) à \(k)")
            }
        }
    }

    @Test func everyOutputByteMapsBackToItsSource() {
        let html = "<b>Sécurité</b>&nbsp;réseau"
        var h = HTMLText()
        var copy = html
        copy.withUTF8 { h.convert($0) }
        let text = String(decoding: h.bytes, as: UTF8.self)
        #expect(text == "Sécurité réseau")
        let src = Array(html.utf8)
        // "réseau" in the output comes from "réseau" in the source.
        let out = Array(text.utf8)
        let start = out.count - Array("réseau".utf8).count
        let a = Int(h.sourceStart[start]), b = Int(h.sourceEnd[out.count - 1])
        #expect(String(decoding: src[a..<b], as: UTF8.self) == "réseau")
        // The space decoded from &nbsp; maps to the whole entity.
        let space = Array("Sécurité".utf8).count
        #expect(String(decoding: src[Int(h.sourceStart[space])..<Int(h.sourceEnd[space])], as: UTF8.self) == "&nbsp;")
    }
}
