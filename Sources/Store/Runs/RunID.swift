/// Identifies one ingest run (a row of `ingest_runs`).
public struct RunID: Sendable, Hashable, Codable, CustomStringConvertible {
    public var rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
    public var description: String { String(rawValue) }
}
