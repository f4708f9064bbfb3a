import Foundation
import GRDB
import Records

extension Store {
    /// Status values of `ingest_runs.status`.
    public enum RunStatus: String, Sendable, Hashable, CaseIterable {
        case running = "en-cours"
        case finished = "terminee"
        case failed = "echec"
    }

    /// Records the start of an ingest run over `files`.
    public func beginRun(files: [String], now: Date = Date()) throws -> RunID {
        try writer.write { db in
            try db.execute(sql: "INSERT INTO ingest_runs (started_at, files, status) VALUES (?, ?, ?)",
                           arguments: [Store.timestamp(now), JSONText.array(files), RunStatus.running.rawValue])
            return RunID(rawValue: db.lastInsertedRowID)
        }
    }

    /// Keeps rejected records. Idempotent: a reject already known (same file, line, record index,
    /// code and excerpt) is not added again, it is only attached to this run.
    public func reject(_ errors: [Records.RecordError], run: RunID) throws {
        guard !errors.isEmpty else { return }
        try writer.write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO rejected_records (run_id, file, line, record_index, field, code, reason, excerpt, reject_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (reject_key) DO UPDATE SET run_id = excluded.run_id
                """)
            for e in errors {
                try statement.execute(arguments: [run.rawValue, e.file, e.line, e.record, e.field, e.code.rawValue,
                                                  e.reason, e.excerpt, Store.rejectKey(e)])
            }
        }
    }

    static func rejectKey(_ e: Records.RecordError) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var excerpt = e.excerpt ?? ""
        excerpt.withUTF8 { for b in $0 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 } }
        return "\(e.file)|\(e.line.map(String.init) ?? "")|\(e.record.map(String.init) ?? "")|\(e.code.rawValue)|\(String(h, radix: 16))"
    }

    /// Closes a run. The stored counts are derived from the data (postings seen, new, changed in
    /// this run; rejects attached to it), so a run re-done after a crash reports the same numbers;
    /// `counts` adds the caller's own figures (lines read, files…) under their names.
    @discardableResult
    public func finishRun(run: RunID, counts: [String: Int] = [:], status: RunStatus = .finished,
                          now: Date = Date()) throws -> [String: Int] {
        try writer.write { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ingest_runs WHERE id = ?", arguments: [run.rawValue]) == 1 else {
                throw StoreError.unknownRun(run.rawValue)
            }
            var all = counts
            let r = run.rawValue
            all["vues"] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM postings WHERE last_run_id = ?", arguments: [r])
            all["nouvelles"] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM postings WHERE first_run_id = ?", arguments: [r])
            all["modifiees"] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM postings WHERE content_run_id = ? AND first_run_id <> ?", arguments: [r, r])
            all["rejetees"] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rejected_records WHERE run_id = ?", arguments: [r])
            try db.execute(sql: "UPDATE ingest_runs SET finished_at = ?, status = ?, counts = ? WHERE id = ?",
                           arguments: [Store.timestamp(now), status.rawValue, JSONText.object(all), r])
            return all
        }
    }
}
