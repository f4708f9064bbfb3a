import Foundation
import Testing
import Records
@testable import Ingest

struct JSONLDReaderTests {
    static let job = """
    {"@context": "https://schema.org", "@type": "JobPosting", "title": "Ingénieur·e IA <script>x</script>",
     "description": "<p>Concevoir des modèles d’apprentissage.</p>", "datePosted": "2025-03-04",
     "hiringOrganization": {"@type": "Organization", "name": "Labo d’essai"},
     "jobLocation": {"@type": "Place", "address": {"addressLocality": "Ajaccio", "postalCode": "20000"}},
     "employmentType": ["FULL_TIME", "CONTRACTOR"], "identifier": {"@type": "PropertyValue", "value": "JP-1"},
     "occupationalCategory": "M1805", "skills": "Python, PyTorch"}
    """

    func read(_ text: String, html: Bool, chunkSize: Int = ByteSource.defaultChunkSize) -> Collected {
        collect(JSONLDReader(input: ByteSource(bytes: Array(text.utf8), name: html ? "page.html" : "offres.jsonld", chunkSize: chunkSize),
                             html: html, source: "site"))
    }

    @Test func mapsAJobPosting() {
        let c = read(Self.job, html: false)
        #expect(c.rejects.isEmpty)
        let p = c.postings[0]
        #expect(p.id == "JP-1")
        #expect(p.title == "Ingénieur·e IA <script>x</script>")
        #expect(p.description == "<p>Concevoir des modèles d’apprentissage.</p>")
        #expect(p.published == Day(year: 2025, month: 3, day: 4))
        #expect(p.company == "Labo d’essai")
        #expect(p.location == "Ajaccio")
        #expect(p.department == "2A")
        #expect(p.contract == "FULL_TIME, CONTRACTOR")
        #expect(p.romeCode == "M1805")
        #expect(p.sourceSkills == ["Python", "PyTorch"])
    }

    @Test func graphsAndArraysCountOtherTypesAsRejects() {
        let graph = "{\"@context\": \"https://schema.org\", \"@graph\": [\(Self.job), {\"@type\": \"Organization\", \"name\": \"x\"}, {\"@type\": \"schema:JobPosting\", \"title\": \"B\", \"description\": \"d\", \"url\": \"https://exemple.fr/b\"}]}"
        for size in [1, 7, 1 << 20] {
            let c = read(graph, html: false, chunkSize: size)
            #expect(c.postings.map(\.id) == ["JP-1", "https://exemple.fr/b"])
            #expect(c.rejects.map(\.code) == [.unsupported])
            #expect(c.rejects.first?.reason.contains("Organization") == true)
        }
        let array = read("[\(Self.job), {\"@type\": \"JobPosting\", \"title\": \"Sans id\", \"description\": \"d\"}]", html: false)
        #expect(array.postings.count == 2)
        #expect(array.postings[1].id.hasPrefix("h-"))
    }

    @Test func findsScriptBlocksInHTML() {
        // In HTML, `</script` inside the JSON must be written `<\/script` (browsers end the block there too).
        let job = Self.job.replacingOccurrences(of: "</script>", with: "<\\/script>")
        let page = """
        <!doctype html><html><head><SCRIPT src="app.js"></SCRIPT>
        <script data-x='1' TYPE='application/ld+json'>\(job)</script>
        <script type="text/javascript">var t = "</scrip";</script>
        </head><body><script
          type="application/ld+json">[{"@type": "BreadcrumbList"}, {"@type": "JobPosting", "title": "Deux", "description": "d", "identifier": 7}]</Script>
        <script type="application/ld+json">{"@type": "JobPosting", "title": </script></body></html>
        """
        for size in [1, 2, 7, 64, 1 << 20] {
            let c = read(page, html: true, chunkSize: size)
            #expect(c.postings.map(\.id) == ["JP-1", "7"], "taille de bloc \(size)")
            #expect(c.postings.first?.title == "Ingénieur·e IA <script>x</script>")
            #expect(c.rejects.map(\.code) == [.unsupported, .malformedJSON])
            #expect(c.rejects.last?.line == 11)
        }
    }

    /// A page without any JSON-LD block gives one reject that says so (it used to read as zero
    /// postings, silently); a page whose only block is empty or of another type reads as before.
    @Test func aPageWithoutJSONLDIsOneReject() {
        let page = """
        <!doctype html><html><head><title>Offre : développeur·se data (H/F)</title>
        <script type="text/javascript">var offre = {"@type": "JobPosting"};</script></head>
        <body><h1>Développeur·se data</h1><p>Vos missions : pipelines de données, SQL.</p></body></html>
        """
        for size in [1, 7, 1 << 20] {
            let c = read(page, html: true, chunkSize: size)
            #expect(c.postings.isEmpty)
            #expect(c.rejects.map(\.code) == [.unsupported], "taille de bloc \(size)")
            #expect(c.rejects.first?.reason.contains("JSON-LD") == true)
            #expect(c.rejects.first?.file == "page.html")
        }
        let other = read("<html><script type=\"application/ld+json\">{\"@type\": \"Organization\", \"name\": \"x\"}</script></html>", html: true)
        #expect(other.rejects.count == 1)
        #expect(other.rejects.first?.reason.contains("Organization") == true)
    }

    /// A `>` inside a quoted attribute value does not end the `<script>` tag: the block after it
    /// is still found (it used to be skipped, its posting lost without a reject).
    @Test func greaterThanInAQuotedAttributeKeepsTheTagOpen() {
        let page = """
        <html><body><script data-a=">" type="application/ld+json">{"@type": "JobPosting", "title": "Un", "description": "d", "identifier": 1}</script>
        <script title='a > b' type="application/ld+json">{"@type": "JobPosting", "title": "Deux", "description": "d", "identifier": 2}</script>
        </body></html>
        """
        for size in [1, 3, 1 << 20] {
            let c = read(page, html: true, chunkSize: size)
            #expect(c.postings.map(\.id) == ["1", "2"], "taille de bloc \(size)")
            #expect(c.rejects.isEmpty)
        }
        // However long the attributes before the type (a 4 KB cap once hid it).
        for length in [4_060, 4_061, 1 << 20] {
            let long = "<script data-x=\"\(String(repeating: "a", count: length))\" type=\"application/ld+json\">"
                + "{\"@type\": \"JobPosting\", \"title\": \"Long\", \"description\": \"d\", \"identifier\": 3}</script>"
            #expect(read(long, html: true).postings.map(\.id) == ["3"], "attribut de \(length) octets")
        }
    }
}
