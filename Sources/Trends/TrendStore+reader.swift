import GRDB

extension TrendStore {
    /// Read access for analyses that run their own queries over the store (emerging titles and
    /// terms); the same connection pool as the trend queries.
    public var databaseReader: any DatabaseReader { reader }
}
