import Classifier
import Foundation
import Ingest
import Records
import Testing

/// Read throughput on a large LHEO file; runs only when `LHEO_BENCH_FILE` names one
/// (`scripts/bench-lheo.sh` builds it and runs this test in release).
struct LHEOBenchmark {
    static let file = ProcessInfo.processInfo.environment["LHEO_BENCH_FILE"]

    @Test(.enabled(if: file != nil, "LHEO_BENCH_FILE non défini : banc d’essai ignoré"))
    func readLargeFile() throws {
        let path = Self.file!
        let classify = ProcessInfo.processInfo.environment["LHEO_BENCH_CLASSIFY"] == "1"
        let classifier = classify ? Classifier(taxonomy: TrainingFixtures.taxonomy) : nil
        var scratch = Classifier.Scratch()
        var offers = 0, errors = 0, evidence = 0
        let pipeline = ProcessInfo.processInfo.environment["LHEO_BENCH_PIPELINE"] == "1"
        func consume(_ result: Result<TrainingOffer, RecordError>) {
            switch result {
            case .success(let offer):
                offers += 1
                if let classifier { evidence += classifier.classify(offer, scratch: &scratch).competencies.count }
            case .failure: errors += 1
            }
        }
        let start = ContinuousClock.now
        let summary: LHEOReader.Summary
        if pipeline {
            // Parse on its own thread, classify on this one.
            let iterator = LHEOReader().offers(path: path)
            while let r = iterator.next() { consume(r) }
            summary = try #require(iterator.summary)
        } else {
            summary = try LHEOReader().read(path: path, consume)
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let mb = Double(summary.bytes) / 1_048_576
        print(String(format: "BENCH lheo %@: %.1f Mo en %.2f s, %.1f Mo/s, %d offres, %.0f offres/s, %d erreurs%@",
                     (classify ? "lecture+classification" : "lecture") + (pipeline ? " (itérateur, 2 fils)" : ""), mb, seconds, mb / seconds, offers,
                     Double(offers) / seconds, errors, classify ? ", \(evidence) compétences" : ""))
        #expect(errors == 0)
        #expect(offers > 0)
    }
}
