/// The part of a posting or training offer a piece of evidence was found in.
public enum Section: String, Sendable, Hashable, Codable, CaseIterable {
    case title = "titre"
    /// Text before any recognized heading.
    case body = "description"
    case missions = "missions"
    case profile = "profil"
    case company = "entreprise"
    case benefits = "avantages"
    case process = "recrutement"
    /// Training offers: objectives, content and expected results (taught competencies).
    case objectives = "objectifs"
    case content = "contenu"
    /// Training offers: prerequisites and target public (not taught).
    case prerequisites = "prerequis"
    /// Skills listed by the source itself (France Travail `competences`).
    case sourceSkills = "competences-source"
}

/// One place in the text where a competency was found.
public struct Evidence: Sendable, Hashable, Codable {
    /// Unicode scalar offsets into the classified text (`title + "\n" + description`).
    public var start: Int
    public var end: Int
    /// The text at those offsets, exactly as given.
    public var text: String
    public var section: Section
    /// True when a negation ("sans", "aucune connaissance en … requise") governs the match.
    public var negated: Bool
    /// The taxonomy wording that matched (`machine learning`, `ML`), as written in `Taxonomy/`.
    public var wording: String?

    public init(start: Int, end: Int, text: String, section: Section, negated: Bool = false, wording: String? = nil) {
        self.start = start; self.end = end; self.text = text; self.section = section; self.negated = negated
        self.wording = wording
    }
}

/// A competency found in a record, with all its evidence.
public struct CompetencyMatch: Sendable, Hashable, Codable {
    public var id: String
    public var domain: String
    public var label: String
    public var evidence: [Evidence]

    public init(id: String, domain: String, label: String, evidence: [Evidence]) {
        self.id = id; self.domain = domain; self.label = label; self.evidence = evidence
    }
}

/// A job title reduced to one canonical form (gender, inclusive writing and noise removed).
public struct NormalizedTitle: Sendable, Hashable, Codable {
    public var normalized: String
    /// ROME 4.0 code of the job, when the title (or, failing that, the competencies) maps to one.
    public var rome: String?
    /// The ROME appellation matched, 0–1 confidence, and how: `exact`, `fuzzy` or `competencies`.
    public var romeAppellation: String?
    public var romeConfidence: Double?
    public var romeMethod: String?

    public init(normalized: String, rome: String? = nil, romeAppellation: String? = nil, romeConfidence: Double? = nil,
                romeMethod: String? = nil) {
        self.normalized = normalized; self.rome = rome; self.romeAppellation = romeAppellation
        self.romeConfidence = romeConfidence; self.romeMethod = romeMethod
    }
}

/// The classifier's answer for one record: domains, competencies with evidence, and the
/// taxonomy version that produced it.
public struct Classification: Sendable, Hashable, Codable {
    public var id: String
    public var domains: [String]
    /// Evidence score per domain, the number the domain rule compares to its threshold.
    public var domainScores: [String: Double]
    public var title: NormalizedTitle
    public var competencies: [CompetencyMatch]
    public var taxonomyVersion: String

    public init(id: String, domains: [String], domainScores: [String: Double], title: NormalizedTitle,
                competencies: [CompetencyMatch], taxonomyVersion: String) {
        self.id = id; self.domains = domains; self.domainScores = domainScores; self.title = title
        self.competencies = competencies; self.taxonomyVersion = taxonomyVersion
    }
}
