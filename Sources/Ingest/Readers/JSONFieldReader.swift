import Records

/// Typed access to the members of a JSON record, turning a wrong type into a precise
/// `champ-invalide` reject naming the field.
struct JSONFieldReader {
    let object: JSONValue
    let context: RecordContext

    /// A string member; null or absent → nil; numbers and booleans are accepted as their text
    /// only when `lenient` (ids, codes); other types are an error.
    func string(_ key: String, field: String? = nil, lenient: Bool = false) -> Result<String?, RecordError> {
        JSONFieldReader.string(object[key], field: field ?? key, lenient: lenient, context: context)
    }

    static func string(_ value: JSONValue?, field: String, lenient: Bool, context: RecordContext) -> Result<String?, RecordError> {
        switch value {
        case nil, .null?: return .success(nil)
        case .string(let s)?: return .success(s)
        case .number(let n)? where lenient: return .success(n)
        case .bool(let b)? where lenient: return .success(b ? "true" : "false")
        case let v?:
            return .failure(context.error(.invalidField, field: field, "chaîne attendue, trouvé : \(v.typeName)"))
        }
    }

    /// A list of strings (or a single string), null → empty.
    func strings(_ key: String, field: String) -> Result<[String], RecordError> {
        switch object[key] {
        case nil, .null?: return .success([])
        case .string(let s)?: return .success([s])
        case .array(let items)?:
            var out: [String] = []
            for item in items {
                switch item {
                case .string(let s): out.append(s)
                case .null: continue
                default:
                    return .failure(context.error(.invalidField, field: field, "liste de chaînes attendue, élément de type \(item.typeName)"))
                }
            }
            return .success(out)
        case let v?:
            return .failure(context.error(.invalidField, field: field, "liste de chaînes attendue, trouvé : \(v.typeName)"))
        }
    }
}

extension RecordContext {
    /// The reject for a JSON text that does not parse.
    func jsonError(_ e: JSONParseError, truncated: Bool = false) -> RecordError {
        if e.isEncodingError {
            return error(.invalidEncoding, "UTF-8 invalide à l’octet \(e.offset) de l’enregistrement")
        }
        let prefix = truncated ? "enregistrement tronqué (fin de fichier sans fin de ligne) ; " : ""
        return error(.malformedJSON, prefix + "JSON invalide : \(e.reason) à l’octet \(e.offset)")
    }
}
