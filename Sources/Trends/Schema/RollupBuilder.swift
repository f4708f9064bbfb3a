import Foundation
import GRDB

/// Builds `trend_rollup`, `trend_titles`, `trend_pairs` and `trend_competency_facts` from
/// `trend_facts` in one pass.
///
/// The facts, each posting's domains, competencies and normalized title are read as four cursors
/// in posting order and merged here; the counts are kept in memory and written at the end. With
/// `INSERT … SELECT … GROUP BY` joins, SQLite drove each join from the competency index and
/// looked the facts and competency rows up at random: at 1,000,000 postings that is 7 million
/// random page reads per dimension, more than 20 minutes on this machine when the database does not
/// fit in the page cache. Here every table is read once, in key order, and the work left is
/// counting (about 60 increments per posting). Memory: one entry per distinct
/// (key, dimension value, month), (competency, month, title) and (competency, month, other) —
/// about 3 million entries (≈ 100 MB while it runs) at 1,000,000 postings.
struct RollupBuilder {
    /// Competency and domain ids, dimension values: the rollup's keys.
    private var codes = Interner(limit: 1 << 20)
    private var months = Interner(limit: 1 << 16)
    private var titleNames = Interner(limit: 1 << 28)
    /// (kind, key, dimension, dimension value, month) → unique postings.
    private var rollup: [UInt64: Int32] = [:]
    /// (competency, month, title) → unique postings.
    private var titles: [UInt64: Int32] = [:]
    /// (competency, month, other competency) → unique postings with both.
    private var pairs: [UInt64: Int32] = [:]
    /// Domain of each competency (`trend_rollup.grp`), by interned id.
    private var domainOf: [Int: Int] = [:]
    /// Position of each competency in `trend_competency_index`, by interned id.
    private var position: [Int: UInt16] = [:]

    private static let kinds = ["total", "domaine", "competence"]
    /// `trend_rollup.dim` values: no dimension, then each `Dimension` in `trend_facts` column order.
    private static let dimensions = [""] + Dimension.allCases.map(\.rawValue)

    /// Reads the store and the facts, then replaces the rows of the tables above and of
    /// `trend_competency_index`. Runs inside the caller's transaction.
    static func rebuild(_ db: Database) throws {
        var builder = RollupBuilder()
        try builder.count(db)
        try builder.write(db)
    }

    private mutating func count(_ db: Database) throws {
        let columns = Dimension.allCases.map { "f.\($0.column)" }.joined(separator: ", ")
        let facts = try Row.fetchCursor(db, sql: "SELECT f.posting_id, f.month, \(columns) FROM trend_facts f ORDER BY f.posting_id")
        var domains = MergedStream(try Row.fetchCursor(db, sql: "SELECT posting_id, domain FROM posting_domains ORDER BY posting_id"))
        var competencies = MergedStream(try Row.fetchCursor(db, sql: """
            SELECT posting_id, competency_id, domain FROM posting_competencies ORDER BY posting_id
            """))
        var titleStream = MergedStream(try Row.fetchCursor(db, sql: """
            SELECT posting_id, title_normalized FROM classifications
            WHERE title_normalized IS NOT NULL AND title_normalized <> '' ORDER BY posting_id
            """))
        try db.execute(sql: "DELETE FROM trend_competency_facts")
        let insertFact = try db.makeStatement(sql: """
            INSERT INTO trend_competency_facts (competency_id, posting_id, domain, month, region, department, naf_section,
                rome_domain, contract, source, title, others) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let none = try codes.id("")
        var dimValues: [(dim: Int, value: Int)] = []
        var postingDomains: [Int] = [], postingCompetencies: [Int] = [], postingTitle: [Int] = []
        while let row = try facts.next() {
            let id: Int64 = row[0]
            let month = try months.id(row[1] as String)
            dimValues.removeAll(keepingCapacity: true)
            dimValues.append((0, none))
            for d in 1..<Self.dimensions.count {
                if let value = row[d + 1] as String? { dimValues.append((d, try codes.id(value))) }
            }
            try domains.values(for: id, into: &postingDomains, strings: &codes)
            try competencies.values(for: id, into: &postingCompetencies, strings: &codes, domainOf: &domainOf)
            try titleStream.values(for: id, into: &postingTitle, strings: &titleNames)
            for (dim, value) in dimValues {
                rollup[Self.rollupKey(0, none, dim, value, month), default: 0] += 1
                for d in postingDomains { rollup[Self.rollupKey(1, d, dim, value, month), default: 0] += 1 }
                for c in postingCompetencies { rollup[Self.rollupKey(2, c, dim, value, month), default: 0] += 1 }
            }
            let factValues = (1..<Self.dimensions.count).map { row[$0 + 1] as DatabaseValue }
            let title = postingTitle.first.map { titleNames.string($0) }
            let positions = try postingCompetencies.map { try self.position(of: $0) }
            for (i, c) in postingCompetencies.enumerated() {
                try insertFact.execute(arguments: StatementArguments(
                    [codes.string(c).databaseValue, id.databaseValue, codes.string(domainOf[c] ?? none).databaseValue,
                     months.string(month).databaseValue] + factValues
                    + [title.databaseValue, OtherCompetencies.encode(positions, except: i).databaseValue]))
                if let title = postingTitle.first { titles[Self.key(c, month, title), default: 0] += 1 }
                for other in postingCompetencies where other != c { pairs[Self.key(c, month, other), default: 0] += 1 }
            }
        }
    }

    /// The competency's position in `trend_competency_index`, assigned on first sight.
    private mutating func position(of competency: Int) throws -> UInt16 {
        if let p = position[competency] { return p }
        guard position.count < Int(UInt16.max) else { throw TooManyDistinctValues(limit: Int(UInt16.max)) }
        let p = UInt16(position.count)
        position[competency] = p
        return p
    }

    private func write(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM trend_competency_index")
        let insertPosition = try db.makeStatement(sql: "INSERT INTO trend_competency_index (idx, competency_id) VALUES (?, ?)")
        for (c, p) in position { try insertPosition.execute(arguments: [Int(p), codes.string(c)]) }
        try db.execute(sql: "DELETE FROM trend_rollup")
        let insertRollup = try db.makeStatement(sql: """
            INSERT INTO trend_rollup (kind, grp, key, dim, dim_value, month, n) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for (k, n) in rollup {
            let kind = Int(k >> 59), key = Int((k >> 39) & 0xF_FFFF), dim = Int((k >> 36) & 0x7)
            let value = Int((k >> 16) & 0xF_FFFF), month = Int(k & 0xFFFF)
            let group = kind == 2 ? codes.string(domainOf[key] ?? 0) : ""
            try insertRollup.execute(arguments: [Self.kinds[kind], group, codes.string(key), Self.dimensions[dim],
                                                 codes.string(value), months.string(month), Int(n)])
        }
        for (table, column, counts, names) in [("trend_titles", "title", titles, titleNames), ("trend_pairs", "other_id", pairs, codes)] {
            try db.execute(sql: "DELETE FROM \(table)")
            let insert = try db.makeStatement(sql: "INSERT INTO \(table) (competency_id, month, \(column), n) VALUES (?, ?, ?, ?)")
            for (k, n) in counts {
                let (a, month, b) = Self.split(k)
                try insert.execute(arguments: [codes.string(a), months.string(month), names.string(b), Int(n)])
            }
        }
    }

    // Packed keys, within the interners' limits: rollup = kind (2 bits) | key (20) | dimension (3)
    // | value (20) | month (16); titles and pairs = competency (20) | month (16) | title or other (28).
    private static func rollupKey(_ kind: Int, _ key: Int, _ dim: Int, _ value: Int, _ month: Int) -> UInt64 {
        UInt64(kind) << 59 | UInt64(key) << 39 | UInt64(dim) << 36 | UInt64(value) << 16 | UInt64(month)
    }

    private static func key(_ a: Int, _ month: Int, _ b: Int) -> UInt64 {
        UInt64(a) << 44 | UInt64(month) << 28 | UInt64(b)
    }

    private static func split(_ k: UInt64) -> (Int, Int, Int) {
        (Int(k >> 44), Int((k >> 28) & 0xFFFF), Int(k & 0xFFF_FFFF))
    }
}

/// `trend_competency_facts.others`: a posting's other competencies, as their positions in
/// `trend_competency_index`, 16-bit little-endian.
enum OtherCompetencies {
    /// `positions` without the one at `except` (the row's own competency).
    static func encode(_ positions: [UInt16], except: Int) -> Data {
        var bytes = [UInt8]()
        bytes.reserveCapacity(2 * positions.count)
        for (j, p) in positions.enumerated() where j != except { bytes += [UInt8(p & 0xFF), UInt8(p >> 8)] }
        return Data(bytes)
    }

