import GRDB

/// The database schema as named migrations. A migration is never edited once it has shipped:
/// changes go into a new migration appended at the end.
///
/// Tables and queries stay plain SQL that PostgreSQL also runs (TEXT dates `YYYY-MM-DD`, INTEGER
/// 64-bit keys, JSON kept as TEXT, `ON CONFLICT` upserts). SQLite-specific DDL is limited to
/// `WITHOUT ROWID` on `dedup_bands` and, since v9, on `posting_domains`, `posting_competencies`
/// and `evidence` (drop the clause for PostgreSQL, which clusters nothing by default). Full-text
/// search (FTS5) has its own migration in the Trends schema and stays out of the aggregate queries.
enum StoreSchema {
    /// Migrations after v1 only add tables, columns and indexes, so they run with immediate foreign
    /// key checks: GRDB's default (deferred) ends each migration with `PRAGMA foreign_key_check`
    /// over the whole database, a full read of every table (9 minutes at 1,000,000 postings here).
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 postings, classifications, dedup, runs, rejects") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2 training offers", foreignKeyChecks: .immediate) { db in try db.execute(sql: v2Training) }
        // CSV catalogues (CPF, training bodies) carry a price; LHEO rarely does.
        migrator.registerMigration("v3 training offer price", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: "ALTER TABLE training_offers ADD COLUMN price_euros DOUBLE PRECISION")
        }
        migrator.registerMigration("v4 dedup sketches", foreignKeyChecks: .immediate) { db in try db.execute(sql: v4DedupSketches) }
        // The trend tables' change stamp reads the latest classification time: without an index
        // that was a scan of the whole table (and MAX(last_seen) one of postings, 8.5 GB at 1M).
        migrator.registerMigration("v5 change stamp indexes", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                CREATE INDEX classifications_classified_at ON classifications(classified_at);
                CREATE INDEX training_classifications_classified_at ON training_classifications(classified_at);
                """)
        }
        // Sketches are written to dedup_sketches only: the copy in postings cost 512 bytes per wide
        // row and an index entry per insert that nothing reads any more.
        migrator.registerMigration("v6 sketches only in dedup_sketches", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: "DROP INDEX IF EXISTS postings_title_key")
        }
        // Job-title pages and the emerging titles' profiles look postings up by normalized title:
        // without an index each was a read of the whole classifications table.
        migrator.registerMigration("v7 normalized title index", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: "CREATE INDEX classifications_title ON classifications(title_normalized)")
        }
        // What the trend tables and the emerging windows read of every posting, in one covering
        // index: their scans read it (≈ 60 bytes per posting) instead of the table, where each
        // row holds its description (8.5 GB at 1,000,000 postings). It starts with `published`,
        // so it also replaces `postings_published`.
        migrator.registerMigration("v8 posting facts covering index", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                CREATE INDEX postings_facts ON postings(published, region, department, naf_section, rome_code, contract, source);
                DROP INDEX postings_published;
                """)
        }
        migrator.registerMigration("v9 clustered classification rows", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: v9ClusteredClassificationRows)
        }
        return migrator
    }

    /// The rows written for every classified posting, stored in their primary key's order
    /// (`WITHOUT ROWID`, drop the clause for PostgreSQL): a rowid table with a `(posting_id, …)`
    /// key cost two B-tree inserts per row (the table and its key index), and these are 16 of the
    /// ≈ 90 B-tree inserts of an ingested posting. Every reader looks them up by posting, or reads
    /// them in posting order (the trend rebuild), which the clustered key now serves directly.
    /// Evidence is keyed by its rank within the posting (`ordinal`, insertion order): its former
    /// `id` was never read. The domain and competency indexes of `posting_competencies` and
    /// `posting_domains` are not rebuilt: every query by competency or domain reads the trend
    /// tables (`trend_competency_facts` is clustered by competency), and an index entry keyed by
    /// competency was a random B-tree insert for each of the ≈ 5 competencies of a posting.
    static let v9ClusteredClassificationRows = """
    CREATE TABLE posting_domains_v9 (
        posting_id INTEGER NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
        domain TEXT NOT NULL,
        score REAL NOT NULL,
        published TEXT,
        PRIMARY KEY (posting_id, domain)
    ) WITHOUT ROWID;
    INSERT INTO posting_domains_v9 (posting_id, domain, score, published)
        SELECT posting_id, domain, score, published FROM posting_domains ORDER BY posting_id, domain;
    DROP TABLE posting_domains;
    ALTER TABLE posting_domains_v9 RENAME TO posting_domains;

    CREATE TABLE posting_competencies_v9 (
        posting_id INTEGER NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
        competency_id TEXT NOT NULL,
        domain TEXT NOT NULL,
        evidence_count INTEGER NOT NULL,
        published TEXT,
        PRIMARY KEY (posting_id, competency_id)
    ) WITHOUT ROWID;
    INSERT INTO posting_competencies_v9 (posting_id, competency_id, domain, evidence_count, published)
        SELECT posting_id, competency_id, domain, evidence_count, published FROM posting_competencies
        ORDER BY posting_id, competency_id;
    DROP TABLE posting_competencies;
    ALTER TABLE posting_competencies_v9 RENAME TO posting_competencies;

    CREATE TABLE evidence_v9 (
        posting_id INTEGER NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        competency_id TEXT NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        section TEXT NOT NULL,
        negated INTEGER NOT NULL,
        wording TEXT,
        PRIMARY KEY (posting_id, ordinal)
    ) WITHOUT ROWID;
    INSERT INTO evidence_v9 (posting_id, ordinal, competency_id, start_offset, end_offset, text, section, negated, wording)
        SELECT posting_id, ROW_NUMBER() OVER (PARTITION BY posting_id ORDER BY id) - 1, competency_id, start_offset,
               end_offset, text, section, negated, wording
        FROM evidence ORDER BY posting_id, id;
    DROP TABLE evidence;
    ALTER TABLE evidence_v9 RENAME TO evidence;
    """

    /// What deduplication reads about earlier postings, in a narrow table: a `postings` row holds
    /// the start of its description, so reading a candidate's sketch there cost one or two random
    /// pages, and the cross-source title look-up read every row with the same title to check its
    /// source. Here a sketch is ~560 bytes (7 per page) and the title index covers the source. Measured
    /// at 287,000 postings: 45 page reads per ingested posting, 40 % of the CPU in `pread`.
    static let v4DedupSketches = """
    CREATE TABLE dedup_sketches (
        posting_id INTEGER PRIMARY KEY REFERENCES postings(id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        published TEXT,
        title_key INTEGER,
        minhash BLOB
    );
    CREATE INDEX dedup_sketches_title ON dedup_sketches(title_key, source);
    INSERT INTO dedup_sketches (posting_id, source, published, title_key, minhash)
        SELECT id, source, published, title_key, minhash FROM postings;
    """

    static let v1 = """
    CREATE TABLE ingest_runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        files TEXT NOT NULL,
        status TEXT NOT NULL,
        counts TEXT
    );

    CREATE TABLE postings (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        source_id TEXT NOT NULL,
        title TEXT NOT NULL,
        published TEXT,
        location TEXT,
        department TEXT,
        region TEXT,
        contract TEXT,
        rome_code TEXT,
        naf TEXT,
        naf_section TEXT,
        company TEXT,
        url TEXT,
        source_skills TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        title_key INTEGER,
        minhash BLOB,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        first_run_id INTEGER REFERENCES ingest_runs(id),
        last_run_id INTEGER REFERENCES ingest_runs(id),
        content_run_id INTEGER REFERENCES ingest_runs(id),
        -- Last: a long description spills into overflow pages, and every column after it would
        -- cost a walk of that chain (dedup reads minhash for each candidate).
        description TEXT NOT NULL,
        UNIQUE (source, source_id)
    );
    CREATE INDEX postings_published ON postings(published);
    CREATE INDEX postings_department ON postings(department, published);
    CREATE INDEX postings_region ON postings(region, published);
    CREATE INDEX postings_naf_section ON postings(naf_section, published);
    CREATE INDEX postings_title_key ON postings(title_key);
    CREATE INDEX postings_last_run ON postings(last_run_id);

    CREATE TABLE classifications (
        posting_id INTEGER PRIMARY KEY REFERENCES postings(id) ON DELETE CASCADE,
        taxonomy_version TEXT NOT NULL,
        domains TEXT NOT NULL,
        domain_scores TEXT NOT NULL,
        title_normalized TEXT,
        title_rome TEXT,
        classified_at TEXT NOT NULL
    );
    CREATE INDEX classifications_version ON classifications(taxonomy_version);

    CREATE TABLE posting_domains (
        posting_id INTEGER NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
        domain TEXT NOT NULL,
        score REAL NOT NULL,
        published TEXT,
        PRIMARY KEY (posting_id, domain)
    );
    CREATE INDEX posting_domains_domain ON posting_domains(domain, published);

    CREATE TABLE posting_competencies (
        posting_id INTEGER NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
        competency_id TEXT NOT NULL,
        domain TEXT NOT NULL,
        evidence_count INTEGER NOT NULL,
        published TEXT,
        PRIMARY KEY (posting_id, competency_id)
    );
    CREATE INDEX posting_competencies_competency ON posting_competencies(competency_id, published);
    CREATE INDEX posting_competencies_domain ON posting_competencies(domain, published);

    CREATE TABLE evidence (
        id INTEGER PRIMARY KEY,
        posting_id INTEGER NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
        competency_id TEXT NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        section TEXT NOT NULL,
        negated INTEGER NOT NULL,
        wording TEXT
    );
    CREATE INDEX evidence_posting ON evidence(posting_id, competency_id);

    CREATE TABLE rejected_records (
        id INTEGER PRIMARY KEY,
        run_id INTEGER REFERENCES ingest_runs(id),
        file TEXT NOT NULL,
        line INTEGER,
        record_index INTEGER,
        field TEXT,
        code TEXT NOT NULL,
        reason TEXT NOT NULL,
        excerpt TEXT,
        reject_key TEXT NOT NULL UNIQUE
    );
    CREATE INDEX rejected_records_run ON rejected_records(run_id);

    CREATE TABLE duplicates (
        posting_id INTEGER PRIMARY KEY REFERENCES postings(id) ON DELETE CASCADE,
        cluster_id INTEGER NOT NULL REFERENCES postings(id),
        kind TEXT NOT NULL,
        similarity REAL NOT NULL
    );
    CREATE INDEX duplicates_cluster ON duplicates(cluster_id);

    CREATE TABLE exact_keys (
        posting_id INTEGER PRIMARY KEY REFERENCES postings(id) ON DELETE CASCADE,
        key INTEGER NOT NULL
    );
    CREATE INDEX exact_keys_key ON exact_keys(key);

    CREATE TABLE dedup_bands (
        band INTEGER NOT NULL,
        hash INTEGER NOT NULL,
        posting_id INTEGER NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
        PRIMARY KEY (band, hash, posting_id)
    ) WITHOUT ROWID;
    """
}
