import Classifier
import Dedup
import Dispatch
import Foundation
import Ingest
import Records
import Store
import Synchronization

/// Reads files, classifies their postings in parallel, computes dedup signatures and stores each
/// batch in one transaction, with the classification of batch k + 1 overlapping the storing of
/// batch k (a serial writer queue, at most one batch waiting).
///
/// Order is kept: items reach the store in file order, so re-running the same command after a
/// crash meets the same postings in the same order and ends with the same database.
final class IngestPipeline {
    struct Options {
        var format: InputFormat?
        /// Read every file as training offers: LHEO (`--input-format lheo`) or a CSV catalogue
        /// (`--input-format formations-csv`); nil: detected per file.
        var training: IngestInput?
        var source: String?
        var mapping: [String: String] = [:]
        var jobs = ProcessInfo.processInfo.activeProcessorCount
        var batchSize = 1_000
        /// Reject descriptions shown on standard error before the rest are only counted.
        var shownRejects = 10
    }

    let store: Store
    /// One classifier per thread: sharing one makes every thread retain and release the same
    /// compiled-taxonomy buffers, and that cache-line traffic cancelled the second core
    /// (3,750 postings/s on 2 threads against 3,800 on one, measured with `bench classify`).
    let classifiers: [Classifier]
    let deduplicator = Deduplicator()
    let options: Options
    let run: RunID
    let progress: ProgressReporter

    // Internal rather than private: the LHEO path (`IngestPipeline+training.swift`) shares them.
    let writer = DispatchQueue(label: "observatoire.ingest.store")
    let inFlight = DispatchSemaphore(value: 1)
    let group = DispatchGroup()
    let shared = Shared()
    /// CPU per stage, for `OBSERVATOIRE_STAGES=1`.
    let clock = StageClock()
    var scratch: [Classifier.Scratch]
    /// Classification runs here, below the writer's priority (see `ClassificationThreads`).
    let threads: ClassificationThreads
    var shownRejects = 0

    /// State the writer queue updates and the reading thread reads.
    final class Shared: Sendable {
        let state = Mutex(State())
        struct State {
            var summary = IngestSummary()
            var error: (any Error)?
        }
    }

    /// - Parameter classifiers: one per thread (`options.jobs`, at least one).
    init(store: Store, classifiers: [Classifier], options: Options, run: RunID, progress: ProgressReporter) {
        precondition(classifiers.count == max(1, options.jobs), "one classifier per thread")
        self.store = store; self.options = options; self.run = run
        self.classifiers = classifiers
        self.progress = progress
        scratch = Array(repeating: Classifier.Scratch(), count: max(1, options.jobs))
        threads = ClassificationThreads(count: max(1, options.jobs))
    }

    deinit { threads.stop() }

    /// Ingests every file in order. A file that cannot be opened is reported in the summary's
    /// `unreadable` list and the next file is read; a database error stops everything (thrown).
    func ingest(_ paths: [String]) throws -> IngestSummary {
        let start = DispatchTime.now()
        var local = IngestSummary()
        for path in paths {
            let input = options.training ?? (options.format == nil ? IngestInput.detect(path: path) : .postings(options.format))
            if input == .lheo || input == .trainingCSV {
                let offers: any TrainingOfferStream
                do {
                    offers = try trainingStream(path, csv: input == .trainingCSV)
                } catch {
                    local.unreadable.append(error)
                    progress.message("erreur\(FrenchFormat.nbsp): \(error.description)")
                    continue
                }
                try ingestTrainingFile(path, offers: offers, summary: &local)
                continue
            }
            let reader: PostingReader
            do {
                reader = try PostingReader(path: path, format: options.format, source: options.source,
                                           mapping: options.mapping)
            } catch {
                local.unreadable.append(error)
                progress.message("erreur\(FrenchFormat.nbsp): \(error.description)")
                continue
            }
            try ingestFile(reader, summary: &local)
        }
        group.wait()
        var summary = try shared.state.withLock { state -> IngestSummary in
            if let error = state.error { throw error }
            return state.summary
        }
        summary.add(local)
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return summary
    }

