/// The natural key of a posting: its source and the identifier the source gave it.
public struct PostingKey: Sendable, Hashable, Codable {
    public var source: String
    public var sourceID: String
    public init(source: String, sourceID: String) { self.source = source; self.sourceID = sourceID }
}
