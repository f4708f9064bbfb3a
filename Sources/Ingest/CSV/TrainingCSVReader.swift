import Records

/// Reads training offers from CSV catalogues, as training bodies and the CPF catalogue export
/// them: one row per offer, or per action (place, dates, hours) of an offer whose rows follow
/// each other with the same id. Streaming, with the same CSV rules as `CSVReader` (`CSVTable`).
///
/// - Columns: `CSVSchema.trainingCatalogue` (French and English aliases, CPF open-data names);
///   only the title is required. Repeated numbered columns (`code_formacode_1` … `_5`) and cells
///   listing several codes (`31025; 31034`) are all kept.
/// - Codes (Formacode, NSF, ROME, RNCP, RS, SIRET), dates, hours and prices are validated as in
///   LHEO: an invalid value is dropped with a warning (`warnings`), the offer is kept.
/// - Consecutive rows with the same id are one offer with one action per row (offer-level
///   fields come from the first row). A row whose id was already read further up is rejected:
///   merging it would reorder the file, replacing the first would lose it.
/// - Without an id column the id is `h-` + a hash of title, organisation, objectives and content.
public final class TrainingCSVReader: IteratorProtocol {
    private let table: CSVTable
    private let source: String
    /// Every mapped column with its size bound, in header order (checked on each row).
    private let bounds: [(column: Int, limit: Int)]
    /// The offer being assembled from consecutive rows, with its number of rows.
    private var pending: (offer: TrainingOffer, rows: Int)?
    private var queued: [Result<TrainingOffer, RecordError>] = []
    /// Line of the first row of every offer read, by a 64-bit hash of its id (bounded memory
    /// whatever the ids' length), to reject non-consecutive repeats.
    private var seen: [UInt64: Int] = [:]
    private var finished = false
    /// Invalid codes and values that were dropped (at most `maxWarnings` kept).
    public private(set) var warnings: [RecordError] = []
    public private(set) var warningCount = 0
    public static let maxWarnings = 10_000
    static let maxCodes = 50
    /// Rows (actions) merged into one offer at most; further rows of it are rejected.
    public static let maxActions = 5_000

    public var mapping: CSVHeaderMapping { table.mapping }
    public var encoding: CSVReader.Encoding { table.encoding }
    /// Bytes consumed so far, for progress display.
    public var bytesRead: Int { table.input.bytesRead }

    /// Reads the header; throws a file-level error when it is missing or has no title column.
    public init(input: ByteSource, source: String, mapping explicit: [String: String] = [:],
                limits: ReaderLimits = ReaderLimits()) throws(IngestError) {
        self.source = source
        let table = try CSVTable(input: input, schema: .trainingCatalogue, explicit: explicit, limits: limits)
        self.table = table
        let long: Set<String> = ["objectives", "content", "expected_results", "prerequisites"]
        bounds = table.mapping.columns.map { field, column in
            (column, field == "title" ? limits.maxTitleCharacters
                : long.contains(field) ? limits.maxDescriptionCharacters : limits.maxFieldCharacters)
        }.sorted { $0.column < $1.column }
    }

    /// True when `headers` name columns only a training catalogue has (Formacode, organisation
    /// de formation, objectifs…), so `ingest` can tell a catalogue from a postings CSV.
    public static func isCatalogue(headers: [String]) -> Bool {
        let specific: [String] = ["intituleformation", "intituledelaformation", "numeroformation", "nomof",
                                  "organismeformation", "organismedeformation", "objectifformation", "objectifsformation",
                                  "objectifsdelaformation", "contenuformation", "contenudelaformation", "formacode",
                                  "codeformacode", "codesformacode", "nombreheurestotal", "fraisttc", "resultatsattendus"]
        return headers.map(CSVHeaderMapping.fold).contains { h in specific.contains { h.hasPrefix($0) } }
    }

    /// True when the first bytes of a file are a CSV header that `isCatalogue` recognizes.
    public static func isCatalogue(prefix: [UInt8]) -> Bool { isCatalogue(headers: CSVTable.headerNames(prefix)) }