    private func ingestFile(_ reader: PostingReader, summary: inout IngestSummary) throws {
        try ingestBatches(path: reader.path, next: reader.next, position: { (reader.bytesRead, reader.fileSize) },
                          summary: &summary) { postings, rejects in
            try submit(classify(postings), rejects: rejects)
        }
    }

    /// Reads `next` to its end in batches of `options.batchSize` records and rejects, hands each
    /// batch to `flush` (classify, then queue the store write), keeps the progress bar and the
    /// summary, then waits for the writer and reports the file. `afterRead` runs once the file is
    /// read, before the wait. Shared by postings and training offers.
    func ingestBatches<Record>(path: String, next: () -> Result<Record, RecordError>?,
                               position: () -> (bytes: Int, size: Int?)?, summary: inout IngestSummary,
                               afterRead: () -> Void = {}, flush: ([Record], [RecordError]) throws -> Void) throws {
        progress.startFile(path)
        let before = shared.state.withLock { $0.summary.stored }
        var fileRead = 0, fileRejected = 0
        // The file is read one batch ahead on another thread, so that parsing batch k + 1
        // overlaps the classification of batch k (reading was a third of the time, alone).
        try withoutActuallyEscaping(next) { next in
            try withoutActuallyEscaping(position) { position in
                let reader = BatchReader(next: next, position: position, batchSize: options.batchSize, clock: clock)
                var pending = reader.readAhead()
                // Never leave while the reader queue still holds `next` (withoutActuallyEscaping
                // traps when the closure outlives the call).
                defer { pending.wait(); reader.drain() }
                while true {
                    let batch = pending.wait()
                    if !batch.isLast { pending = reader.readAhead() }
                    fileRead += batch.read
                    fileRejected += batch.rejects.count
                    for e in batch.rejects { noteReject(e, summary: &summary) }
                    if !batch.records.isEmpty || !batch.rejects.isEmpty {
                        try flush(batch.records, batch.rejects)
                        progress.update(records: fileRead, bytesRead: batch.position?.bytes ?? 0, fileSize: batch.position?.size)
                    }
                    if batch.isLast { break }
                }
            }
        }
        summary.read += fileRead
        afterRead()
        group.wait()
        let stored = try shared.state.withLock { state -> Int in
            if let error = state.error { throw error }
            return state.summary.stored
        } - before
        progress.finishFile(read: fileRead, stored: stored, rejected: fileRejected)
    }

    /// Counts a reject and shows the first `options.shownRejects` of them on standard error.
    func noteReject(_ e: RecordError, summary: inout IngestSummary) {
        summary.rejected[e.code.rawValue, default: 0] += 1
        if shownRejects < options.shownRejects {
            shownRejects += 1
            progress.message("rejet\(FrenchFormat.nbsp): \(e.description)")
        } else if shownRejects == options.shownRejects {
            shownRejects += 1
            progress.message("(rejets suivants comptés seulement ; détail dans la table rejected_records)")
        }
    }

    /// Hands a classified batch to the writer queue; waits while the previous one is still
    /// being stored, so at most two batches are in memory besides the one being read.
    private func submit(_ items: [IngestItem], rejects: [RecordError]) throws {
        try submit(rejects: rejects) { store, run in try store.ingest(items, run: run) }
    }

    /// Hands `rejects` and a store write to the writer queue (see `submit(_:rejects:)`).
    func submit(rejects: [RecordError], _ write: @escaping @Sendable (Store, RunID) throws -> BatchOutcome) throws {
        inFlight.wait()
        if let error = shared.state.withLock({ $0.error }) {
            inFlight.signal()
            throw error
        }
        let store = self.store, run = self.run, shared = self.shared, inFlight = self.inFlight, clock = self.clock
        writer.async(group: group) {
            defer { inFlight.signal() }
            do {
                let outcome = try clock.measure(.write) {
                    try store.reject(rejects, run: run)
                    return try write(store, run)
                }
                shared.state.withLock { $0.summary.add(outcome) }
            } catch {
                shared.state.withLock { if $0.error == nil { $0.error = error } }
            }
        }
    }

