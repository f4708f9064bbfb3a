import Classifier
import Foundation
import Ingest
import Records
import Store

extension IngestPipeline {
    /// The file-level error for `path` when it cannot be opened as LHEO (missing, a directory,
    /// unreadable), nil when it can: the same codes as the posting readers.
    static func lheoFileError(_ path: String) -> IngestError? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return IngestError(code: .notFound, file: path, reason: "fichier introuvable")
        }
        if isDirectory.boolValue { return IngestError(code: .isDirectory, file: path, reason: "c’est un répertoire, pas un fichier") }
        guard FileManager.default.isReadableFile(atPath: path) else {
            return IngestError(code: .unreadable, file: path, reason: "fichier illisible (droits d’accès)")
        }
        return nil
    }

    /// Ingests one LHEO file: offers are read on the reader's own thread, classified in batches
    /// on `jobs` threads (one classifier each, `classify(_ offer:scratch:)`, prerequisites never
    /// taught), and stored with `Store.ingestTraining`, one transaction per batch, in file order.
    /// Rejected offers and the fatal error that stops a file (DTD, malformed or truncated XML) go
    /// to `Store.reject` like posting rejects; dropped invalid codes are only counted.
    func ingestTrainingFile(_ path: String, summary: inout IngestSummary) throws {
        progress.startFile(path)
        let before = shared.state.withLock { $0.summary.stored }
        let reader = LHEOReader(source: options.source ?? "lheo")
        let offers = reader.offers(path: path)
        var fileRead = 0, fileRejected = 0
        var batch: [TrainingOffer] = []
        var rejects: [RecordError] = []
        batch.reserveCapacity(options.batchSize)
        func flush() throws {
            let items = parallelMap(batch) { classifier, scratch, offer in
                TrainingItem(offer: offer, classification: classifier.classify(offer, scratch: &scratch))
            }
            try submit(rejects: rejects) { store, run in try store.ingestTraining(items, run: run) }
            batch.removeAll(keepingCapacity: true)
            rejects.removeAll()
        }
        while let result = offers.next() {
            fileRead += 1
            switch result {
            case .success(let offer):
                batch.append(offer)
            case .failure(let e):
                rejects.append(e)
                fileRejected += 1
                noteReject(e, summary: &summary)
            }
            if batch.count + rejects.count >= options.batchSize {
                try flush()
                // The reader does not expose its position while parsing: the bar shows records only.
                progress.update(records: fileRead, bytesRead: 0, fileSize: nil)
            }
        }
        if !batch.isEmpty || !rejects.isEmpty { try flush() }
        summary.read += fileRead
        if let warnings = offers.summary?.warningCount, warnings > 0 {
            progress.message("\(path)\(FrenchFormat.nbsp): \(FrenchFormat.integer(warnings)) code(s) invalide(s) ignoré(s) "
                             + "(offres gardées sans ces codes)")
        }
        group.wait()
        let stored = try shared.state.withLock { state -> Int in
            if let error = state.error { throw error }
            return state.summary.stored
        } - before
        progress.finishFile(read: fileRead, stored: stored, rejected: fileRejected)
    }
}
