import Foundation
import Testing

/// Runs `scripts/kill-test.sh`: a real ingest killed with SIGKILL mid-run, then re-run, must end
/// with the same database as an uninterrupted run (and pass `PRAGMA integrity_check`).
@Suite(.enabled(if: EndToEnd.binary != nil, "binaire observatoire introuvable : lancez swift build avant swift test"))
struct CrashConsistencyTests {
    @Test(.timeLimit(.minutes(3))) func killNineMidIngestThenRerun() throws {
        let script = EndToEnd.root.appendingPathComponent("scripts/kill-test.sh")
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "python3 requis par kill-test.sh")
        // A debug build classifies a few hundred postings per second; keep the test short.
        let lines = EndToEnd.isRelease ? "30000" : "2500"
        let r = try EndToEnd.run([EndToEnd.binary!.path], executable: script,
                                 environment: ["KILL_TEST_LINES": lines])
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.contains("RÉUSSI"))
    }
}