    public func next() -> Result<TrainingOffer, RecordError>? {
        while queued.isEmpty {
            if finished { return nil }
            switch table.next() {
            case nil:
                finished = true
                if let p = pending { queued.append(.success(p.offer)); pending = nil }
            case .failure(let e)?:
                queued.append(.failure(e))
            case .success(let row)?:
                read(row)
            }
        }
        return queued.removeFirst()
    }

    private func read(_ row: CSVTable.Row) {
        let m = table.mapping
        let context = row.context
        func value(_ field: String) -> String? { row.value(field, m)?.trimmingASCIIAndUnicodeSpaces().nilIfEmpty }
        func header(_ field: String) -> String { m.columns[field].map { m.headers[$0] } ?? field }
        func warn(_ field: String, _ raw: String, _ reason: String, column: Int? = nil) {
            warningCount += 1
            guard warnings.count < Self.maxWarnings else { return }
            let name = column.map { m.headers[$0] } ?? header(field)
            warnings.append(context.error(.invalidField, field: name, reason).with(excerpt: String(raw.prefix(100))))
        }
        func reject(_ e: RecordError) { queued.append(.failure(e)) }

        // Size bounds first: nothing over a bound is stored, nothing is truncated.
        for (i, bound) in bounds {
            let n = row.values[i].unicodeScalars.count
            if n > bound {
                return reject(context.error(.tooLarge, field: m.headers[i], "\(n) caractères, plus que la limite de \(bound)"))
            }
        }
        guard let title = value("title") else {
            return reject(context.error(.missingField, field: header("title"), "intitulé de la formation absent"))
        }
        let organisation = value("organisation")
        let objectives = row.value("objectives", m) ?? "", content = row.value("content", m) ?? ""
        let id = value("id") ?? StableID.hash([title, organisation ?? "", objectives, content])

        func codes(_ field: String, _ parse: (String) -> String?, into list: inout [String], _ reason: String) {
            for cell in row.values(field, m) {
                for piece in TrainingCSVReader.pieces(cell.value) {
                    guard let c = parse(piece) else { warn(field, piece, reason, column: cell.column); continue }
                    if !list.contains(c), list.count < Self.maxCodes { list.append(c) }
                }
            }
        }
        var action = TrainingAction(id: value("action_id"))
        var place = TrainingAction.Place()
        if let r = value("region") { place.region = TrainingCSVReader.regionCode(r) ?? r }
        if let d = value("department") {
            if let code = Geography.department(fromLocation: d) { place.department = code } else { warn("department", d, "département inconnu : ignoré") }
        }
        place.city = value("city")
        if let p = value("postal_code") {
            if Geography.department(fromPostalCode: p) != nil { place.postalCode = p } else { warn("postal_code", p, "code postal invalide (5 chiffres attendus) : ignoré") }
        }
        place.communeCode = value("commune_code")
        if place.department == nil { place.department = place.postalCode.flatMap(Geography.department(fromPostalCode:)) }
        if place != TrainingAction.Place() { action.place = place }
        if let h = value("hours") {
            if let n = TrainingCSVReader.hours(h) { action.durationHours = n } else { warn("hours", h, "durée invalide (nombre d’heures attendu) : ignorée") }
        }
        var session = TrainingAction.Session(id: value("session_id"))
        for field in ["start", "end"] {
            guard let raw = value(field) else { continue }
            guard let day = TrainingCSVReader.day(raw) else { warn(field, raw, "date invalide (AAAA-MM-JJ ou JJ/MM/AAAA attendu) : ignorée"); continue }
            if field == "start" { session.start = day } else { session.end = day }
        }
        if session != TrainingAction.Session() { action.sessions = [session] }
        let hasAction = action != TrainingAction()

        if var p = pending, p.offer.id == id {
            guard p.rows < Self.maxActions else {
                return reject(context.error(.tooLarge, field: header("id"),
                                            "plus de \(Self.maxActions) lignes pour la formation « \(String(id.prefix(80))) » : ligne ignorée"))
            }
            if hasAction { p.offer.actions.append(action) }
            p.rows += 1
            if p.offer.durationHours == nil { p.offer.durationHours = action.durationHours }
            pending = p
            return
        }
        let idHash = StableID.fnv1a64([id])
        if let first = seen[idHash] {
            return reject(context.error(.invalidField, field: header("id"),
                                        "formation « \(String(id.prefix(80))) » déjà lue plus haut (ligne \(first)) : les lignes d’une même formation doivent se suivre"))
        }
        var offer = TrainingOffer(id: id, source: value("source") ?? source, title: title, objectives: objectives,
                                  expectedResults: row.value("expected_results", m) ?? "", content: content,
                                  prerequisites: row.value("prerequisites", m) ?? "", organisation: organisation,
                                  durationHours: action.durationHours, url: value("url"))
        if hasAction { offer.actions = [action] }
        codes("formacode", LHEOCodes.formacode, into: &offer.formacodes, "code Formacode invalide (5 chiffres attendus) : ignoré")
        codes("nsf", LHEOCodes.nsf, into: &offer.nsfCodes, "code NSF invalide (3 chiffres et une lettre facultative attendus) : ignoré")
        codes("rome", LHEOCodes.rome, into: &offer.romeCodes, "code ROME invalide (une lettre et 4 chiffres attendus) : ignoré")
        codes("rncp", LHEOCodes.rncp, into: &offer.certifications, "code RNCP invalide (« RNCP » suivi de chiffres attendu) : ignoré")
        codes("rs", LHEOCodes.rs, into: &offer.certifications, "code RS invalide (« RS » suivi de chiffres attendu) : ignoré")
        codes("certification", { $0.uppercased().hasPrefix("RS") ? LHEOCodes.rs($0) : LHEOCodes.rncp($0) }, into: &offer.certifications,
              "certification invalide (RNCP ou RS suivi de chiffres attendu) : ignorée")
        if let s = value("siret") {
            if let v = LHEOCodes.siret(s) { offer.siret = v } else { warn("siret", s, "SIRET invalide (14 chiffres attendus) : ignoré") }
        }
        if let p = value("price") {
            if let v = TrainingCSVReader.euros(p) { offer.priceEuros = v } else { warn("price", p, "prix invalide (montant en euros attendu) : ignoré") }
        }
        if let old = pending { queued.append(.success(old.offer)) }
        seen[idHash] = context.line ?? 0
        pending = (offer, 1)
    }

