import Foundation
import GRDB
import Records

/// The statements of one training ingest transaction, prepared once per batch.
struct TrainingIngestSession {
    let db: Database
    let run: Int64
    let stamp: String

    let find: Statement
    let insertOffer: Statement
    let updateOffer: Statement
    let touch: Statement
    let insertAction: Statement
    let insertSession: Statement
    let insertClassification: Statement
    let insertDomain: Statement
    let insertCompetency: Statement
    let insertEvidence: Statement
    let deleteActions: [Statement]
    let deleteClassification: [Statement]

    static let offerColumns = """
        title, objectives, expected_results, content, prerequisites, organisation, siret, formacodes, nsf_codes,
        rome_codes, certifications, duration_hours, url, price_euros, content_hash
        """

    init(db: Database, run: Int64, stamp: String) throws {
        self.db = db; self.run = run; self.stamp = stamp
        find = try db.cachedStatement(sql: """
            SELECT o.id, o.content_hash, c.taxonomy_version FROM training_offers o
            LEFT JOIN training_classifications c ON c.offer_id = o.id
            WHERE o.source = ? AND o.source_id = ?
            """)
        insertOffer = try db.cachedStatement(sql: """
            INSERT INTO training_offers (source, source_id, \(Self.offerColumns),
                first_seen, last_seen, first_run_id, last_run_id, content_run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        updateOffer = try db.cachedStatement(sql: """
            UPDATE training_offers SET title = ?, objectives = ?, expected_results = ?, content = ?, prerequisites = ?,
                organisation = ?, siret = ?, formacodes = ?, nsf_codes = ?, rome_codes = ?, certifications = ?,
                duration_hours = ?, url = ?, price_euros = ?, content_hash = ?, last_seen = ?, last_run_id = ?, content_run_id = ?
            WHERE id = ?
            """)
        touch = try db.cachedStatement(sql: "UPDATE training_offers SET last_seen = ?, last_run_id = ? WHERE id = ?")
        insertAction = try db.cachedStatement(sql: """
            INSERT INTO training_actions (offer_id, position, source_action_id, region, department, commune_code, city,
                postal_code, duration_hours) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertSession = try db.cachedStatement(sql: """
            INSERT INTO training_sessions (action_id, offer_id, source_session_id, region, department, start_day, end_day)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        insertClassification = try db.cachedStatement(sql: """
            INSERT INTO training_classifications (offer_id, taxonomy_version, domains, domain_scores, classified_at)
            VALUES (?, ?, ?, ?, ?)
            """)
        insertDomain = try db.cachedStatement(sql: "INSERT INTO training_domains (offer_id, domain, score) VALUES (?, ?, ?)")
        insertCompetency = try db.cachedStatement(sql: """
            INSERT INTO training_competencies (offer_id, competency_id, domain, evidence_count, taught) VALUES (?, ?, ?, ?, ?)
            """)
        insertEvidence = try db.cachedStatement(sql: """
            INSERT INTO training_evidence (offer_id, competency_id, start_offset, end_offset, text, section, negated)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        deleteActions = try ["training_sessions", "training_actions"].map {
            try db.cachedStatement(sql: "DELETE FROM \($0) WHERE offer_id = ?")
        }
        deleteClassification = try ["training_classifications", "training_domains", "training_competencies",
                                    "training_evidence"].map {
            try db.cachedStatement(sql: "DELETE FROM \($0) WHERE offer_id = ?")
        }
    }

    func ingest(_ item: TrainingItem) throws -> BatchOutcome.Outcome {
        let o = item.offer
        let hash = ContentHash.of(o)
        if let row = try Row.fetchOne(find, arguments: [o.source, o.id]) {
            let id: Int64 = row[0]
            let oldHash: String = row[1]
            let oldVersion: String? = row[2]
            if oldHash == hash {
                try touch.execute(arguments: [stamp, run, id])
                if oldVersion == item.classification.taxonomyVersion { return .unchanged }
                try replaceClassification(id: id, item.classification)
                return .reclassified
            }
            var args = values(o, hash: hash)
            args += [stamp, run, run, id]
            try updateOffer.execute(arguments: StatementArguments(args))
            for s in deleteActions { try s.execute(arguments: [id]) }
            try insertActions(id: id, o)
            try replaceClassification(id: id, item.classification)
            return .updated
        }
        var args: [(any DatabaseValueConvertible)?] = [o.source, o.id]
        args += values(o, hash: hash)
        args += [stamp, stamp, run, run, run]
        try insertOffer.execute(arguments: StatementArguments(args))
        let id = db.lastInsertedRowID
        try insertActions(id: id, o)
        try insertClassification(id: id, item.classification)
        return .stored
    }

    /// title … content_hash, in the column order shared by the insert and update statements.
    private func values(_ o: TrainingOffer, hash: String) -> [(any DatabaseValueConvertible)?] {
        [o.title, o.objectives, o.expectedResults, o.content, o.prerequisites, o.organisation, o.siret,
         JSONText.array(o.formacodes), JSONText.array(o.nsfCodes), JSONText.array(o.romeCodes),
         JSONText.array(o.certifications), o.durationHours, o.url, o.priceEuros, hash]
    }

    /// Department as the geography table spells it; region derived from it (current regions), else
    /// the source's own region code (LHEO files may carry pre-2016 codes).
    private func geography(_ p: TrainingAction.Place?) -> (region: String?, department: String?) {
        let department = p?.department.map { Geography.department(code: $0)?.code ?? $0 }
            ?? p?.postalCode.flatMap(Geography.department(fromPostalCode:))
        let region = department.flatMap { Geography.region(ofDepartment: $0)?.code } ?? p?.region
        return (region, department)
    }

    private func insertActions(id: Int64, _ o: TrainingOffer) throws {
        for (position, a) in o.actions.enumerated() {
            let geo = geography(a.place)
            try insertAction.execute(arguments: [id, position, a.id, geo.region, geo.department, a.place?.communeCode,
                                                 a.place?.city, a.place?.postalCode, a.durationHours])
            let actionID = db.lastInsertedRowID
            for s in a.sessions {
                try insertSession.execute(arguments: [actionID, id, s.id, geo.region, geo.department,
                                                      s.start?.description, s.end?.description])
            }
        }
    }

    private func replaceClassification(id: Int64, _ c: Classification) throws {
        for s in deleteClassification { try s.execute(arguments: [id]) }
        try insertClassification(id: id, c)
    }

    /// Sections whose evidence means the competency is taught (not prerequisites, not boilerplate).
    static let taughtSections: Set<Section> = [.title, .body, .objectives, .content, .missions]

    private func insertClassification(id: Int64, _ c: Classification) throws {
        try insertClassification.execute(arguments: [id, c.taxonomyVersion, JSONText.array(c.domains),
                                                     JSONText.object(c.domainScores), stamp])
        for domain in Set(c.domains).sorted() {
            try insertDomain.execute(arguments: [id, domain, c.domainScores[domain] ?? 0])
        }
        // A competency listed twice is merged rather than failing the batch.
        var count: [String: Int] = [:], taught: [String: Bool] = [:]
        for m in c.competencies {
            count[m.id, default: 0] += m.evidence.count
            let t = m.evidence.contains { !$0.negated && Self.taughtSections.contains($0.section) }
            taught[m.id] = (taught[m.id] ?? false) || t
        }
        var written = Set<String>()
        for m in c.competencies {
            if written.insert(m.id).inserted {
                try insertCompetency.execute(arguments: [id, m.id, m.domain, count[m.id] ?? 0, taught[m.id] ?? false])
            }
            for e in m.evidence {
                try insertEvidence.execute(arguments: [id, m.id, e.start, e.end, e.text, e.section.rawValue, e.negated])
            }
        }
    }
}
