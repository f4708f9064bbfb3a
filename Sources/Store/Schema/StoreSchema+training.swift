import GRDB

extension StoreSchema {
    /// Training offers (LHEO), their actions and sessions (where and when: supply by region and
    /// period), and their classification with evidence, shaped like the postings' tables.
    ///
    /// `training_competencies.taught` is 1 when the competency has non-negated evidence in a
    /// counting section (title, objectives, content), 0 when it only appears in prerequisites
    /// or negated: matching and gap queries read taught competencies only. Region and
    /// department are copied onto sessions so that supply per region and month is one table.
    /// `start_day`/`end_day` avoid `end`, a reserved word in PostgreSQL.
    static let v2Training = """
    CREATE TABLE training_offers (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        source_id TEXT NOT NULL,
        title TEXT NOT NULL,
        objectives TEXT NOT NULL,
        expected_results TEXT NOT NULL,
        content TEXT NOT NULL,
        prerequisites TEXT NOT NULL,
        organisation TEXT,
        siret TEXT,
        formacodes TEXT NOT NULL,
        nsf_codes TEXT NOT NULL,
        rome_codes TEXT NOT NULL,
        certifications TEXT NOT NULL,
        duration_hours INTEGER,
        url TEXT,
        content_hash TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        first_run_id INTEGER REFERENCES ingest_runs(id),
        last_run_id INTEGER REFERENCES ingest_runs(id),
        content_run_id INTEGER REFERENCES ingest_runs(id),
        UNIQUE (source, source_id)
    );
    CREATE INDEX training_offers_last_run ON training_offers(last_run_id);

    CREATE TABLE training_actions (
        id INTEGER PRIMARY KEY,
        offer_id INTEGER NOT NULL REFERENCES training_offers(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        source_action_id TEXT,
        region TEXT,
        department TEXT,
        commune_code TEXT,
        city TEXT,
        postal_code TEXT,
        duration_hours INTEGER
    );
    CREATE INDEX training_actions_offer ON training_actions(offer_id);
    CREATE INDEX training_actions_region ON training_actions(region);
    CREATE INDEX training_actions_department ON training_actions(department);

    CREATE TABLE training_sessions (
        id INTEGER PRIMARY KEY,
        action_id INTEGER NOT NULL REFERENCES training_actions(id) ON DELETE CASCADE,
        offer_id INTEGER NOT NULL REFERENCES training_offers(id) ON DELETE CASCADE,
        source_session_id TEXT,
        region TEXT,
        department TEXT,
        start_day TEXT,
        end_day TEXT
    );
    CREATE INDEX training_sessions_offer ON training_sessions(offer_id);
    CREATE INDEX training_sessions_region ON training_sessions(region, start_day);
    CREATE INDEX training_sessions_department ON training_sessions(department, start_day);

    CREATE TABLE training_classifications (
        offer_id INTEGER PRIMARY KEY REFERENCES training_offers(id) ON DELETE CASCADE,
        taxonomy_version TEXT NOT NULL,
        domains TEXT NOT NULL,
        domain_scores TEXT NOT NULL,
        classified_at TEXT NOT NULL
    );
    CREATE INDEX training_classifications_version ON training_classifications(taxonomy_version);

    CREATE TABLE training_domains (
        offer_id INTEGER NOT NULL REFERENCES training_offers(id) ON DELETE CASCADE,
        domain TEXT NOT NULL,
        score REAL NOT NULL,
        PRIMARY KEY (offer_id, domain)
    );
    CREATE INDEX training_domains_domain ON training_domains(domain);

    CREATE TABLE training_competencies (
        offer_id INTEGER NOT NULL REFERENCES training_offers(id) ON DELETE CASCADE,
        competency_id TEXT NOT NULL,
        domain TEXT NOT NULL,
        evidence_count INTEGER NOT NULL,
        taught INTEGER NOT NULL,
        PRIMARY KEY (offer_id, competency_id)
    );
    CREATE INDEX training_competencies_competency ON training_competencies(competency_id, taught);
    CREATE INDEX training_competencies_domain ON training_competencies(domain, taught);

    CREATE TABLE training_evidence (
        id INTEGER PRIMARY KEY,
        offer_id INTEGER NOT NULL REFERENCES training_offers(id) ON DELETE CASCADE,
        competency_id TEXT NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        section TEXT NOT NULL,
        negated INTEGER NOT NULL
    );
    CREATE INDEX training_evidence_offer ON training_evidence(offer_id, competency_id);
    """
}
