/// A training offer as the LHEO reader yields it (one `<formation>` with its actions), whatever
/// the LHEO version.
///
/// Text fields are kept as the source gives them (LHEO carries escaped HTML, which the XML
/// parser turns into markup; the classifier reads markup). Codes are validated by the reader:
/// an invalid code is dropped and reported as a warning, the offer is kept.
public struct TrainingOffer: Sendable, Hashable, Codable {
    /// The LHEO `numero` of the formation, or a stable hash (`h-…`) when the source has none.
    public var id: String
    public var source: String
    /// `intitule-formation`.
    public var title: String
    /// `objectif-formation`.
    public var objectives: String
    /// `resultats-attendus`.
    public var expectedResults: String
    /// `contenu-formation`.
    public var content: String
    /// What the learner must already know: `conditions-specifiques` and `info-public-vise` of the
    /// actions (distinct texts, one per line). Never counted as taught competencies.
    public var prerequisites: String
    /// RNCP and RS codes, normalized (`RNCP474`, `RS7019`).
    public var certifications: [String]
    /// Formacode codes of `domaine-formation` (5 digits), the principal one first when tagged.
    public var formacodes: [String]
    /// NSF codes (`326`, `326t`).
    public var nsfCodes: [String]
    /// ROME codes (`M1805`).
    public var romeCodes: [String]
    /// `nom-organisme` (or `raison-sociale`) of the responsible organisation.
    public var organisation: String?
    /// SIRET of the responsible organisation (14 digits).
    public var siret: String?
    public var actions: [TrainingAction]
    /// Duration of the first action that states one, in hours.
    public var durationHours: Int?
    /// `url-formation`.
    public var url: String?
    /// Price in euros including tax, when the catalogue gives one (CSV catalogues; LHEO rarely).
    public var priceEuros: Double?

    public init(id: String, source: String = "", title: String, objectives: String = "", expectedResults: String = "",
                content: String = "", prerequisites: String = "", certifications: [String] = [],
                formacodes: [String] = [], nsfCodes: [String] = [], romeCodes: [String] = [],
                organisation: String? = nil, siret: String? = nil, actions: [TrainingAction] = [],
                durationHours: Int? = nil, url: String? = nil, priceEuros: Double? = nil) {
        self.id = id; self.source = source; self.title = title; self.objectives = objectives
        self.expectedResults = expectedResults; self.content = content; self.prerequisites = prerequisites
        self.certifications = certifications; self.formacodes = formacodes; self.nsfCodes = nsfCodes
        self.romeCodes = romeCodes; self.organisation = organisation; self.siret = siret; self.actions = actions
        self.durationHours = durationHours; self.url = url; self.priceEuros = priceEuros
    }

    enum CodingKeys: String, CodingKey {
        case id, source, title, objectives, expectedResults = "expected_results", content, prerequisites
        case certifications, formacodes, nsfCodes = "nsf_codes", romeCodes = "rome_codes", organisation, siret
        case actions, durationHours = "duration_hours", url, priceEuros = "price_euros"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        source = try c.decodeIfPresent(String.self, forKey: .source) ?? ""
        title = try c.decode(String.self, forKey: .title)
        objectives = try c.decodeIfPresent(String.self, forKey: .objectives) ?? ""
        expectedResults = try c.decodeIfPresent(String.self, forKey: .expectedResults) ?? ""
        content = try c.decodeIfPresent(String.self, forKey: .content) ?? ""
        prerequisites = try c.decodeIfPresent(String.self, forKey: .prerequisites) ?? ""
        certifications = try c.decodeIfPresent([String].self, forKey: .certifications) ?? []
        formacodes = try c.decodeIfPresent([String].self, forKey: .formacodes) ?? []
        nsfCodes = try c.decodeIfPresent([String].self, forKey: .nsfCodes) ?? []
        romeCodes = try c.decodeIfPresent([String].self, forKey: .romeCodes) ?? []
        organisation = try c.decodeIfPresent(String.self, forKey: .organisation)
        siret = try c.decodeIfPresent(String.self, forKey: .siret)
        actions = try c.decodeIfPresent([TrainingAction].self, forKey: .actions) ?? []
        durationHours = try c.decodeIfPresent(Int.self, forKey: .durationHours)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        priceEuros = try c.decodeIfPresent(Double.self, forKey: .priceEuros)
    }
}
