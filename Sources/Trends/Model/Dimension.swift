/// A dimension postings can be filtered and broken down by. Raw values are the names stored in
/// `trend_rollup.dim` and used in export file names.
public enum Dimension: String, Sendable, Hashable, CaseIterable, Codable {
    case region = "region"
    case department = "departement"
    case sector = "secteur"
    case romeDomain = "rome"
    case contract = "contrat"
    case source = "source"

    /// The `trend_facts` column holding this dimension.
    var column: String {
        switch self {
        case .region: return "region"
        case .department: return "department"
        case .sector: return "naf_section"
        case .romeDomain: return "rome_domain"
        case .contract: return "contract"
        case .source: return "source"
        }
    }

    /// French label for headings.
    public var label: String {
        switch self {
        case .region: return "Région"
        case .department: return "Département"
        case .sector: return "Secteur (NAF)"
        case .romeDomain: return "Domaine ROME"
        case .contract: return "Contrat"
        case .source: return "Source"
        }
    }
}
