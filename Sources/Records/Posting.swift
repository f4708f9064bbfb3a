/// A job posting as every reader yields it, whatever its source format.
///
/// Only `id`, `title` and `description` are required. `description` is plain text with its line
/// structure kept (readers turn HTML into text); classification offsets point into
/// `title + "\n" + description`.
public struct Posting: Sendable, Hashable, Codable {
    public var id: String
    public var source: String
    public var title: String
    public var description: String
    public var published: Day?
    public var location: String?
    /// INSEE department code (`75`, `2A`, `971`).
    public var department: String?
    public var contract: String?
    public var romeCode: String?
    public var naf: String?
    public var company: String?
    public var url: String?
    /// Skills the source itself lists (France Travail `competences`, `qualitesProfessionnelles`):
    /// extra input to the classifier, never a replacement for it.
    public var sourceSkills: [String]

    public init(id: String, source: String = "", title: String, description: String,
                published: Day? = nil, location: String? = nil, department: String? = nil,
                contract: String? = nil, romeCode: String? = nil, naf: String? = nil,
                company: String? = nil, url: String? = nil, sourceSkills: [String] = []) {
        self.id = id; self.source = source; self.title = title; self.description = description
        self.published = published; self.location = location; self.department = department
        self.contract = contract; self.romeCode = romeCode; self.naf = naf; self.company = company
        self.url = url; self.sourceSkills = sourceSkills
    }

    /// The text that is classified and that evidence offsets point into.
    public var classifiedText: String {
        sourceSkills.isEmpty ? title + "\n" + description
            : title + "\n" + description + "\n" + sourceSkills.joined(separator: "\n")
    }

    enum CodingKeys: String, CodingKey {
        case id, source, title, description, published, location, department, contract
        case romeCode = "rome_code", naf, company, url, sourceSkills = "source_skills"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        source = try c.decodeIfPresent(String.self, forKey: .source) ?? ""
        title = try c.decode(String.self, forKey: .title)
        description = try c.decode(String.self, forKey: .description)
        published = try c.decodeIfPresent(Day.self, forKey: .published)
        location = try c.decodeIfPresent(String.self, forKey: .location)
        department = try c.decodeIfPresent(String.self, forKey: .department)
        contract = try c.decodeIfPresent(String.self, forKey: .contract)
        romeCode = try c.decodeIfPresent(String.self, forKey: .romeCode)
        naf = try c.decodeIfPresent(String.self, forKey: .naf)
        company = try c.decodeIfPresent(String.self, forKey: .company)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        sourceSkills = try c.decodeIfPresent([String].self, forKey: .sourceSkills) ?? []
    }
}
