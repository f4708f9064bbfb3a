import Emerging
import Foundation
import Testing

/// `Data/rome/index-titres.tsv` is what the matcher reads at start-up instead of stemming 26,000
/// labels: it must be what the current code computes, and a file that does not fit the labels
/// must be refused with its place, never used.
struct RomeTitleIndexTests {
    static let reference = try! RomeReference.load(directory: romeDirectory)

    @Test func shippedFileEqualsComputedIndex() throws {
        let computed = RomeTitleIndex(reference: Self.reference)
        let shipped = try String(contentsOf: romeDirectory.appendingPathComponent(RomeTitleIndex.fileName), encoding: .utf8)
        // Byte for byte: run `observatoire rome index` after changing the title normalization.
        // (Compared line by line so that a failure names the first stale line, not 500 KB.)
        let expected = computed.fileText(for: Self.reference).split(separator: "\n", omittingEmptySubsequences: false)
        let lines = shipped.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = (0..<min(lines.count, expected.count)).first { lines[$0] != expected[$0] }
            ?? (lines.count == expected.count ? nil : min(lines.count, expected.count))
        #expect(firstDifference == nil, """
            Data/rome/index-titres.tsv n’est pas à jour (ligne \((firstDifference ?? 0) + 1) :             « \(firstDifference.flatMap { $0 < lines.count ? lines[$0] : nil } ?? "") » au lieu de             « \(firstDifference.flatMap { $0 < expected.count ? expected[$0] : nil } ?? "") ») : lancer « observatoire rome index »
            """)
        let read = try RomeTitleIndex(fileText: shipped, reference: Self.reference)
        let same = read == computed
        #expect(same)
        #expect(read.labels.count == 13_120)
        // What the file serves for: the same matches as a matcher that computed its index.
        let fromFile = RomeMatcher(reference: Self.reference, index: read)
        let fromLabels = RomeMatcher(reference: Self.reference, index: computed)
        for title in ["Développeuse Full Stack (H/F)", "Cheffe de projet data", "Technicienne coupeuse en coiffure",
                      "Ingénieur·e cybersécurité", "Médiatrice numérique", "Data scientist senior"] {
            #expect(fromFile.match(title: title) == fromLabels.match(title: title), "\(title)")
        }
        #expect(fromFile.match(title: "Médiatrice numérique")?.code == fromLabels.match(title: "Médiateur numérique")?.code)
    }

    @Test func fileOfOtherLabelsIsRefused() throws {
        let text = RomeTitleIndex(reference: Self.reference).fileText(for: Self.reference)
        var edited = Self.reference
        edited.appellations[42].feminine = "Conductrice d’engins agricoles"
        #expect(edited.digest != Self.reference.digest)
        do {
            _ = try RomeTitleIndex(fileText: text, reference: edited)
            Issue.record("an index of other labels was accepted")
        } catch let error as RomeTitleIndex.FileError {
            #expect(error.line == 4)
            #expect(error.description.contains("observatoire rome index"))
        }
        // A stale file costs start-up time, not correctness: the loader recomputes and says why.
        let folder = try temporaryDirectory()
        try text.write(to: folder.appendingPathComponent(RomeTitleIndex.fileName), atomically: true, encoding: .utf8)
        var warnings: [String] = []
        let loaded = RomeTitleIndex.load(directory: folder, reference: edited) { warnings.append($0) }
        let recomputed = loaded == RomeTitleIndex(reference: edited)
        #expect(recomputed)
        #expect(warnings.count == 1 && warnings[0].contains("index-titres.tsv:4"))
    }

    @Test func malformedLinesAreNamed() throws {
        let lines = RomeTitleIndex(reference: Self.reference).fileText(for: Self.reference)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let firstAppellation = try #require(lines.firstIndex { $0.hasPrefix("A\t") })
        func error(_ edit: (inout [String]) -> Void) -> RomeTitleIndex.FileError? {
            var copy = lines
            edit(&copy)
            do { _ = try RomeTitleIndex(fileText: copy.joined(separator: "\n"), reference: Self.reference); return nil }
            catch { return error as? RomeTitleIndex.FileError }
        }
        // A line cut short.
        let short = error { $0[firstAppellation] = "A\t11987\tchauffeur machin agricol" }
        #expect(short?.line == firstAppellation + 1)
        // Appellations out of order.
        let swapped = error { $0.swapAt(firstAppellation, firstAppellation + 1) }
        #expect(swapped?.line == firstAppellation + 1)
        #expect(swapped?.message.contains("inattendue") == true)
        // The last appellation missing.
        let truncated = error { $0.removeLast(2) }
        #expect(truncated?.line == nil)
        #expect(truncated?.message.contains("13119 appellations, 13120 attendues") == true)
        // No digest line.
        let headless = error { $0.removeAll { $0.hasPrefix("empreinte") } }
        #expect(headless?.message.contains("empreinte") == true)
    }
}
