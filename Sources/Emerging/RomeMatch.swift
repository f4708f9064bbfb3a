/// A posting title mapped to a ROME 4.0 fiche, with how it was found and how sure it is.
public struct RomeMatch: Sendable, Hashable {
    /// How the code was found, from the most to the least reliable.
    public enum Method: String, Sendable, Hashable, CaseIterable {
        /// The normalized title equals a normalized appellation (masculine or feminine).
        case exact
        /// IDF-weighted token-set similarity between the title and an appellation.
        case fuzzy
        /// The title gave nothing: the ROME codes of the taxonomy competencies found in the posting.
        case competencies
    }

    /// ROME fiche code (`M1805`).
    public var code: String
    /// The appellation matched (masculine label); for `.competencies`, the fiche label.
    public var appellation: String
    /// 0–1: 1 for an exact match, the similarity for a fuzzy one, at most 0.4 from competencies.
    public var confidence: Double
    public var method: Method

    public init(code: String, appellation: String, confidence: Double, method: Method) {
        self.code = code; self.appellation = appellation; self.confidence = confidence; self.method = method
    }
}
