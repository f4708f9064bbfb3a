import GRDB

/// Visits the rows of `sql(marks)` for `ids`, sorted and in chunks of 500, where `marks` is the
/// `?, ?, …` list of one chunk: look-ups by key in row order, for the few postings a page needs,
/// instead of a join that reads a whole table.
func forEachRow(_ db: Database, ids: [Int64], _ sql: (String) -> String, _ body: (Row) throws -> Void) throws {
    let sorted = ids.sorted()
    for start in stride(from: 0, to: sorted.count, by: 500) {
        let chunk = Array(sorted[start..<min(start + 500, sorted.count)])
        let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
        for row in try Row.fetchAll(db, sql: sql(marks), arguments: StatementArguments(chunk)) { try body(row) }
    }
}
