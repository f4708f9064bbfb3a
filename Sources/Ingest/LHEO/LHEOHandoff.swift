import Foundation
import Records

/// A bounded hand-off between the thread that parses an LHEO file and the thread that consumes
/// its offers: the parser blocks when `capacity` results wait, the consumer blocks when none does.
///
/// `@unchecked Sendable`: every mutable property is read and written only while `condition` is
/// locked.
final class LHEOHandoff: @unchecked Sendable {
    struct Cancelled: Error {}

    private let condition = NSCondition()
    private let capacity: Int
    private var buffer: [Result<TrainingOffer, RecordError>] = []
    private var head = 0
    private var finished = false
    private var cancelled = false
    private var storedSummary: LHEOReader.Summary?

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Producer side: waits for room; throws `Cancelled` once the consumer is gone.
    func put(_ result: Result<TrainingOffer, RecordError>) throws {
        condition.lock()
        defer { condition.unlock() }
        while buffer.count - head >= capacity && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        // Wake the consumer only if it may be waiting: fewer context switches.
        if buffer.count == head { condition.broadcast() }
        buffer.append(result)
    }

    /// Producer side: no more results.
    func finish(_ summary: LHEOReader.Summary?) {
        condition.lock()
        finished = true
        storedSummary = summary
        condition.broadcast()
        condition.unlock()
    }

    /// Consumer side: the next result, or nil at the end.
    func take() -> Result<TrainingOffer, RecordError>? {
        condition.lock()
        defer { condition.unlock() }
        while buffer.count == head && !finished { condition.wait() }
        guard head < buffer.count else { return nil }
        if buffer.count - head >= capacity { condition.broadcast() }  // the producer may be waiting for room
        let r = buffer[head]
        head += 1
        if head >= 1024 || head == buffer.count { buffer.removeFirst(head); head = 0 }
        return r
    }

    /// Consumer side: stop the producer at its next offer.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    var summary: LHEOReader.Summary? {
        condition.lock()
        defer { condition.unlock() }
        return storedSummary
    }
}
