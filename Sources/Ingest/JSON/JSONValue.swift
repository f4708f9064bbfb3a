/// A parsed JSON value. Objects keep their members in document order (no hashing cost for the
/// small objects of postings); numbers keep their exact text so that an `id` such as `12345`
/// becomes `"12345"`, never `"12345.0"`.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number's lexeme, exactly as written (already checked against RFC 8259).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    /// The value of `key` when `self` is an object; with duplicate keys the last one wins
    /// (as in most JSON libraries).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        var i = members.count - 1
        while i >= 0 {
            if members[i].key == key { return members[i].value }
            i -= 1
        }
        return nil
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var objectValue: [JSONMember]? {
        if case .object(let m) = self { return m }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Name of the JSON type, in French, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "booléen"
        case .number: "nombre"
        case .string: "chaîne"
        case .array: "tableau"
        case .object: "objet"
        }
    }
}

/// One `"key": value` pair of a JSON object.
public struct JSONMember: Sendable, Hashable {
    public var key: String
    public var value: JSONValue

    public init(key: String, value: JSONValue) {
        self.key = key; self.value = value
    }
}
