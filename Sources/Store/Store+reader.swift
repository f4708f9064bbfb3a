import GRDB

extension Store {

    /// Write access for modules that own derived tables built from the store (Trends rollups and
    /// the search index, each under their own named migrations). Not for postings: use `ingest`.
    public var derivedTablesWriter: any DatabaseWriter { writer }
}
