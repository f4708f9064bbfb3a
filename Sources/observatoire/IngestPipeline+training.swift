import Classifier
import Foundation
import Ingest
import Records
import Store

/// Training offers read from one file, whatever its format.
protocol TrainingOfferStream: AnyObject {
    /// The next offer or rejection in file order; nil at the end.
    func next() -> Result<TrainingOffer, RecordError>?
    /// Invalid codes and values dropped so far (the offers are kept without them).
    var droppedValues: Int { get }
    /// Bytes read so far, when the reader knows it (for the progress bar).
    var progressBytes: Int? { get }
}

extension LHEOOfferIterator: TrainingOfferStream {
    var droppedValues: Int { summary?.warningCount ?? 0 }
    // The parser thread does not expose its position.
    var progressBytes: Int? { nil }
}

extension TrainingCSVReader: TrainingOfferStream {
    var droppedValues: Int { warningCount }
    var progressBytes: Int? { bytesRead }
}

extension IngestPipeline {
    /// Opens `path` as LHEO or as a CSV catalogue; throws the file-level error (missing, a
    /// directory, unreadable, empty, no title column) with the same codes as the posting readers.
    func trainingStream(_ path: String, csv: Bool) throws(IngestError) -> any TrainingOfferStream {
        if csv {
            return try TrainingCSVReader(input: ByteSource(path: path), source: options.source ?? "catalogue",
                                         mapping: options.mapping)
        }
        if let error = Self.lheoFileError(path) { throw error }
        return LHEOReader(source: options.source ?? "lheo").offers(path: path)
    }

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

    /// Ingests one file of training offers (LHEO: read on the parser's own thread), classified in batches
    /// on `jobs` threads (one classifier each, `classify(_ offer:scratch:)`, prerequisites never
    /// taught), and stored with `Store.ingestTraining`, one transaction per batch, in file order.
    /// Rejected offers and the fatal error that stops a file (DTD, malformed or truncated XML) go
    /// to `Store.reject` like posting rejects; dropped invalid codes are only counted.
    func ingestTrainingFile(_ path: String, offers: any TrainingOfferStream, summary: inout IngestSummary) throws {
        let fileSize = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        try ingestBatches(path: path, next: offers.next, position: { offers.progressBytes.map { ($0, fileSize) } },
                          summary: &summary, afterRead: {
            if offers.droppedValues > 0 {
                progress.message("\(path)\(FrenchFormat.nbsp): \(FrenchFormat.integer(offers.droppedValues)) code(s) ou valeur(s) invalide(s) ignoré(s) "
                                 + "(offres gardées sans ces valeurs)")
            }
        }) { batch, rejects in
            let items = parallelMap(batch) { classifier, scratch, offer in
                TrainingItem(offer: offer, classification: classifier.classify(offer, scratch: &scratch))
            }
            try submit(rejects: rejects) { store, run in try store.ingestTraining(items, run: run) }
        }
    }
}
