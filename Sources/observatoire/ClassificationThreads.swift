import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The ingest's classification threads: `count` dedicated threads that run one body each per
/// `run` call, at a lower scheduling priority than the rest of the process.
///
/// Why not `DispatchQueue.concurrentPerform`: the ingest is a pipeline whose store writes are
/// serial (one SQLite writer), while classification is parallel. On a 2-core machine the two
/// classification threads, the reader and the writer all competed for the cores as equals, so
/// the writer — the stage every posting must pass through, one at a time — got about half a
/// core and sat runnable but idle (`--jobs 1` was faster than 2). Classification at nice +10
/// yields the cores to the writer and the reader whenever they have work, and takes every idle
/// cycle otherwise. Dispatch's pool threads cannot be reniced safely: the writer queue runs on
/// the same pool, and an unprivileged thread cannot lower its nice value back.
final class ClassificationThreads: @unchecked Sendable {
    /// Nice value added to the classification threads (Linux; elsewhere a utility QoS).
    static let niceIncrement: Int32 = 10

    let count: Int
    private let start: [DispatchSemaphore]
    private let finished = DispatchSemaphore(value: 0)
    /// Set by `run` before the start semaphores are signalled, cleared after every thread has
    /// finished: the semaphores order these accesses.
    private var body: ((Int) -> Void)?
    private var stopping = false

    init(count: Int) {
        self.count = max(1, count)
        start = (0..<self.count).map { _ in DispatchSemaphore(value: 0) }
        for i in 0..<self.count {
            let thread = Thread { [self] in loop(i) }
            thread.name = "observatoire.classification.\(i)"
            #if !os(Linux)
            thread.qualityOfService = .utility
            #endif
            thread.start()
        }
    }

    /// Runs `body(i)` for i in 0..<count, one per thread, and returns when all have returned.
    func run(_ body: (Int) -> Void) {
        withoutActuallyEscaping(body) { body in
            self.body = body
            for s in start { s.signal() }
            for _ in 0..<count { finished.wait() }
            self.body = nil
        }
    }

    /// Ends the threads (each finishes its current body first). The pool is unusable afterwards.
    func stop() {
        stopping = true
        for s in start { s.signal() }
    }

    private func loop(_ i: Int) {
        #if os(Linux)
        // On Linux the nice value is per thread; `who` 0 is the calling thread.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Self.niceIncrement)
        #endif
        while true {
            start[i].wait()
            if stopping { return }
            runBody(i)
            finished.signal()
        }
    }

    /// Separate so that the body's reference is released before `finished` is signalled
    /// (`run`'s `withoutActuallyEscaping` checks that nothing kept it).
    @inline(never)
    private func runBody(_ i: Int) {
        body!(i)
    }
}
