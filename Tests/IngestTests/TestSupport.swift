import Foundation
import Records
@testable import Ingest

/// A fresh temporary directory per test, removed at deinit.
final class TempDir {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ingest-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let path = url.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    @discardableResult
    func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }
}

/// `/work/shared/data` seen from this file: Tests/IngestTests → repo root → ../shared/data.
enum SharedData {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data")

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static var available: Bool { FileManager.default.fileExists(atPath: path("postings/postings.jsonl")) }
}

/// Everything a reader yields, split into postings and rejects.
struct Collected {
    var postings: [Posting] = []
    var rejects: [RecordError] = []
}

func collect<S: Sequence>(_ reader: S) -> Collected where S.Element == Result<Posting, RecordError> {
    var c = Collected()
    for r in reader {
        switch r {
        case .success(let p): c.postings.append(p)
        case .failure(let e): c.rejects.append(e)
        }
    }
    return c
}

/// Standard test chunk sizes: tiny ones cross every token boundary.
let tinyChunkSizes = [1, 2, 7, 64]