    static func forEach(in blob: Data, _ body: (UInt16) -> Void) {
        var i = blob.startIndex
        while i + 1 < blob.endIndex {
            body(UInt16(blob[i]) | UInt16(blob[i + 1]) << 8)
            i += 2
        }
    }
}

/// Thrown when a column holds more distinct values than the rollup's packed keys allow.
struct TooManyDistinctValues: Error, CustomStringConvertible {
    let limit: Int
    var description: String { "tendances : plus de \(limit) valeurs distinctes dans une dimension, le cumul ne peut pas être construit" }
}

/// Strings as small dense integers.
private struct Interner {
    let limit: Int
    private var ids: [String: Int] = [:]
    private var values: [String] = []

    init(limit: Int) { self.limit = limit }

    mutating func id(_ s: String) throws -> Int {
        if let id = ids[s] { return id }
        guard values.count < limit else { throw TooManyDistinctValues(limit: limit) }
        ids[s] = values.count
        values.append(s)
        return values.count - 1
    }

    func string(_ id: Int) -> String { values[id] }
}

/// A cursor over `(posting_id, value[, domain])` rows in posting order, read alongside the facts:
/// `values(for:)` returns the rows of one posting and skips those of postings without facts
/// (duplicates, undated).
private struct MergedStream {
    let cursor: RowCursor
    private var pending: (id: Int64, value: String, domain: String?)?
    private var done = false

    init(_ cursor: RowCursor) { self.cursor = cursor }

    mutating func values(for id: Int64, into out: inout [Int], strings: inout Interner) throws {
        var unused: [Int: Int] = [:]
        try values(for: id, into: &out, strings: &strings, domainOf: &unused)
    }

    /// Also records the third column (a competency's domain) in `domainOf`.
    mutating func values(for id: Int64, into out: inout [Int], strings: inout Interner, domainOf: inout [Int: Int]) throws {
        out.removeAll(keepingCapacity: true)
        while !done {
            if pending == nil {
                guard let row = try cursor.next() else { done = true; return }
                pending = (row[0], row[1], row.count > 2 ? row[2] : nil)
            }
            guard let p = pending else { return }
            if p.id > id { return }
            pending = nil
            guard p.id == id else { continue }
            let value = try strings.id(p.value)
            if let domain = p.domain { domainOf[value] = try strings.id(domain) }
            out.append(value)
        }
    }
}
