import Foundation
import Records

/// Pull access to an LHEO file, like the other readers' `next()`: the file is parsed on its own
/// thread, at most `capacity` offers ahead of the consumer, so reading and classifying run on two
/// cores while memory stays bounded. Dropping the iterator stops the parse at the next offer.
public final class LHEOOfferIterator: IteratorProtocol {
    private let handoff: LHEOHandoff

    init(handoff: LHEOHandoff) { self.handoff = handoff }

    deinit { handoff.cancel() }

    /// The next offer or rejection in file order (the fatal error, if any, comes last); nil at the end.
    public func next() -> Result<TrainingOffer, RecordError>? { handoff.take() }

    /// The reader's summary, once `next()` has returned nil.
    public var summary: LHEOReader.Summary? { handoff.summary }
}

extension LHEOReader {
    /// Reads the file at `path` on a background thread and hands its offers over one by one; see
    /// `LHEOOfferIterator`. `capacity`: how many results may wait for the consumer.
    public func offers(path: String, capacity: Int = 256) -> LHEOOfferIterator {
        let handoff = LHEOHandoff(capacity: capacity)
        let reader = self
        let thread = Thread {
            // Only `LHEOHandoff.Cancelled` can be thrown here: the consumer left, nothing to report.
            let summary = try? reader.read(path: path) { try handoff.put($0) }
            handoff.finish(summary)
        }
        thread.name = "lheo-reader"
        thread.start()
        return LHEOOfferIterator(handoff: handoff)
    }
}
