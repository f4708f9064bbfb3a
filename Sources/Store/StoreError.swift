/// Errors the store raises itself (database errors come through as GRDB's `DatabaseError`).
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownTable(String)
    case unknownRun(Int64)

    public var description: String {
        switch self {
        case .unknownTable(let t): return "table inconnue : \(t)"
        case .unknownRun(let r): return "exécution d'ingestion inconnue : \(r)"
        }
    }
}
