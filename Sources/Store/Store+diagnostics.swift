import GRDB

extension Store {
    /// Text of the first column of each row (tests and diagnostics; not public API).
    func strings(sql: String) throws -> [String] {
        try writer.read { db in try Row.fetchAll(db, sql: sql).map { $0[0] as String? ?? "NULL" } }
    }
}
