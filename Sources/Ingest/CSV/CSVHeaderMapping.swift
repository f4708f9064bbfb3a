/// What a CSV layout can carry: its fields with their header aliases, the fields it cannot do
/// without, and the fields whose column may repeat with a number (`code_formacode_1` … `_5`).
public struct CSVSchema: Sendable {
    /// Aliases per field, already folded (see `CSVHeaderMapping.fold`), best first.
    public var aliases: [(field: String, names: [String])]
    /// Fields without which the file cannot be read (a file-level error names them).
    public var required: [String]
    /// Fields an explicit `field=Column` mapping may name.
    public var mappable: [String]
    /// Fields whose aliases also match when followed by digits, every such column kept.
    public var repeating: Set<String>
    /// What the file holds, for error messages (« offres d’emploi », « formations »).
    public var noun: String

    /// `mappable` defaults to every field that has aliases.
    public init(aliases: [(field: String, names: [String])], required: [String], mappable: [String]? = nil,
                repeating: Set<String> = [], noun: String) {
        self.aliases = aliases; self.required = required; self.mappable = mappable ?? aliases.map(\.field)
        self.repeating = repeating; self.noun = noun
    }

    /// Postings, as `CSVReader` reads them.
    public static let postings = CSVSchema(aliases: [
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
    ], required: ["title", "description"], mappable: PostingFields.names, noun: "offres d’emploi")
}

/// Which CSV column feeds which record field: header names are matched on a folded form (case,
/// accents, spaces, underscores, dots, hyphens and apostrophes ignored) against a schema's
/// French and English aliases; an explicit `field=Column Name` mapping wins over aliases.
public struct CSVHeaderMapping: Sendable, Hashable {
    /// Column index per schema field (`title`, `description`, … plus the internal
    /// `postal_code`, `commune`, `contract_label`, `published_fallback` of postings).
    public private(set) var columns: [String: Int] = [:]
    /// For repeating fields: every matching column, in header order.
    public private(set) var repeated: [String: [Int]] = [:]
    /// The header names as found.
    public let headers: [String]

    /// Fields an explicit posting mapping may name.
    public static let mappableFields = PostingFields.names

    /// - Throws: `IngestError` (`correspondance-invalide`) for an unknown field or column in
    ///   `explicit`, (`colonnes-manquantes`) when a required field has no column.
    public init(headers: [String], schema: CSVSchema = .postings, explicit: [String: String] = [:], file: String = "",
                delimiter: UInt8 = 0x2C) throws(IngestError) {
        self.headers = headers
        let folded = headers.map(CSVHeaderMapping.fold)
        for (field, names) in schema.aliases {
            for name in names {
                if let i = folded.firstIndex(of: name) { columns[field] = i; break }
            }
            guard schema.repeating.contains(field) else { continue }
            let all = folded.indices.filter { i in
                names.contains { name in
                    guard folded[i].hasPrefix(name) else { return false }
                    let rest = folded[i].dropFirst(name.count)
                    return rest.isEmpty || rest.allSatisfy { $0.isASCII && $0.isNumber }
                }
            }
            if !all.isEmpty { repeated[field] = all; columns[field] = columns[field] ?? all[0] }
        }
        for (field, column) in explicit.sorted(by: { $0.key < $1.key }) {
            guard schema.mappable.contains(field) else {
                throw IngestError(code: .invalidMapping, file: file,
                                  reason: "champ inconnu « \(field) » dans la correspondance ; champs possibles : \(schema.mappable.joined(separator: ", "))")
            }
            guard let i = headers.firstIndex(of: column) ?? folded.firstIndex(of: CSVHeaderMapping.fold(column)) else {
                throw IngestError(code: .missingColumns, file: file,
                                  reason: "colonne « \(column) » introuvable pour le champ « \(field) » ; en-têtes trouvés : \(CSVHeaderMapping.list(headers))")
            }
            columns[field] = i
            repeated[field] = nil
        }
        let missing = schema.required.filter { columns[$0] == nil }
        if !missing.isEmpty {
            let sep = delimiter == 0x09 ? "tabulation" : String(Character(Unicode.Scalar(delimiter)))
            throw IngestError(code: .missingColumns, file: file,
                              reason: "colonne\(missing.count > 1 ? "s" : "") obligatoire\(missing.count > 1 ? "s" : "") absente\(missing.count > 1 ? "s" : "") pour des \(schema.noun) : \(missing.map { "« \($0) »" }.joined(separator: ", ")) ; en-têtes trouvés (séparateur « \(sep) ») : \(CSVHeaderMapping.list(headers)) ; utilisez une correspondance explicite (\(missing[0])=Nom de colonne)")
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
