/// The five domains the observatory watches, in display order.
public let knownDomains = ["ia", "donnees", "cybersecurite", "mediation", "immersif"]

/// A competency taxonomy loaded from `Taxonomy/`: domains, competencies, and the version that
/// every classification records.
public struct Taxonomy: Sendable {
    public var version: TaxonomyVersion
    public var domains: [Domain]
    public var competencies: [Competency]

    public init(version: TaxonomyVersion, domains: [Domain], competencies: [Competency]) {
        self.version = version; self.domains = domains; self.competencies = competencies
    }

    /// Competencies of one domain.
    public func competencies(in domain: String) -> [Competency] { competencies.filter { $0.domain == domain } }
}

/// Human version plus content hash: `2026.11.1+3fa2c4d9e01b`. Any edit of a `.tax` file changes it.
public struct TaxonomyVersion: Sendable, Hashable, CustomStringConvertible {
    public var human: String
    /// First 12 hex digits of the SHA-256 of the `.tax` files, sorted by name.
    public var hash: String
    public var description: String { human + "+" + hash }
    public init(human: String, hash: String) { self.human = human; self.hash = hash }
}

/// One domain file's header.
public struct Domain: Sendable, Hashable {
    public var id: String
    public var label: String
    public var labelEn: String
    public var file: String
}

/// How much a competency characterizes its domain.
public enum Weight: String, Sendable, Hashable {
    /// Characterizes the domain by itself (deep learning, pentest).
    case core
    /// A tool or generic skill common outside the domain (SQL, Excel, Linux): counts for half.
    case support
}

/// A competency with its wordings and its references to other frameworks.
public struct Competency: Sendable, Hashable {
    public var id: String
    public var domain: String
    public var label: String
    public var labelEn: String
    public var weight: Weight
    /// Everything that matches it: label, English label, variants, acronyms.
    public var wordings: [Wording]
    /// Longer wordings that contain a variant but mean something else.
    public var excludes: [Wording]
    public var esco: [String]
    public var rome: [String]
    public var ecf: [String]
    public var ecsf: [String]
    public var digcomp: [String]
    public var formacode: [String]
    public var notes: [String]
    public var file: String
    public var line: Int

    public init(id: String, domain: String, label: String, labelEn: String, weight: Weight, wordings: [Wording],
                excludes: [Wording] = [], esco: [String] = [], rome: [String] = [], ecf: [String] = [], ecsf: [String] = [],
                digcomp: [String] = [], formacode: [String] = [], notes: [String] = [], file: String, line: Int) {
        self.id = id; self.domain = domain; self.label = label; self.labelEn = labelEn; self.weight = weight
        self.wordings = wordings; self.excludes = excludes; self.esco = esco; self.rome = rome; self.ecf = ecf
        self.ecsf = ecsf; self.digcomp = digcomp; self.formacode = formacode; self.notes = notes; self.file = file; self.line = line
    }
}

/// A wording as written in the taxonomy, with its guards.
public struct Wording: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case label, labelEn = "label-en", variant, acronym, exclude }
    public var text: String
    public var kind: Kind
    /// Match only with exactly this letter case (acronyms, `| case`).
    public var caseSensitive: Bool
    /// Match only if one of these words is within `window` tokens.
    public var near: [String]
    /// Do not match if one of these words is within `window` tokens.
    public var notNear: [String]
    public var window: Int
    public var line: Int

    public init(text: String, kind: Kind, caseSensitive: Bool = false, near: [String] = [], notNear: [String] = [],
                window: Int = 12, line: Int = 0) {
        self.text = text; self.kind = kind; self.caseSensitive = caseSensitive; self.near = near
        self.notNear = notNear; self.window = window; self.line = line
    }
}

/// A problem found while loading or linting, with its place.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error = "erreur", warning = "avertissement" }
    public var severity: Severity
    public var file: String
    public var line: Int?
    /// In French.
    public var message: String

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? "") : \(severity.rawValue) : \(message)"
    }
}
