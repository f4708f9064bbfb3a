import Records

/// Reads offers in the France Travail *Offres d'emploi v2* API structure: one offer object, a
/// search page `{"resultats": [...]}`, or a bare array of offers. Arrays are streamed element by
/// element (never the whole file in memory).
///
/// Mapping: `id`; `intitule` → title; `description`; `dateCreation` (else `dateActualisation`)
/// → published; `lieuTravail.libelle` → location; department from the label (`75 - Paris 15`),
/// else `lieuTravail.codePostal`, else `lieuTravail.commune`; `typeContrat` (else
/// `typeContratLibelle`) → contract; `romeCode`; `codeNAF` → naf; `entreprise.nom` → company;
/// `origineOffre.urlOrigine` → url; `competences[].libelle`, `qualitesProfessionnelles[].libelle`
/// and `formations[].domaineLibelle` → sourceSkills.
public final class FranceTravailReader: Sequence, IteratorProtocol {
    /// `Posting.source` when the caller gives none.
    public static let defaultSource = "france-travail-api"

    private let input: ByteSource
    private let streamer: JSONElementStreamer
    private let source: String
    private let limits: ReaderLimits

    public init(input: ByteSource, source: String = FranceTravailReader.defaultSource, limits: ReaderLimits = ReaderLimits()) {
        self.input = input
        self.streamer = JSONElementStreamer(cursor: ByteCursor(source: input), arrayKeys: ["resultats"], maxBytes: limits.maxRecordBytes)
        self.source = source
        self.limits = limits
    }

    public func next() -> Result<Posting, RecordError>? {
        guard let event = streamer.next() else { return nil }
        switch event {
        case .failure(let index, let line, let tooLarge, let reason, let raw):
            return .failure(RecordError(code: tooLarge ? .tooLarge : .malformedJSON, file: input.name, line: line,
                                        record: index.map { $0 + 1 }, reason: reason, excerpt: raw.isEmpty ? nil : excerpt(raw)))
        case .element(let index, let line, let bytes):
            return parse(bytes, line: line, record: index + 1)
        case .document(let line, let bytes):
            return parse(bytes, line: line, record: 1)
        }
    }

    private func parse(_ bytes: [UInt8], line: Int, record: Int) -> Result<Posting, RecordError> {
        let context = RecordContext(file: input.name, line: line, record: record, excerpt: { excerpt(bytes) })
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes, maxDepth: limits.maxDepth)
        } catch {
            return .failure(context.jsonError(error))
        }
        guard case .object = value else {
            return .failure(context.error(.malformedJSON, "une offre (objet JSON) est attendue, trouvé : \(value.typeName)"))
        }
        return FranceTravailReader.map(value, source: source, limits: limits, context: context)
    }

    /// Maps one API offer object.
    static func map(_ offer: JSONValue, source: String, limits: ReaderLimits, context: RecordContext) -> Result<Posting, RecordError> {
        let r = JSONFieldReader(object: offer, context: context)
        func nested(_ key: String) -> Result<JSONFieldReader?, RecordError> {
            switch offer[key] {
            case nil, .null?: return .success(nil)
            case let v? where v.objectValue != nil: return .success(JSONFieldReader(object: v, context: context))
            case let v?: return .failure(context.error(.invalidField, field: key, "objet attendu, trouvé : \(v.typeName)"))
            }
        }
        func labels(_ key: String, _ inner: String) -> Result<[String], RecordError> {
            switch offer[key] {
            case nil, .null?: return .success([])
            case .array(let items)?:
                var out: [String] = []
                for item in items {
                    if case .string(let s)? = item[inner] { out.append(s) }
                }
                return .success(out)
            case let v?: return .failure(context.error(.invalidField, field: key, "tableau attendu, trouvé : \(v.typeName)"))
            }
        }
        var f = PostingFields()
        do throws(RecordError) {
            f.id = try r.string("id", lenient: true).get()
            f.title = try r.string("intitule", field: "intitule").get()
            f.description = try r.string("description").get()
            let updated = try r.string("dateActualisation").get()
            f.published = try r.string("dateCreation").get() ?? updated
            if let lieu = try nested("lieuTravail").get() {
                f.location = try lieu.string("libelle", field: "lieuTravail.libelle").get()
                let label = f.location.flatMap(Department.fromLabel)
                let postal = try lieu.string("codePostal", field: "lieuTravail.codePostal", lenient: true).get().flatMap(Department.fromPostalCode)
                let commune = try lieu.string("commune", field: "lieuTravail.commune", lenient: true).get().flatMap(Department.fromCommune)
                f.department = label ?? postal ?? commune
            }
            let contractLabel = try r.string("typeContratLibelle").get()
            f.contract = try r.string("typeContrat").get() ?? contractLabel
            f.romeCode = try r.string("romeCode").get()
            f.naf = try r.string("codeNAF").get()
            f.company = try nested("entreprise").get()?.string("nom", field: "entreprise.nom").get()
            f.url = try nested("origineOffre").get()?.string("urlOrigine", field: "origineOffre.urlOrigine").get()
            let skills = try labels("competences", "libelle").get()
            let qualities = try labels("qualitesProfessionnelles", "libelle").get()
            let trainings = try labels("formations", "domaineLibelle").get()
            f.sourceSkills = skills + qualities + trainings
        } catch {
            return .failure(error)
        }
        return f.build(source: source, limits: limits, context: context).mapError { e in
            var e = e
            if e.field == "title" { e.field = "intitule" }  // name the field as the file does
            return e
        }
    }

    /// Bytes consumed so far, for progress display.
    public var bytesRead: Int { input.bytesRead }
}
