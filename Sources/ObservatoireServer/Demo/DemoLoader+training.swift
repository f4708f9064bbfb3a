import Classifier
import Foundation
import Ingest
import Records
import Store

/// Reads the LHEO file `file`, classifies its training offers (prerequisites never count as
/// taught) and stores them in batches of 200, one transaction each. Rejected offers are kept in
/// `rejected_records`. Returns the number of offers stored or updated.
@discardableResult
public func loadTrainingOffers(file: URL, store: Store, classifier: Classifier, now: Date = Date()) throws -> Int {
    let run = try store.beginRun(files: [file.lastPathComponent], now: now)
    var scratch = Classifier.Scratch()
    var batch: [TrainingItem] = [], rejects: [RecordError] = []
    var loaded = 0
    func flush() throws {
        try store.reject(rejects, run: run)
        let outcome = try store.ingestTraining(batch, run: run, now: now)
        loaded += outcome.count(.stored) + outcome.count(.updated)
        batch.removeAll(keepingCapacity: true); rejects.removeAll()
    }
    _ = try LHEOReader(source: "demo-lheo").read(path: file.path) { result in
        switch result {
        case .success(let offer): batch.append(TrainingItem(offer: offer, classification: classifier.classify(offer, scratch: &scratch)))
        case .failure(let error): rejects.append(error)
        }
        if batch.count + rejects.count >= 200 { try flush() }
    }
    try flush()
    try store.finishRun(run: run, counts: ["formations": loaded], now: now)
    return loaded
}

/// For the first start of `observatoire serve`: when the store holds no training offer, loads
/// the LHEO file `file` (the demo training offers). Returns the number loaded (0 when the store
/// already had offers, or when the file is absent).
@discardableResult
public func loadDemoTrainingIfEmpty(store: Store, classifier: Classifier, file: URL) throws -> Int {
    guard try store.trainingRowCount("training_offers") == 0,
          FileManager.default.fileExists(atPath: file.path) else { return 0 }
    return try loadTrainingOffers(file: file, store: store, classifier: classifier)
}