    /// The codes of one cell: split on `;` `,` `|` `/` and line breaks.
    static func pieces(_ cell: String) -> [String] {
        cell.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "|" || $0 == "/" || $0 == "\n" || $0 == "\r" })
            .map { String($0).trimmingASCIIAndUnicodeSpaces() }.filter { !$0.isEmpty && $0 != "-" }
    }

    /// The INSEE code of a current region given as a code (`84`) or a name
    /// (`Auvergne-Rhône-Alpes`, `ILE DE FRANCE`); nil when unknown.
    static func regionCode(_ s: String) -> String? {
        if let r = Geography.region(code: s) { return r.code }
        let key = TextFolding.key(s)
        return Geography.regions.first { TextFolding.key($0.name) == key }?.code
    }

    /// Hours as catalogues write them: `35`, `35,5`, `35.0`, `35 h`, `35 heures`, `35h30`
    /// (rounded to the nearest hour); nil for other units or absurd values.
    static func hours(_ s: String) -> Int? {
        let v = s.lowercased().replacingOccurrences(of: ",", with: ".")
        let number = v.prefix { ($0.isASCII && $0.isNumber) || $0 == "." }
        let rest = String(v.dropFirst(number.count)).trimmingASCIIAndUnicodeSpaces()
        guard !number.isEmpty, let x = Double(number), x >= 0, x < 100_000,
              rest.isEmpty || rest.hasPrefix("h") else { return nil }
        return Int(x.rounded())
    }

    /// A price in euros: `1290`, `1 290,00 €`, `1290.50`, `1.290,00 EUR`; nil otherwise.
    static func euros(_ s: String) -> Double? {
        var v = s.uppercased()
        for unit in ["€", "EUR", "TTC", "HT"] { v = v.replacingOccurrences(of: unit, with: "") }
        v = String(v.unicodeScalars.filter { $0 != " " && $0 != "\u{A0}" && $0 != "\u{202F}" })
        if let comma = v.lastIndex(of: ",") {
            // `1.290,00`: dots are thousands separators and the comma the decimal mark.
            v = v[..<comma].replacingOccurrences(of: ".", with: "") + "." + v[v.index(after: comma)...]
        }
        guard !v.isEmpty, v.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." }), let x = Double(v),
              x >= 0, x < 10_000_000 else { return nil }
        return x
    }

    /// `20250901` (LHEO) or any form posting dates take (`2025-09-01`, `01/09/2025`, `1er septembre 2025`).
    static func day(_ s: String) -> Day? {
        LHEOCodes.day(s) ?? ((try? PublishedDate.parse(s).get()) ?? nil)
    }
}

