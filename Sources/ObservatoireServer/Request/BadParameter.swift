/// A query parameter the server cannot use: answered with 400 and a French message naming it.
public struct BadParameter: Error, Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var message: String

    public init(_ name: String, _ message: String) { self.name = name; self.message = message }

    public var description: String { "Paramètre « \(name) » invalide : \(message)" }
}

/// An unknown domain, competency or posting: answered with the French 404 page.
public struct NotFound: Error, Sendable, Hashable {
    public var what: String
    public init(_ what: String) { self.what = what }
}
