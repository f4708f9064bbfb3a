import Foundation
import Ingest

/// What `observatoire ingest` reads from one file: postings (one of the `InputFormat` readers) or
/// training offers (LHEO XML or a CSV catalogue). Kept in the CLI so that the posting readers'
/// `InputFormat` stays about postings only.
enum IngestInput: Hashable {
    case postings(InputFormat?)
    case lheo
    case trainingCSV

    /// `--input-format` values: the posting formats plus `lheo` and `formations-csv`.
    static var supportedList: String { InputFormat.supportedList + ", lheo, formations-csv" }

    /// The input for `name` (`--input-format`); nil when unknown.
    init?(name: String) {
        switch name.lowercased() {
        case "lheo", "lheo-xml", "formations": self = .lheo
        case "formations-csv", "catalogue-csv", "catalogue", "cpf": self = .trainingCSV
        default:
            guard let format = InputFormat(name: name) else { return nil }
            self = .postings(format)
        }
    }

    /// The input of `path` when no format is forced: `.xml` and `.lheo` files, and files whose
    /// first element (after the XML declaration, comments and processing instructions) is
    /// `<lheo` or `<offres`, are LHEO; CSV files whose header names training-catalogue columns
    /// (`TrainingCSVReader.isCatalogue`) are catalogues; everything else goes to the posting
    /// readers' own detection.
    static func detect(path: String) -> IngestInput {
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "xml" || ext == "lheo" { return .lheo }
        guard let handle = try? FileHandle(forReadingFrom: URL(fileURLWithPath: path)),
              let head = try? handle.read(upToCount: 65_536).map(Array.init) else { return .postings(nil) }
        if isLHEO(Array(head.prefix(4096))) { return .lheo }
        if ext == "csv" || ext == "tsv" || ext == "txt", TrainingCSVReader.isCatalogue(prefix: head) { return .trainingCSV }
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
