/// Which CSV column feeds which `Posting` field: header names are matched on a folded form
/// (case, accents, spaces, underscores, dots, hyphens and apostrophes ignored) against French
/// and English aliases; an explicit `field=Column Name` mapping wins over aliases.
public struct CSVHeaderMapping: Sendable, Hashable {
    /// Column index per schema field (`title`, `description`, … plus the internal
    /// `postal_code`, `commune`, `contract_label`, `published_fallback`).
    public private(set) var columns: [String: Int] = [:]
    /// The header names as found.
    public let headers: [String]

    /// Aliases per field, already folded, best first.
    static let aliases: [(field: String, names: [String])] = [
        ("id", ["id", "identifiant", "reference", "ref", "referenceoffre", "idoffre", "numerooffre", "offerid", "jobid", "identifier"]),
        ("title", ["title", "titre", "intitule", "intituleduposte", "libelleduposte", "intituleoffre", "titreoffre", "poste", "jobtitle", "metier"]),
        ("description", ["description", "descriptif", "descriptifduposte", "descriptionduposte", "descriptionoffre", "descriptiondeloffre", "texte", "text", "contenu"]),
        ("published", ["published", "datedepublication", "datepublication", "datecreation", "datedecreation", "publicationdate", "dateposted", "datepublished", "date"]),
        ("published_fallback", ["dateactualisation", "datemiseajour", "updated"]),
        ("location", ["location", "lieu", "lieutravaillibelle", "lieudetravail", "lieutravail", "localisation", "ville", "city", "joblocation"]),
        ("department", ["department", "departement", "codedepartement", "dept"]),
        ("postal_code", ["lieutravailcodepostal", "codepostal", "postalcode", "cp"]),
        ("commune", ["lieutravailcommune", "codecommune", "codeinsee", "commune"]),
        ("contract", ["contract", "contrat", "typecontrat", "typedecontrat", "contracttype", "employmenttype"]),
        ("contract_label", ["typecontratlibelle", "libellecontrat"]),
        ("rome_code", ["romecode", "coderome", "rome"]),
        ("naf", ["naf", "codenaf", "codeape", "ape"]),
        ("company", ["company", "entreprise", "entreprisenom", "nomentreprise", "employeur", "societe", "raisonsociale", "hiringorganization"]),
        ("url", ["url", "lien", "link", "origineoffreurlorigine", "urlorigine", "urloffre"]),
        ("source", ["source"]),
        ("source_skills", ["sourceskills", "competences", "skills"]),
        ("qualities", ["qualitesprofessionnelles"]),
        ("trainings", ["formations"]),
    ]

    /// Fields an explicit mapping may name.
    public static let mappableFields = PostingFields.names

    /// - Throws: `IngestError` (`correspondance-invalide`) for an unknown field or column in
    ///   `explicit`, (`colonnes-manquantes`) when `title` or `description` has no column.
    public init(headers: [String], explicit: [String: String] = [:], file: String = "", delimiter: UInt8 = 0x2C) throws(IngestError) {
        self.headers = headers
        let folded = headers.map(CSVHeaderMapping.fold)
        for (field, names) in CSVHeaderMapping.aliases {
            for name in names {
                if let i = folded.firstIndex(of: name) { columns[field] = i; break }
            }
        }
        for (field, column) in explicit.sorted(by: { $0.key < $1.key }) {
            guard CSVHeaderMapping.mappableFields.contains(field) else {
                throw IngestError(code: .invalidMapping, file: file,
                                  reason: "champ inconnu « \(field) » dans la correspondance ; champs possibles : \(CSVHeaderMapping.mappableFields.joined(separator: ", "))")
            }
            guard let i = headers.firstIndex(of: column) ?? folded.firstIndex(of: CSVHeaderMapping.fold(column)) else {
                throw IngestError(code: .missingColumns, file: file,
                                  reason: "colonne « \(column) » introuvable pour le champ « \(field) » ; en-têtes trouvés : \(CSVHeaderMapping.list(headers))")
            }
            columns[field] = i
        }
        let missing = ["title", "description"].filter { columns[$0] == nil }
        if !missing.isEmpty {
            let sep = delimiter == 0x09 ? "tabulation" : String(Character(Unicode.Scalar(delimiter)))
            throw IngestError(code: .missingColumns, file: file,
                              reason: "colonne\(missing.count > 1 ? "s" : "") obligatoire\(missing.count > 1 ? "s" : "") absente\(missing.count > 1 ? "s" : "") : \(missing.map { "« \($0) »" }.joined(separator: ", ")) ; en-têtes trouvés (séparateur « \(sep) ») : \(CSVHeaderMapping.list(headers)) ; utilisez une correspondance explicite (title=Nom de colonne)")
        }
    }

    static func list(_ headers: [String]) -> String {
        let shown = headers.prefix(30).map { "« \(String($0.prefix(60))) »" }.joined(separator: ", ")
        return headers.count > 30 ? shown + " … (\(headers.count) colonnes)" : shown
    }

    /// `Libellé du poste` → `libelleduposte`, `lieuTravail.libelle` → `lieutravaillibelle`.
    static func fold(_ s: String) -> String {
        var out = ""
        for ch in s.lowercased().unicodeScalars {
            switch ch {
            case "é", "è", "ê", "ë": out.append("e")
            case "à", "â", "ä": out.append("a")
            case "î", "ï": out.append("i")
            case "ô", "ö": out.append("o")
            case "ù", "û", "ü": out.append("u")
            case "ç": out.append("c")
            case "œ": out.append("oe")
            case "æ": out.append("ae")
            case " ", "_", ".", "-", "'", "’", "\u{00A0}", "\u{FEFF}", "\t", "/", "(", ")": continue
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Parses CLI mappings such as `title=Poste` into `["title": "Poste"]`.
    public static func parse(_ specs: [String]) throws(IngestError) -> [String: String] {
        var out: [String: String] = [:]
        for spec in specs {
            guard let eq = spec.firstIndex(of: "="), eq != spec.startIndex, spec.index(after: eq) != spec.endIndex else {
                throw IngestError(code: .invalidMapping, file: "",
                                  reason: "correspondance « \(spec) » invalide : forme attendue champ=Nom de colonne (par exemple title=Poste)")
            }
            out[String(spec[..<eq]).trimmingCharacters(in: " ")] = String(spec[spec.index(after: eq)...]).trimmingCharacters(in: " ")
        }
        return out
    }
}
