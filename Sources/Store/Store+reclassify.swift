import Foundation
import GRDB
import Records

/// A stored posting's text and current classification summary, as re-classification needs it.
public struct StoredPosting: Sendable, Hashable {
    /// Row id in `postings`.
    public var rowID: Int64
    public var key: PostingKey
    public var title: String
    public var description: String
    public var sourceSkills: [String]
    public var published: Day?
    /// Version that produced the stored classification; nil when the posting was never classified.
    public var taxonomyVersion: String?
    /// Domains of the stored classification, sorted.
    public var domains: [String]
}

extension Store {
    /// Read-only access for analysis modules (Emerging) that run their own plain-SQL aggregates.
    public var reader: any DatabaseReader { writer }

    /// One page of stored postings, in row-id order after `afterRowID`; only those whose stored
    /// classification differs from `otherThanVersion` (or is missing) when it is given.
    public func storedPostings(afterRowID: Int64 = 0, limit: Int = 1_000,
                               otherThanVersion: String? = nil) throws -> [StoredPosting] {
        try writer.read { db in
            let filter = otherThanVersion == nil ? "" : "AND (c.posting_id IS NULL OR c.taxonomy_version <> ?)"
            var args: [(any DatabaseValueConvertible)?] = [afterRowID]
            if let v = otherThanVersion { args.append(v) }
            args.append(limit)
            let rows = try Row.fetchAll(db, sql: """
                SELECT p.id, p.source, p.source_id, p.title, p.description, p.source_skills, p.published,
                       c.taxonomy_version, c.domains
                FROM postings p LEFT JOIN classifications c ON c.posting_id = p.id
                WHERE p.id > ? \(filter)
                ORDER BY p.id LIMIT ?
                """, arguments: StatementArguments(args))
            return rows.map { r in
                StoredPosting(rowID: r[0], key: PostingKey(source: r[1], sourceID: r[2]), title: r[3], description: r[4],
                              sourceSkills: Self.decodeStrings(r[5]), published: (r[6] as String?).flatMap(Day.init(iso:)),
                              taxonomyVersion: r[7], domains: Self.decodeStrings(r[8]).sorted())
            }
        }
    }

    /// Replaces the classification, domains, competencies and evidence of stored postings in one
    /// transaction (the posting rows and their dedup entries are untouched).
    public func replaceClassifications(_ items: [(rowID: Int64, published: Day?, classification: Classification)],
                                       now: Date = Date()) throws {
        let stamp = Store.timestamp(now)
        try writer.write { db in
            for table in ["classifications", "posting_domains", "posting_competencies", "evidence"] {
                let delete = try db.cachedStatement(sql: "DELETE FROM \(table) WHERE posting_id = ?")
                for item in items { try delete.execute(arguments: [item.rowID]) }
            }
            let rows = try ClassificationRows(db)
            for (id, published, c) in items {
                try rows.insert(id: id, c, ClassificationRows.Values(c, published: published), stamp: stamp)
            }
        }
    }

    /// Strings of a JSON array kept as TEXT (`domains`, `source_skills`); empty when absent.
    static func decodeStrings(_ text: String?) -> [String] {
        guard let text, let data = text.data(using: .utf8),
              let values = try? JSONDecoder().decode([String].self, from: data) else { return [] }
        return values
    }
}

extension Store {
    /// Records that the classification of these postings is valid for `version` without redoing
    /// it: a taxonomy change that cannot touch their text leaves their result as it was.
    public func restamp(_ rowIDs: [Int64], version: String) throws {
        guard !rowIDs.isEmpty else { return }
        try writer.write { db in
            let update = try db.cachedStatement(sql: "UPDATE classifications SET taxonomy_version = ? WHERE posting_id = ?")
            for id in rowIDs { try update.execute(arguments: [version, id]) }
        }
    }
}
