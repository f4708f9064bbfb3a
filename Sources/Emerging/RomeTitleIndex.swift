import Foundation
import Taxonomy

/// What `RomeMatcher` derives from the ROME labels before it can match a title: the
/// feminine→masculine word map and the stems of both labels of every appellation.
///
/// Deriving it runs the title normalizer and the stemmer over 26,000 labels, most of the
/// start-up of every command that maps titles (≈ 0.4 s of CPU). `Data/rome/index-titres.tsv`
/// ships it precomputed (`observatoire rome index` writes it); the file names the digest of the
/// labels it was built from, so a file left behind by a new ROME import is refused, and a test
/// checks that the shipped file equals what the current code computes.
public struct RomeTitleIndex: Sendable, Equatable {
    /// Stems of one appellation's two labels, in title order, each stem once.
    public struct LabelStems: Sendable, Equatable {
        public var masculine: [String]
        public var feminine: [String]
        public init(masculine: [String], feminine: [String]) { self.masculine = masculine; self.feminine = feminine }
    }

    public var feminine: FeminineMap
    /// One entry per appellation, in `RomeReference.appellations` order.
    public var labels: [LabelStems]

    public init(feminine: FeminineMap, labels: [LabelStems]) { self.feminine = feminine; self.labels = labels }

    /// Computes the index from the labels (all cores).
    public init(reference: RomeReference) {
        let feminine = FeminineMap(reference: reference)
        self.feminine = feminine
        labels = RomeMatcher.concurrentMap(reference.appellations) { a in
            let masculine = RomeMatcher.stems(of: a.masculine, feminine: feminine, dropNoise: false)
            // One label in six is the same in both genders (`Data scientist`).
            return LabelStems(masculine: masculine, feminine: a.feminine == a.masculine
                ? masculine : RomeMatcher.stems(of: a.feminine, feminine: feminine, dropNoise: false))
        }
    }

    /// The file name, in the ROME folder.
    public static let fileName = "index-titres.tsv"

    /// A file that cannot serve as the index of `reference`, with its place.
    public struct FileError: Error, CustomStringConvertible, Sendable {
        public var line: Int?
        public var message: String
        public var description: String { "\(RomeTitleIndex.fileName)\(line.map { ":\($0)" } ?? "") : \(message)" }
    }

    /// The file's text: a header naming the labels' digest, the feminine map (`F` lines, sorted),
    /// then one `A` line per appellation (`=`: feminine stems equal to the masculine ones).
    public func fileText(for reference: RomeReference) -> String {
        var out = """
        # Index des intitulés ROME : radicaux des libellés et correspondances féminin → masculin.
        # Généré par « observatoire rome index » à partir de appellations.tsv ; ne pas modifier à la main.
        # Source : France Travail, ROME 4.0 (v460), Licence Ouverte 2.0 (voir README.md).
        empreinte\t\(reference.digest)\n
        """
        for (f, m) in feminine.words.sorted(by: { $0.key < $1.key }) { out += "F\t\(f)\t\(m)\n" }
        for (a, l) in zip(reference.appellations, labels) {
            let masculine = l.masculine.joined(separator: " ")
            out += "A\t\(a.appellationCode)\t\(masculine)\t\(l.feminine == l.masculine ? "=" : l.feminine.joined(separator: " "))\n"
        }
        return out
    }

