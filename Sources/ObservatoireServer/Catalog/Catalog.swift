import Records
import Taxonomy
import Trends

/// French names for everything a page shows by code: domains and competencies (from the
/// taxonomy), regions and départements (INSEE), NAF sections and ROME domains.
public struct Catalog: Sendable {
    public struct CompetencyInfo: Sendable, Hashable {
        public var id: String
        public var domain: String
        public var label: String
    }

    public let taxonomyVersion: String
    public let domains: [(id: String, label: String)]
    let competencies: [String: CompetencyInfo]
    /// Matching weight of each competency: 1 for *core*, `SupplyRules.supportWeight` for *support*.
    public let weights: [String: Double]

    public init(taxonomy: Taxonomy) {
        taxonomyVersion = taxonomy.version.description
        let labels = Dictionary(taxonomy.domains.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
        domains = knownDomains.map { ($0, labels[$0] ?? $0) }
        competencies = Dictionary(taxonomy.competencies.map { ($0.id, CompetencyInfo(id: $0.id, domain: $0.domain, label: $0.label)) },
                                  uniquingKeysWith: { a, _ in a })
        weights = Dictionary(taxonomy.competencies.map { ($0.id, $0.weight == .support ? SupplyRules.supportWeight : 1) },
                             uniquingKeysWith: { a, _ in a })
    }

    public func domainLabel(_ id: String) -> String { domains.first { $0.id == id }?.label ?? id }
    public func isDomain(_ id: String) -> Bool { domains.contains { $0.id == id } }
    public func competency(_ id: String) -> CompetencyInfo? { competencies[id] }
    /// Competencies of a domain, by label.
    public func competencies(in domain: String) -> [CompetencyInfo] {
        competencies.values.filter { $0.domain == domain }.sorted { $0.label < $1.label }
    }
    /// The competency's label, or its id when the taxonomy no longer has it.
    public func competencyLabel(_ id: String) -> String { competencies[id]?.label ?? id }

    public static func regionName(_ code: String) -> String { Geography.region(code: code)?.name ?? code }
    public static func departmentName(_ code: String) -> String {
        Geography.department(code: code).map { "\($0.name) (\($0.code))" } ?? code
    }
    public static func sectorName(_ letter: String) -> String { nafSections[letter].map { "\(letter) — \($0)" } ?? letter }
    public static func romeName(_ letter: String) -> String { romeDomains[letter].map { "\(letter) — \($0)" } ?? letter }

    /// The display name of a dimension value.
    public static func name(_ value: String, of dimension: Dimension) -> String {
        switch dimension {
        case .region: return regionName(value)
        case .department: return departmentName(value)
        case .sector: return sectorName(value)
        case .romeDomain: return romeName(value)
        case .contract, .source: return value
        }
    }

    /// NAF rév. 2 sections (INSEE).
    public static let nafSections: [String: String] = [
        "A": "Agriculture, sylviculture et pêche", "B": "Industries extractives", "C": "Industrie manufacturière",
        "D": "Électricité, gaz, vapeur et air conditionné", "E": "Eau, assainissement, déchets et dépollution",
        "F": "Construction", "G": "Commerce ; réparation d’automobiles et de motocycles", "H": "Transports et entreposage",
        "I": "Hébergement et restauration", "J": "Information et communication", "K": "Activités financières et d’assurance",
        "L": "Activités immobilières", "M": "Activités spécialisées, scientifiques et techniques",
        "N": "Activités de services administratifs et de soutien", "O": "Administration publique",
        "P": "Enseignement", "Q": "Santé humaine et action sociale", "R": "Arts, spectacles et activités récréatives",
        "S": "Autres activités de services", "T": "Activités des ménages en tant qu’employeurs",
        "U": "Activités extra-territoriales",
    ]

    /// ROME 4.0 domains (first letter of a ROME code, France Travail).
    public static let romeDomains: [String: String] = [
        "A": "Agriculture et pêche, espaces naturels et verts, soins aux animaux",
        "B": "Arts et façonnage d’ouvrages d’art", "C": "Banque, assurance, immobilier",
        "D": "Commerce, vente et grande distribution", "E": "Communication, média et multimédia",
        "F": "Construction, bâtiment et travaux publics", "G": "Hôtellerie-restauration, tourisme, loisirs et animation",
        "H": "Industrie", "I": "Installation et maintenance", "J": "Santé",
        "K": "Services à la personne et à la collectivité", "L": "Spectacle", "M": "Support à l’entreprise",
        "N": "Transport et logistique",
    ]
}
