import Foundation
import GRDB
import GRDBSQLite

/// Binds values to a statement GRDB prepared and cached, and runs it through SQLite's C API.
///
/// The ingest runs its inserts and look-ups tens of times per posting: GRDB's generic argument
/// path (existential values, `DatabaseValue` enums, key paths, validation, temporary bindings)
/// cost more than SQLite's own work there, on the one writer thread that bounds the ingest's
/// speed. Statements still come from GRDB's statement cache and run inside its transaction;
/// values are still bound, never spliced into SQL. What GRDB does not see: these executions do not
/// reach its transaction observers (the project registers none; a `ValueObservation` on the
/// ingested tables would have to watch another way).
struct Bindings {
    let statement: SQLiteStatement
    private(set) var index: CInt = 0

    init(_ statement: SQLiteStatement) { self.statement = statement }

    mutating func bind(_ value: Int64) { index += 1; sqlite3_bind_int64(statement, index, value) }
    mutating func bind(_ value: Int) { bind(Int64(value)) }
    mutating func bind(_ value: Double) { index += 1; sqlite3_bind_double(statement, index, value) }
    /// As GRDB stores booleans: integers 0 and 1.
    mutating func bind(_ value: Bool) { bind(Int64(value ? 1 : 0)) }
    mutating func bindNull() { index += 1; sqlite3_bind_null(statement, index) }

    mutating func bind(_ value: Int64?) { if let value { bind(value) } else { bindNull() } }
    mutating func bind(_ value: Double?) { if let value { bind(value) } else { bindNull() } }

    mutating func bind(_ value: String?) {
        guard var value else { bindNull(); return }
        index += 1
        let i = index, s = statement
        value.withUTF8 { utf8 in
            // An empty string is bound as '' (a null pointer would bind NULL).
            if utf8.isEmpty {
                _ = sqlite3_bind_text(s, i, "", 0, SQLITE_TRANSIENT)
            } else {
                utf8.withMemoryRebound(to: CChar.self) { _ = sqlite3_bind_text(s, i, $0.baseAddress, CInt($0.count), SQLITE_TRANSIENT) }
            }
        }
    }

    mutating func bind(blob value: [UInt8]) {
        index += 1
        let i = index, s = statement
        // An empty blob is stored as NULL, as GRDB stores an empty `Data`.
        value.withUnsafeBytes { raw in _ = sqlite3_bind_blob(s, i, raw.baseAddress, CInt(raw.count), SQLITE_TRANSIENT) }
    }
}

/// SQLite's marker for "copy the bytes now" (GRDB does not export its own).
let SQLITE_TRANSIENT = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// The current row of a statement being stepped, read by column index (0-based).
struct Columns {
    let statement: SQLiteStatement

    func isNull(_ i: CInt) -> Bool { sqlite3_column_type(statement, i) == SQLITE_NULL }
    func int64(_ i: CInt) -> Int64 { sqlite3_column_int64(statement, i) }
    func int64OrNil(_ i: CInt) -> Int64? { isNull(i) ? nil : int64(i) }

    func string(_ i: CInt) -> String? {
        guard let text = sqlite3_column_text(statement, i) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, i))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    func bytes(_ i: CInt) -> [UInt8]? {
        guard !isNull(i) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, i))
        guard count > 0, let blob = sqlite3_column_blob(statement, i) else { return [] }
        return Array(UnsafeRawBufferPointer(start: blob, count: count))
    }
}

extension Statement {
    /// Binds with `bind` (every parameter of the statement), then steps to the end.
    func run(_ bind: (inout Bindings) -> Void) throws {
        try query(bind) { _ in true }
    }

    /// Binds with `bind`, then calls `row` for each result row until it returns false.
    func query(_ bind: (inout Bindings) -> Void, row: (Columns) throws -> Bool) throws {
        let s = sqliteStatement
        sqlite3_reset(s)
        sqlite3_clear_bindings(s)
        var b = Bindings(s)
        bind(&b)
        precondition(b.index == sqlite3_bind_parameter_count(s), "\(b.index) valeurs pour \(sqlite3_bind_parameter_count(s)) paramètres : \(sql)")
        // Reset at the end, so that no read cursor stays open between uses.
        defer { sqlite3_reset(s) }
        let columns = Columns(statement: s)
        while true {
            let code = sqlite3_step(s)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                let message = sqlite3_db_handle(s).map { String(cString: sqlite3_errmsg($0)) }
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
            }
            if try !row(columns) { return }
        }
    }

    /// The first column of the first row as an integer, or nil when there is no row or it is NULL.
    func int64(_ bind: (inout Bindings) -> Void) throws -> Int64? {
        var value: Int64?
        try query(bind) { row in value = row.int64OrNil(0); return false }
        return value
    }

    /// The first column of every row, as integers (NULLs skipped).
    func int64s(_ bind: (inout Bindings) -> Void) throws -> [Int64] {
        var values: [Int64] = []
        try query(bind) { row in
            if let v = row.int64OrNil(0) { values.append(v) }
            return true
        }
        return values
    }
}
