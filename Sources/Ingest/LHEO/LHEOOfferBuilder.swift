import Foundation
import Records

/// Accumulates the fields of one `<formation>` while it is parsed, validates codes as they
/// close, and produces the `TrainingOffer` when the formation ends.
struct LHEOOfferBuilder {
    /// The leaf elements the reader keeps; everything else is skipped without being stored.
    enum Field {
        case title, objectives, expectedResults, content
        case formacode, nsf, rome, rncp, rs, url
        case prerequisites, durationText, hoursCentre, hoursCompany, hoursTotal
        case region, department, commune, city, postalCode
        case start, end
        case organisation, legalName, siret
    }

    let numero: String?
    let line: Int
    let index: Int
    let file: String
    let source: String

    var title = "", objectives = "", expectedResults = "", content = ""
    var prerequisites: [String] = []
    var formacodes: [String] = [], nsf: [String] = [], rome: [String] = [], certifications: [String] = []
    var organisation: String?, legalName: String?, siret: String?, url: String?
    var actions: [TrainingAction] = []
    var warnings: [RecordError] = []
    /// Warnings beyond `maxWarnings` for this offer: counted, not kept.
    private(set) var uncountedWarnings = 0

    /// Bounds per offer, so that a hostile offer costs linear time: codes of one kind, distinct
    /// prerequisite texts, warnings kept.
    static let maxCodes = 256
    static let maxPrerequisites = 64
    static let maxWarnings = 100

    private var action: TrainingAction?
    private var hours: (centre: Int?, company: Int?, total: Int?, text: Int?) = (nil, nil, nil, nil)
    private var session: TrainingAction.Session?

    init(numero: String?, line: Int, index: Int, file: String, source: String) {
        self.numero = numero.map(\.lheoTrimmed).flatMap { $0.isEmpty ? nil : $0 }
        self.line = line; self.index = index; self.file = file; self.source = source
    }

    /// The field an element stands for, from its name and its ancestors (`stack` ends with it).
    static func field(_ name: String, stack: ArraySlice<String>, attributes: [String: String]) -> Field? {
        // One hash look-up turns away most elements (`ligne`, `coordonnees`…) before the switch.
        guard names.contains(name) else { return nil }
        let parent = stack.count >= 2 ? stack[stack.endIndex - 2] : ""
        switch name {
        case "intitule-formation" where parent == "formation": return .title
        case "objectif-formation" where parent == "formation": return .objectives
        case "resultats-attendus" where parent == "formation": return .expectedResults
        case "contenu-formation" where parent == "formation": return .content
        case "code-FORMACODE" where parent == "domaine-formation": return .formacode
        case "code-NSF" where parent == "domaine-formation": return .nsf
        case "code-ROME" where parent == "domaine-formation": return .rome
        case "code-RNCP" where parent == "certification": return .rncp
        case "code-RS" where parent == "certification": return .rs
        case "extra" where attributes["info"] == "code-RS": return .rs
        case "extra" where isPrerequisiteInfo(attributes["info"]): return .prerequisites
        case "urlweb" where parent == "url-formation": return .url
        case "conditions-specifiques", "info-public-vise": return parent == "action" ? .prerequisites : nil
        case "duree-indicative" where parent == "action": return .durationText
        case "nombre-heures-centre" where parent == "action": return .hoursCentre
        case "nombre-heures-entreprise" where parent == "action": return .hoursCompany
        case "nombre-heures-total" where parent == "action": return .hoursTotal
        case "region", "departement", "code-INSEE-commune", "ville", "codepostal":
            guard parent == "adresse", stack.contains("lieu-de-formation") else { return nil }
            switch name {
            case "region": return .region
            case "departement": return .department
            case "code-INSEE-commune": return .commune
            case "ville": return .city
            default: return .postalCode
            }
        case "debut" where parent == "periode" && stack.contains("session"): return .start
        case "fin" where parent == "periode" && stack.contains("session"): return .end
        case "nom-organisme" where parent == "organisme-formation-responsable": return .organisation
        case "raison-sociale" where parent == "organisme-formation-responsable": return .legalName
        case "SIRET" where parent == "SIRET-organisme-formation" && stack.contains("organisme-formation-responsable"):
            return .siret
        default: return nil
        }
    }

    /// Every element name `field` may accept.
    static let names: Set<String> = [
        "intitule-formation", "objectif-formation", "resultats-attendus", "contenu-formation", "code-FORMACODE",
        "code-NSF", "code-ROME", "code-RNCP", "code-RS", "extra", "urlweb", "conditions-specifiques",
        "info-public-vise", "duree-indicative", "nombre-heures-centre", "nombre-heures-entreprise",
        "nombre-heures-total", "region", "departement", "code-INSEE-commune", "ville", "codepostal", "debut", "fin",
        "nom-organisme", "raison-sociale", "SIRET",
    ]

    /// `<extra info="prerequis">` (and `pré-requis`, `prérequis`…): where some exports put prerequisites.
    static func isPrerequisiteInfo(_ info: String?) -> Bool {
        guard let info else { return false }
        let folded = info.lowercased().replacingOccurrences(of: "é", with: "e").replacingOccurrences(of: "-", with: "")
        return folded.hasPrefix("prerequis")
    }

    mutating func beginAction(numero: String?) {
        closeAction()
        action = TrainingAction(id: numero.map(\.lheoTrimmed))
        hours = (nil, nil, nil, nil)
    }

