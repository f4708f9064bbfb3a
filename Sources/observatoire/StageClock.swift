import Foundation
import Synchronization

/// CPU time spent by each stage of an ingest (reading, classification, store writes), summed over
/// the threads that ran it. Thread CPU clocks, unlike wall time, do not move when another
/// process shares the machine, so they tell small changes apart; `OBSERVATOIRE_STAGES=1` prints
/// them on standard error at the end of `ingest`.
final class StageClock: Sendable {
    enum Stage: CaseIterable {
        case read, classify, write
        var label: String {
            switch self {
            case .read: "lecture"
            case .classify: "classification"
            case .write: "écriture"
            }
        }
    }

    private let read = Atomic<Int>(0), classify = Atomic<Int>(0), write = Atomic<Int>(0)
    let enabled = ProcessInfo.processInfo.environment["OBSERVATOIRE_STAGES"] == "1"

    /// Runs `body`, adding the calling thread's CPU time to `stage` when enabled.
    func measure<T>(_ stage: Stage, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let start = Self.threadCPU()
        defer { add(Self.threadCPU() - start, to: stage) }
        return try body()
    }

    /// One line: the CPU seconds of each stage.
    var report: String {
        Stage.allCases.map { s in
            "\(s.label) " + String(format: "%.3f", Double(total(s)) / 1e9) + " s"
        }.joined(separator: ", ")
    }

    private func add(_ ns: Int, to stage: Stage) {
        switch stage {
        case .read: read.wrappingAdd(ns, ordering: .relaxed)
        case .classify: classify.wrappingAdd(ns, ordering: .relaxed)
        case .write: write.wrappingAdd(ns, ordering: .relaxed)
        }
    }

    private func total(_ stage: Stage) -> Int {
        switch stage {
        case .read: read.load(ordering: .relaxed)
        case .classify: classify.load(ordering: .relaxed)
        case .write: write.load(ordering: .relaxed)
        }
    }

    private static func threadCPU() -> Int {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return t.tv_sec * 1_000_000_000 + t.tv_nsec
    }
}
