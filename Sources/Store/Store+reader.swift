import GRDB

extension Store {
    /// Read access for the query side (Trends, the server): pages read through this so that, on a
    /// file database (`DatabasePool`, WAL), they never wait for an ingest.
    public var reader: any DatabaseReader { writer }

    /// Write access for modules that own derived tables built from the store (Trends rollups and
    /// the search index, each under their own named migrations). Not for postings: use `ingest`.
    public var derivedTablesWriter: any DatabaseWriter { writer }
}