    mutating func closeAction() {
        closeSession()
        guard var a = action else { return }
        a.durationHours = hours.total
            ?? (hours.centre != nil || hours.company != nil ? (hours.centre ?? 0) + (hours.company ?? 0) : nil)
            ?? hours.text
        if a.durationHours == 0 { a.durationHours = hours.text }
        actions.append(a)
        action = nil
    }

    mutating func beginSession(numero: String?) {
        closeSession()
        session = TrainingAction.Session(id: numero.map(\.lheoTrimmed))
    }

    mutating func closeSession() {
        if let s = session { action?.sessions.append(s) }
        session = nil
    }

    /// Stores the text of a closed leaf element. `element` and `fieldLine` locate warnings.
    mutating func set(_ field: Field, _ raw: String, element: String, fieldLine: Int) {
        func warn(_ reason: String) {
            guard warnings.count < Self.maxWarnings else { uncountedWarnings += 1; return }
            warnings.append(RecordError(code: .invalidField, file: file, line: fieldLine, record: index,
                                        field: element, reason: reason, excerpt: String(raw.prefix(100))))
        }
        func code(_ parse: (String) -> String?, _ list: inout [String], _ reason: String) {
            let v = raw.lheoTrimmed
            guard !v.isEmpty, v != "-" else { return }
            guard let c = parse(v) else { return warn(reason) }
            guard !list.contains(c) else { return }
            guard list.count < Self.maxCodes else {
                return warn("plus de \(Self.maxCodes) codes de ce type : les suivants sont ignorés")
            }
            list.append(c)
        }
        func place(_ update: (inout TrainingAction.Place) -> Void) {
            guard action != nil else { return }
            var p = action!.place ?? TrainingAction.Place()
            update(&p)
            action!.place = p
        }
        // Long texts are kept as given: no need to trim them here.
        switch field {
        case .objectives: objectives = raw; return
        case .expectedResults: expectedResults = raw; return
        case .content: content = raw; return
        default: break
        }
        let v = raw.lheoTrimmed
        let value: String? = v.isEmpty || v == "-" ? nil : v
        switch field {
        case .objectives, .expectedResults, .content: break
        case .title: title = v
        case .formacode: code(LHEOCodes.formacode, &formacodes, "code Formacode invalide (5 chiffres attendus) : ignoré")
        case .nsf: code(LHEOCodes.nsf, &nsf, "code NSF invalide (3 chiffres et une lettre facultative attendus) : ignoré")
        case .rome: code(LHEOCodes.rome, &rome, "code ROME invalide (une lettre et 4 chiffres attendus) : ignoré")
        case .rncp: code(LHEOCodes.rncp, &certifications, "code RNCP invalide (« RNCP » suivi de chiffres attendu) : ignoré")
        case .rs: code(LHEOCodes.rs, &certifications, "code RS invalide (« RS » suivi de chiffres attendu) : ignoré")
        case .url: if url == nil { url = value }
        case .prerequisites:
            if let value, prerequisites.count < Self.maxPrerequisites, !prerequisites.contains(value) {
                prerequisites.append(value)
            }
        case .durationText: hours.text = value.flatMap(LHEOCodes.hours)
        case .hoursCentre: hours.centre = value.flatMap(LHEOCodes.hours)
        case .hoursCompany: hours.company = value.flatMap(LHEOCodes.hours)
        case .hoursTotal: hours.total = value.flatMap(LHEOCodes.hours)
        case .region: place { if $0.region == nil { $0.region = value } }
        case .department: place { if $0.department == nil { $0.department = value } }
        case .commune: place { if $0.communeCode == nil { $0.communeCode = value } }
        case .city: place { if $0.city == nil { $0.city = value } }
        case .postalCode: place { if $0.postalCode == nil { $0.postalCode = value } }
        case .start, .end:
            guard let value, value != "00000000", value != "99999999" else { return }
            guard let day = LHEOCodes.day(value) else {
                return warn("date invalide (AAAAMMJJ attendu) : ignorée")
            }
            if field == .start { session?.start = day } else { session?.end = day }
        case .organisation: if organisation == nil { organisation = value }
        case .legalName: if legalName == nil { legalName = value }
        case .siret:
            guard let value else { return }
            guard let s = LHEOCodes.siret(value) else { return warn("SIRET invalide (14 chiffres attendus) : ignoré") }
            if siret == nil { siret = s }
        }
    }

    /// The offer, or why it is rejected.
    mutating func finish() -> Result<TrainingOffer, RecordError> {
        closeAction()
        guard !title.isEmpty else {
            return .failure(RecordError(code: .missingField, file: file, line: line, record: index,
                                        field: "intitule-formation", reason: "intitulé de la formation absent"))
        }
        let org = organisation ?? legalName
        let id = numero ?? "h-" + Self.hash([title, org ?? "", objectives, content])
        let duration = actions.lazy.compactMap(\.durationHours).first
        return .success(TrainingOffer(
            id: id, source: source, title: title, objectives: objectives, expectedResults: expectedResults,
            content: content, prerequisites: prerequisites.joined(separator: "\n"), certifications: certifications,
            formacodes: formacodes, nsfCodes: nsf, romeCodes: rome, organisation: org, siret: siret,
            actions: actions, durationHours: duration, url: url))
    }

    /// FNV-1a 64 of the fields, hex: stable across runs, for offers without `numero`.
    static func hash(_ fields: [String]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for f in fields {
            for b in f.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            h = (h ^ 0x1F) &* 0x0000_0100_0000_01B3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
