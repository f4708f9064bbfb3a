import Foundation
import Ingest

/// What `observatoire ingest` reads from one file: postings (one of the `InputFormat` readers) or
/// training offers (LHEO XML). Kept in the CLI so that the posting readers' `InputFormat` stays
/// about postings only.
enum IngestInput: Hashable {
    case postings(InputFormat?)
    case lheo

    /// `--input-format` values: the posting formats plus `lheo`.
    static var supportedList: String { InputFormat.supportedList + ", lheo" }

    /// The input for `name` (`--input-format`); nil when unknown.
    init?(name: String) {
        switch name.lowercased() {
        case "lheo", "lheo-xml", "formations": self = .lheo
        default:
            guard let format = InputFormat(name: name) else { return nil }
            self = .postings(format)
        }
    }

    /// The input of `path` when no format is forced: `.xml` and `.lheo` files, and files whose
    /// first element (after the XML declaration, comments and processing instructions) is
    /// `<lheo` or `<offres`, are LHEO; everything else goes to the posting readers' own detection.
    static func detect(path: String) -> IngestInput {
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "xml" || ext == "lheo" { return .lheo }
        if let head = try? FileHandle(forReadingFrom: URL(fileURLWithPath: path)).read(upToCount: 4096),
           isLHEO(Array(head)) { return .lheo }
        return .postings(nil)
    }

    /// True when the first element of `bytes` is `lheo` or `offres` (with or without a prefix).
    static func isLHEO(_ bytes: [UInt8]) -> Bool {
        var text = Substring(String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes,
                                    as: UTF8.self))
        while true {
            text = text.drop { $0.isWhitespace }
            if text.hasPrefix("<?") || text.hasPrefix("<!--") {
                let close = text.hasPrefix("<?") ? "?>" : "-->"
                guard let end = text.range(of: close) else { return false }
                text = text[end.upperBound...]
                continue
            }
            guard text.hasPrefix("<") else { return false }
            let name = text.dropFirst().prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            let local = name.split(separator: ":").last.map(String.init) ?? ""
            return local == "lheo" || local == "offres"
        }
    }
}