    /// Classifies and signs `postings` on `jobs` threads; the result is in input order.
    func classify(_ postings: [Posting]) -> [IngestItem] {
        let deduplicator = self.deduplicator
        return parallelMap(postings) { classifier, scratch, p in
            IngestItem(posting: p, classification: classifier.classify(p, scratch: &scratch),
                       signature: deduplicator.signature(for: p))
        }
    }

    /// `transform` over `inputs` on `jobs` threads, each with its own classifier and scratch; the
    /// result is in input order. Threads take small chunks from a shared counter, so a slow
    /// record does not idle the others.
    func parallelMap<Input: Sendable, Output>(_ inputs: [Input],
                                              _ transform: @Sendable (Classifier, inout Classifier.Scratch, Input) -> Output) -> [Output] {
        let n = inputs.count
        guard n > 0 else { return [] }
        let output = UnsafeMutableBufferPointer<Output>.allocate(capacity: n)
        defer { output.deallocate() }
        let chunk = 16
        let next = Atomic<Int>(0)
        let classifiers = self.classifiers, clock = self.clock
        scratch.withUnsafeMutableBufferPointer { scratch in
            let slots = Slots(output: output, scratch: scratch)
            threads.run { w in
                // Bound once: `classifiers[w]` in the loop copied the classifier per record.
                let classifier = classifiers[w]
                clock.measure(.classify) {
                    while true {
                        let lo = next.wrappingAdd(chunk, ordering: .relaxed).oldValue
                        if lo >= n { break }
                        for i in lo..<min(n, lo + chunk) {
                            (slots.output.baseAddress! + i).initialize(to: transform(classifier, &slots.scratch[w], inputs[i]))
                        }
                    }
                }
            }
        }
        let items = Array(output)
        _ = output.deinitialize()
        return items
    }
}

/// Raw views shared by the classification threads. Each output slot is initialized by exactly
/// one thread, and each scratch is used only by the thread with that index, hence unchecked.
private struct Slots<Output>: @unchecked Sendable {
    let output: UnsafeMutableBufferPointer<Output>
    let scratch: UnsafeMutableBufferPointer<Classifier.Scratch>
}

/// Reads records in batches on a serial background queue, one batch ahead of the caller.
///
/// `next` and `position` are only ever called on that queue, one call at a time; the caller
/// waits for the last read before it returns (see `ingestBatches`), hence unchecked.
private final class BatchReader<Record>: @unchecked Sendable {
    struct Batch {
        var records: [Record] = []
        var rejects: [RecordError] = []
        var read = 0
        var position: (bytes: Int, size: Int?)?
        var isLast = false
    }

    /// A batch being read: `wait` blocks until it is there (and can be called again).
    final class Pending: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        /// Written by the reader queue before `done` is signalled.
        private var batch: Batch?
        /// The caller's copy, once waited for.
        private var received: Batch?
        func fulfil(_ b: Batch) { batch = b; done.signal() }
        @discardableResult func wait() -> Batch {
            if let received { return received }
            done.wait()
            received = batch
            return batch!
        }
    }

    let next: () -> Result<Record, RecordError>?
    let position: () -> (bytes: Int, size: Int?)?
    let batchSize: Int
    let clock: StageClock
    let queue = DispatchQueue(label: "observatoire.ingest.read")

    init(next: @escaping () -> Result<Record, RecordError>?, position: @escaping () -> (bytes: Int, size: Int?)?,
         batchSize: Int, clock: StageClock) {
        self.next = next; self.position = position; self.batchSize = batchSize; self.clock = clock
    }

    /// Returns once the queue has finished and released every read block.
    func drain() { queue.sync {} }

    func readAhead() -> Pending {
        let pending = Pending()
        queue.async { [self] in
            clock.measure(.read) {
                var batch = Batch()
                batch.records.reserveCapacity(batchSize)
                while batch.records.count + batch.rejects.count < batchSize {
                    guard let result = next() else { batch.isLast = true; break }
                    batch.read += 1
                    switch result {
                    case .success(let r): batch.records.append(r)
                    case .failure(let e): batch.rejects.append(e)
                    }
                }
                batch.position = position()
                pending.fulfil(batch)
            }
        }
        return pending
    }
}
