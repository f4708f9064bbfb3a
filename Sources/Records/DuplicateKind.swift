/// Why a posting is considered a duplicate of another; raw values are the French labels stored
/// and shown to users.
public enum DuplicateKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Same normalized title, description and company.
    case exact = "exact"
    /// Near-duplicate text (a repost with a changed date line or salary).
    case near = "quasi"
    /// The same offer published on two boards: different sources, same normalized title, and
    /// similar descriptions.
    case crossSource = "inter-sources"
}