    /// Reads a file written by `fileText(for:)` for this `reference`; throws when it was built
    /// from other labels or is malformed.
    public init(fileText: String, reference: RomeReference) throws {
        var words: [String: String] = [:]
        var labels: [LabelStems] = []
        labels.reserveCapacity(reference.appellations.count)
        var digest: String?
        let expectedDigest = reference.digest
        var text = fileText
        // Bytes, fields and stems cut straight from the file's UTF-8 (see `RomeReference.rows`).
        try text.withUTF8 { bytes in
            try RomeReference.forEachLine(bytes) { lineNumber, line in
                if line.isEmpty || line[0] == UInt8(ascii: "#") { return }
                var cells: [UnsafeBufferPointer<UInt8>] = []
                RomeReference.forEachField(line, separator: 0x09) { cells.append($0) }
                func string(_ k: Int) -> String { String(decoding: cells[k], as: UTF8.self) }
                let kind = string(0)
                if kind == "A", cells.count == 4, digest != nil {
                    let code = string(1)
                    guard labels.count < reference.appellations.count,
                          reference.appellations[labels.count].appellationCode == code else {
                        throw FileError(line: lineNumber, message: "appellation \(code) inattendue à cette place")
                    }
                    let masculine = Self.stems(cells[2])
                    let sameFeminine = cells[3].count == 1 && cells[3][0] == UInt8(ascii: "=")
                    labels.append(LabelStems(masculine: masculine, feminine: sameFeminine ? masculine : Self.stems(cells[3])))
                    return
                }
                switch kind {
                case "empreinte" where cells.count == 2:
                    guard string(1) == expectedDigest else {
                        throw FileError(line: lineNumber, message: "construit à partir d’autres libellés que appellations.tsv (régénérer avec « observatoire rome index »)")
                    }
                    digest = expectedDigest
                case "F" where cells.count == 3 && digest != nil:
                    words[string(1)] = string(2)
                default:
                    throw FileError(line: lineNumber, message: digest == nil
                        ? "ligne « empreinte » attendue avant les données" : "ligne mal formée (F : 3 colonnes, A : 4 colonnes)")
                }
            }
        }
        guard digest != nil else { throw FileError(line: nil, message: "fichier vide ou sans ligne « empreinte »") }
        guard labels.count == reference.appellations.count else {
            throw FileError(line: nil, message: "\(labels.count) appellations, \(reference.appellations.count) attendues")
        }
        self.init(feminine: FeminineMap(words: words), labels: labels)
    }

    /// The space-separated stems of a field (empty stems dropped).
    private static func stems(_ field: UnsafeBufferPointer<UInt8>) -> [String] {
        var out: [String] = []
        RomeReference.forEachField(field, separator: 0x20) { if !$0.isEmpty { out.append(String(decoding: $0, as: UTF8.self)) } }
        return out
    }

    /// The index in `directory` when it matches `reference`; otherwise computed, with the reason
    /// on `warn` (a missing file is no reason to stop: it only costs start-up time).
    public static func load(directory: URL, reference: RomeReference, warn: (String) -> Void) -> RomeTitleIndex {
        let url = directory.appendingPathComponent(fileName)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            warn("\(url.path) absent ou illisible : index des intitulés ROME recalculé")
            return RomeTitleIndex(reference: reference)
        }
        do {
            return try RomeTitleIndex(fileText: text, reference: reference)
        } catch {
            warn("\(url.deletingLastPathComponent().path)/\(error) ; index des intitulés ROME recalculé")
            return RomeTitleIndex(reference: reference)
        }
    }
}

extension RomeMatcher {
    /// The matcher for the reference imported in `directory`, with its shipped title index when
    /// that index fits (`RomeTitleIndex.load`); throws when the reference itself is unreadable.
    public static func load(directory: URL, warn: (String) -> Void) throws -> RomeMatcher {
        let reference = try RomeReference.load(directory: directory)
        return RomeMatcher(reference: reference, index: RomeTitleIndex.load(directory: directory, reference: reference, warn: warn))
    }
}

extension RomeReference {
    /// A 64-bit digest of the appellations (codes and both labels), which the title index
    /// depends on: it tells a file built from other labels, as after a new ROME import. Not a
    /// cryptographic check (nobody forges an index to pass it); SHA-256 of the same bytes was a
    /// tenth of the matcher's start-up, on the path every command that maps titles waits for.
    public var digest: String {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        @inline(__always) func mix(_ w: UInt64) {
            h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
        }
        func add(_ field: String) {
            var field = field
            field.withUTF8 { bytes in
                var k = 0
                while k + 8 <= bytes.count {
                    mix(UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + k).loadUnaligned(as: UInt64.self)))
                    k += 8
                }
                var tail: UInt64 = 0
                for j in k..<bytes.count { tail |= UInt64(bytes[j]) << UInt64(8 * (j - k)) }
                // The tail's length goes in its top byte: "ab" + "c" and "a" + "bc" differ.
                mix(tail | UInt64(bytes.count - k + 1) << 56)
            }
        }
        for a in appellations {
            add(a.code); add(a.appellationCode); add(a.masculine); add(a.feminine)
            mix(0x0A)
        }
        h = (h ^ (h >> 32)) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