extension CSVSchema {
    /// Training catalogues, as `TrainingCSVReader` reads them. CPF open-data names
    /// (`intitule_formation`, `nom_of`, `code_formacode_1`, `frais_ttc_tot_mean`…) are aliases.
    public static let trainingCatalogue = CSVSchema(aliases: [
        ("id", ["numeroformation", "idformation", "identifiantformation", "codeformation", "id", "identifiant", "reference", "ref", "numero"]),
        ("title", ["intituleformation", "intituledelaformation", "libelleformation", "nomformation", "intitule", "titre", "title", "formation", "coursetitle"]),
        ("objectives", ["objectifformation", "objectifsformation", "objectifsdelaformation", "objectifs", "objectif", "objectives", "pointsforts"]),
        ("content", ["contenuformation", "contenudelaformation", "contenu", "programme", "content", "description", "descriptif"]),
        ("expected_results", ["resultatsattendus", "competencesvisees", "competencesacquises", "learningoutcomes"]),
        ("prerequisites", ["prerequis", "prerequisites", "conditionsdacces", "conditionsacces", "conditionsspecifiques", "publicvise", "niveaudentree", "niveauentree"]),
        ("organisation", ["nomof", "organismeformation", "organismedeformation", "nomorganisme", "organisme", "raisonsociale", "organisation", "provider"]),
        ("siret", ["siret", "siretof", "numerosiret"]),
        ("region", ["coderegion", "region", "nomregion", "regionlibelle"]),
        ("department", ["codedepartement", "departement", "nomdepartement", "dept", "department"]),
        ("city", ["ville", "lieuformation", "lieudeformation", "lieu", "city", "commune"]),
        ("postal_code", ["codepostal", "cp", "postalcode"]),
        ("commune_code", ["codeinsee", "codecommune", "codeinseecommune"]),
        ("formacode", ["codeformacode", "codesformacode", "formacode", "formacodes"]),
        ("nsf", ["codensf", "codesnsf", "nsf"]),
        ("rome", ["coderome", "codesrome", "romecode", "rome"]),
        ("rncp", ["coderncp", "rncp", "numerorncp"]),
        ("rs", ["coders", "codeinventaire", "numerors"]),
        ("certification", ["certification", "codecertification", "certifications"]),
        ("hours", ["nombreheurestotalmean", "nombreheurestotal", "nombreheures", "dureeenheures", "dureeheures", "heures", "duree", "durationhours", "volumehoraire"]),
        ("price", ["fraisttctotmean", "fraisttc", "prixttc", "prix", "tarif", "cout", "coutttc", "price"]),
        ("start", ["datedebut", "datededebut", "datedebutsession", "debut", "debutsession", "startdate"]),
        ("end", ["datefin", "datedefin", "datefinsession", "fin", "finsession", "enddate"]),
        ("action_id", ["numeroaction", "idaction", "actionid"]),
        ("session_id", ["numerosession", "idsession", "sessionid"]),
        ("url", ["urlformation", "url", "lien", "link"]),
        ("source", ["source"]),
    ], required: ["title"], repeating: ["formacode", "nsf", "rome", "rncp"], noun: "formations")
}

extension RecordError {
    func with(excerpt: String) -> RecordError { var e = self; e.excerpt = excerpt; return e }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
