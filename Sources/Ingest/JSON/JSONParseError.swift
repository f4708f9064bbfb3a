/// Why a JSON text was refused, with the 0-based byte offset where the problem was found.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 0-based offset in the parsed bytes.
    public var offset: Int
    /// Reason in French.
    public var reason: String
    /// True when the bytes are not valid UTF-8 (the record code is then `encodage-invalide`).
    public var isEncodingError: Bool

    public init(offset: Int, reason: String, isEncodingError: Bool = false) {
        self.offset = offset; self.reason = reason; self.isEncodingError = isEncodingError
    }

    public var description: String { "\(reason) (octet \(offset))" }
}
