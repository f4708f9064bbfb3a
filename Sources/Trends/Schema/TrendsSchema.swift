import GRDB

/// Derived tables owned by Trends, under their own named migrations (never edited once shipped).
///
/// - `trend_facts`: one row per *unique* dated posting (not in `duplicates`, `published` set),
///   with its month and every filter dimension denormalized. Live queries join it instead of
///   re-testing duplicates, re-deriving months and joining `postings` on every page.
/// - `trend_rollup`: counts per month × (nothing | one dimension value) × (all postings | domain |
///   competency; `grp` is the competency's domain). Any page whose filter sets at most one dimension reads only this table, whose size
///   depends on the taxonomy and the calendar, not on the number of postings.
/// - `trend_titles`, `trend_pairs` (v2): per competency and month, the normalized job titles and
///   the other competencies of its unique postings. A competency page's titles and co-occurrence
///   tables read them when the filter sets no dimension: at 1,000,000 postings the live joins cost
///   50,000 random look-ups each (28 s with a warm cache, 7 minutes cold on this machine).
/// - `trend_competency_facts` (v3, `others` in v4): `trend_facts` joined with
///   `posting_competencies` and the normalized title, clustered by competency. Every competency
///   query under any filter (titles, breakdowns, samples, monthly counts, training demand, gaps)
///   reads one contiguous range of it instead of joining two big tables with a random look-up per
///   posting. `others` lists the posting's other competencies (16-bit little-endian positions in
///   `trend_competency_index`, rebuilt with it), so co-occurrence under a filter is that same read.
/// - `trend_state`: the store stamp the derived tables were built from (see `TrendStore.refresh`).
///
/// Plain SQL that PostgreSQL also runs. The full-text index (FTS5) is SQLite-only and lives in its
/// own migration, which is skipped when the SQLite build has no FTS5 (search then uses `LIKE`).
enum TrendsSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("trends v1 facts and rollup", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("trends v1 search fts5 (SQLite only)", foreignKeyChecks: .immediate) { db in
            // SQLite-specific: FTS5 external-content index kept in sync by triggers. Skipped (and
            // search falls back to LIKE) when this SQLite has no FTS5.
            do {
                try db.execute(sql: "SAVEPOINT fts")
                try db.execute(sql: fts5)
                try db.execute(sql: "RELEASE SAVEPOINT fts")
            } catch {
                try db.execute(sql: "ROLLBACK TO SAVEPOINT fts")
                try db.execute(sql: "RELEASE SAVEPOINT fts")
            }
        }
        migrator.registerMigration("trends v2 titles and pairs", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: v2)
        }
        migrator.registerMigration("trends v3 competency facts", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: v3)
        }
        migrator.registerMigration("trends v4 co-occurring competencies", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: v4)
        }
        return migrator
    }

    static let v4 = """
    ALTER TABLE trend_competency_facts ADD COLUMN others BLOB;
    CREATE TABLE trend_competency_index (
        idx INTEGER PRIMARY KEY,
        competency_id TEXT NOT NULL
    );
    DELETE FROM trend_state;
    """

    /// SQLite-specific: `WITHOUT ROWID` clusters the rows by competency (drop the clause for
    /// PostgreSQL and cluster on the primary key instead).
    static let v3 = """
    CREATE TABLE trend_competency_facts (
        competency_id TEXT NOT NULL,
        posting_id INTEGER NOT NULL,
        domain TEXT NOT NULL,
        month TEXT NOT NULL,
        region TEXT,
        department TEXT,
        naf_section TEXT,
        rome_domain TEXT,
        contract TEXT,
        source TEXT NOT NULL,
        title TEXT,
        PRIMARY KEY (competency_id, posting_id)
    ) WITHOUT ROWID;
    DELETE FROM trend_state;
    """

    static let v2 = """
    CREATE TABLE trend_titles (
        competency_id TEXT NOT NULL,
        month TEXT NOT NULL,
        title TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (competency_id, month, title)
    );
    CREATE TABLE trend_pairs (
        competency_id TEXT NOT NULL,
        month TEXT NOT NULL,
        other_id TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (competency_id, month, other_id)
    );
    DELETE FROM trend_state;
    """

    static let v1 = """
    CREATE TABLE trend_facts (
        posting_id INTEGER PRIMARY KEY REFERENCES postings(id) ON DELETE CASCADE,
        month TEXT NOT NULL,
        region TEXT,
        department TEXT,
        naf_section TEXT,
        rome_domain TEXT,
        contract TEXT,
        source TEXT NOT NULL
    );
    CREATE INDEX trend_facts_month ON trend_facts(month);
    CREATE INDEX trend_facts_region ON trend_facts(region, month);
    CREATE INDEX trend_facts_department ON trend_facts(department, month);
    CREATE INDEX trend_facts_naf_section ON trend_facts(naf_section, month);
    CREATE INDEX trend_facts_rome_domain ON trend_facts(rome_domain, month);
    CREATE INDEX trend_facts_contract ON trend_facts(contract, month);
    CREATE INDEX trend_facts_source ON trend_facts(source, month);

    CREATE TABLE trend_rollup (
        kind TEXT NOT NULL,
        grp TEXT NOT NULL,
        key TEXT NOT NULL,
        dim TEXT NOT NULL,
        dim_value TEXT NOT NULL,
        month TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (kind, grp, dim, dim_value, key, month)
    );
    CREATE INDEX trend_rollup_key ON trend_rollup(kind, key, dim, month);

    CREATE TABLE trend_state (
        id INTEGER PRIMARY KEY,
        stamp TEXT NOT NULL,
        built_at TEXT NOT NULL
    );
    """

    static let fts5 = """
    CREATE VIRTUAL TABLE posting_search USING fts5(
        title, description, company, content='postings', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER posting_search_ai AFTER INSERT ON postings BEGIN
        INSERT INTO posting_search(rowid, title, description, company)
        VALUES (new.id, new.title, new.description, new.company);
    END;
    CREATE TRIGGER posting_search_ad AFTER DELETE ON postings BEGIN
        INSERT INTO posting_search(posting_search, rowid, title, description, company)
        VALUES ('delete', old.id, old.title, old.description, old.company);
    END;
    CREATE TRIGGER posting_search_au AFTER UPDATE OF title, description, company ON postings BEGIN
        INSERT INTO posting_search(posting_search, rowid, title, description, company)
        VALUES ('delete', old.id, old.title, old.description, old.company);
        INSERT INTO posting_search(rowid, title, description, company)
        VALUES (new.id, new.title, new.description, new.company);
    END;
    INSERT INTO posting_search(posting_search) VALUES ('rebuild');
    """
}
