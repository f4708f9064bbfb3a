import Classifier
import Dedup
import Foundation
import Records
import Store

/// Classifies postings and stores them with their deduplication signature, in batches of 500
/// (one transaction each). Returns the number of postings stored.
@discardableResult
public func loadPostings(_ postings: [Posting], store: Store, classifier: Classifier, file: String = "demo",
                         now: Date = Date()) throws -> Int {
    let run = try store.beginRun(files: [file], now: now)
    var scratch = Classifier.Scratch()
    let dedup = Deduplicator()
    var start = 0
    while start < postings.count {
        let batch = postings[start..<min(start + 500, postings.count)].map {
            IngestItem(posting: $0, classification: classifier.classify($0, scratch: &scratch), signature: dedup.signature(for: $0))
        }
        _ = try store.ingest(batch, run: run, now: now)
        start += 500
    }
    try store.finishRun(run: run, counts: ["lignes": postings.count], now: now)
    return postings.count
}

/// For the first start of `observatoire serve`: when the store holds no posting, reads the JSON
/// Lines file `file` (the demo postings), classifies and stores them. Returns the number loaded
/// (0 when the store was not empty). Malformed lines are skipped and counted in the error.
@discardableResult
public func loadDemoIfEmpty(store: Store, classifier: Classifier, file: URL) throws -> Int {
    guard try store.rowCount("postings") == 0 else { return 0 }
    let data = try Data(contentsOf: file)
    let decoder = JSONDecoder()
    var postings: [Posting] = []
    for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
        if let p = try? decoder.decode(Posting.self, from: Data(line)) { postings.append(p) }
    }
    return try loadPostings(postings, store: store, classifier: classifier, file: file.lastPathComponent)
}
