import Foundation
import GRDB

/// One row of `ingest_runs`, for `observatoire status`.
public struct IngestRun: Sendable, Hashable {
    public var id: RunID
    /// ISO 8601 timestamps as stored.
    public var startedAt: String
    public var finishedAt: String?
    public var files: [String]
    /// `en-cours`, `terminee` or `echec` (`Store.RunStatus` raw values). A run left `en-cours`
    /// by a process that was killed stays so.
    public var status: String
    /// The counts written by `finishRun`.
    public var counts: [String: Int]
}

extension Store {
    /// The most recent ingest runs, newest first.
    public func recentRuns(limit: Int = 5) throws -> [IngestRun] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, started_at, finished_at, files, status, counts FROM ingest_runs ORDER BY id DESC LIMIT ?",
                             arguments: [limit]).map { row in
                let filesText: String = row[3]
                let countsText: String? = row[5]
                let files = (try? JSONSerialization.jsonObject(with: Data(filesText.utf8))) as? [String] ?? []
                let counts = countsText.flatMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Int] } ?? [:]
                return IngestRun(id: RunID(rawValue: row[0]), startedAt: row[1], finishedAt: row[2], files: files,
                                 status: row[4], counts: counts)
            }
        }
    }
}
