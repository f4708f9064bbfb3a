import Foundation

/// Reads `Taxonomy/` (one `.tax` file per domain and `VERSION`) into a `Taxonomy`, reporting
/// every syntax problem with its file and line. See `Taxonomy/FORMAT.md`.
public struct TaxonomyLoader: Sendable {
    /// Thrown when the folder cannot be used at all, or when loading found errors.
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public var diagnostics: [Diagnostic]
        public var description: String {
            "taxonomie invalide (\(diagnostics.filter { $0.severity == .error }.count) erreur(s)) :\n"
                + diagnostics.map(\.description).joined(separator: "\n")
        }
    }

    public var directory: URL

    public init(directory: URL) { self.directory = directory }

    /// Loads the taxonomy; throws `LoadError` when any file has an error (warnings are returned).
    public func load() throws -> (Taxonomy, [Diagnostic]) {
        let (taxonomy, diagnostics) = try parse()
        if diagnostics.contains(where: { $0.severity == .error }) { throw LoadError(diagnostics: diagnostics) }
        return (taxonomy, diagnostics)
    }

    /// Parses every file, collecting all problems instead of stopping at the first one.
    public func parse() throws -> (Taxonomy, [Diagnostic]) {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDir), isDir.boolValue else {
            throw LoadError(diagnostics: [Diagnostic(severity: .error, file: directory.path, line: nil,
                                                     message: "dossier de taxonomie introuvable")])
        }
        let names = try fm.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tax") }.sorted()
        var diagnostics: [Diagnostic] = []
        if names.isEmpty {
            diagnostics.append(Diagnostic(severity: .error, file: directory.path, line: nil, message: "aucun fichier .tax"))
        }
        let versionURL = directory.appendingPathComponent("VERSION")
        var human = "0"
        if let v = try? String(contentsOf: versionURL, encoding: .utf8), !v.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            human = v.trimmingCharacters(in: .whitespacesAndNewlines)
        } else {
            diagnostics.append(Diagnostic(severity: .warning, file: versionURL.path, line: nil,
                                          message: "fichier VERSION absent ou vide : version « 0 »"))
        }
        var hasher = SHA256()
        var domains: [Domain] = []
        var competencies: [Competency] = []
        for name in names {
            let url = directory.appendingPathComponent(name)
            let data: Data
            do { data = try Data(contentsOf: url) } catch {
                diagnostics.append(Diagnostic(severity: .error, file: name, line: nil, message: "fichier illisible : \(error.localizedDescription)"))
                continue
            }
            hasher.update(Array(name.utf8)); hasher.update([0]); hasher.update(data); hasher.update([0])
            guard let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(Diagnostic(severity: .error, file: name, line: nil, message: "le fichier n’est pas en UTF-8"))
                continue
            }
            var parser = TaxonomyFileParser(file: name, text: text)
            parser.parse()
            diagnostics += parser.diagnostics
            if let d = parser.domain { domains.append(d) }
            competencies += parser.competencies
        }
        let hash = hasher.finalize().prefix(6).map { b in
            let s = String(b, radix: 16); return s.count == 1 ? "0" + s : s
        }.joined()
        // Domains in the observatory's order, then any other (already reported as unknown).
        domains.sort { (knownDomains.firstIndex(of: $0.id) ?? 99, $0.id) < (knownDomains.firstIndex(of: $1.id) ?? 99, $1.id) }
        let taxonomy = Taxonomy(version: TaxonomyVersion(human: human, hash: hash), domains: domains, competencies: competencies)
        return (taxonomy, diagnostics)
    }
}

/// Parses one `.tax` file.
struct TaxonomyFileParser {
    let file: String
    let text: String
    var domain: Domain?
    var competencies: [Competency] = []
    var diagnostics: [Diagnostic] = []

    private var header: [String: String] = [:]
    private var current: Competency?
    private var seenKeys: Set<String> = []

    init(file: String, text: String) { self.file = file; self.text = text }

    mutating func error(_ line: Int, _ message: String) {
        diagnostics.append(Diagnostic(severity: .error, file: file, line: line, message: message))
    }

    mutating func warning(_ line: Int, _ message: String) {
        diagnostics.append(Diagnostic(severity: .warning, file: file, line: line, message: message))
    }

    static let headerKeys: Set<String> = ["domain", "label", "label-en"]
    static let singleKeys: Set<String> = ["label", "label-en", "weight", "rome", "ecf", "ecsf", "digcomp", "formacode"]
    static let competencyKeys: Set<String> = ["label", "label-en", "weight", "variant", "acronym", "exclude", "esco",
                                              "rome", "ecf", "ecsf", "digcomp", "formacode", "note"]

    mutating func parse() {
        var lineNo = 0
        var headerLine = 0
        // Split on the byte: "\r\n" is one Character, so a Character split left files saved with
        // Windows line endings as a single line.
        for rawBytes in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNo += 1
            let line = Substring(rawBytes).trimmingBlanks(carriageReturns: true)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.utf8.firstIndex(of: 0x3A) else {
                error(lineNo, "ligne mal formée « \(line.prefix(60)) » : attendu « clé: valeur »"); continue
            }
            let key = String(line[..<colon]).trimmingBlanks()
            let value = String(line[line.utf8.index(after: colon)...]).trimmingBlanks()
            // On bytes: `Character.isLowercase` reads Unicode properties (a tenth of the parse).
            guard key.utf8.allSatisfy({ $0 &- 0x61 < 26 || $0 == 0x2D }), !key.isEmpty else {
                error(lineNo, "clé invalide « \(key.prefix(40)) » : les clés sont en minuscules ASCII"); continue
            }
            if key == "competency" {
                finishCompetency()
                if domain == nil { finishHeader(line: headerLine == 0 ? lineNo : headerLine) }
                startCompetency(id: value, line: lineNo)
                continue
            }
            if current == nil {
                guard Self.headerKeys.contains(key) else {
                    error(lineNo, "clé « \(key) » inattendue dans l’en-tête (attendu : domain, label, label-en)"); continue
                }
                if header[key] != nil { error(lineNo, "clé « \(key) » répétée dans l’en-tête") }
                header[key] = value
                if headerLine == 0 { headerLine = lineNo }
                continue
            }
            guard Self.competencyKeys.contains(key) else {
                error(lineNo, "clé inconnue « \(key) » (voir Taxonomy/FORMAT.md)"); continue
            }
            if Self.singleKeys.contains(key) {
                if seenKeys.contains(key) { error(lineNo, "clé « \(key) » répétée dans la compétence \(current!.id)") }
                seenKeys.insert(key)
            }
            apply(key: key, value: value, line: lineNo)
        }
        finishCompetency()
        if domain == nil { finishHeader(line: max(1, headerLine)) }
    }

    mutating func finishHeader(line: Int) {
        let expected = String(file.dropLast(4))
        guard let id = header["domain"], !id.isEmpty else {
            error(line, "en-tête sans « domain: »"); domain = Domain(id: expected, label: "", labelEn: "", file: file); return
        }
        if !knownDomains.contains(id) {
            error(line, "domaine inconnu « \(id) » (domaines : \(knownDomains.joined(separator: ", ")))")
        }
        if id != expected { error(line, "le domaine « \(id) » ne correspond pas au nom du fichier « \(file) »") }
        let label = header["label"] ?? ""
        if label.isEmpty { error(line, "libellé du domaine vide (« label: »)") }
        if (header["label-en"] ?? "").isEmpty { error(line, "libellé anglais du domaine vide (« label-en: »)") }
        domain = Domain(id: id, label: label, labelEn: header["label-en"] ?? "", file: file)
    }

    mutating func startCompetency(id: String, line: Int) {
        seenKeys = []
        let dom = domain?.id ?? ""
        let slugOK = id.utf8.allSatisfy { $0 &- 0x61 < 26 || $0 &- 0x30 < 10 || $0 == 0x2D || $0 == 0x2E }
        if !id.hasPrefix(dom + ".") || !slugOK || id.count <= dom.count + 1 {
            error(line, "identifiant de compétence invalide « \(id) » : attendu « \(dom).<slug> » en minuscules ASCII")
        }
        current = Competency(id: id, domain: dom, label: "", labelEn: "", weight: .core, wordings: [], excludes: [],
                             esco: [], rome: [], ecf: [], ecsf: [], digcomp: [], formacode: [], notes: [], file: file, line: line)
    }

    mutating func finishCompetency() {
        guard var c = current else { return }
        if c.label.isEmpty { error(c.line, "compétence \(c.id) : libellé français vide (« label: »)") }
        if c.labelEn.isEmpty { error(c.line, "compétence \(c.id) : libellé anglais vide (« label-en: »)") }
        if !c.label.isEmpty { c.wordings.insert(Wording(text: c.label, kind: .label, line: c.line), at: 0) }
        if !c.labelEn.isEmpty { c.wordings.insert(Wording(text: c.labelEn, kind: .labelEn, line: c.line), at: min(1, c.wordings.count)) }
        competencies.append(c)
        current = nil
    }

    static func list(_ value: String) -> [String] {
        value.splitASCII(0x2C).map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
    }

    mutating func apply(key: String, value: String, line: Int) {
        guard var c = current else { return }
        defer { current = c }
        switch key {
        case "label":
            c.label = value
            c.line = c.line == 0 ? line : c.line
        case "label-en": c.labelEn = value
        case "weight":
            guard let w = Weight(rawValue: value) else { error(line, "poids « \(value) » invalide : « core » ou « support »"); return }
            c.weight = w
        case "variant", "acronym", "exclude":
            if let w = parseWording(value, kind: Wording.Kind(rawValue: key)!, line: line) {
                if key == "exclude" { c.excludes.append(w) } else { c.wordings.append(w) }
            }
        case "esco":
            if !value.hasPrefix("http://data.europa.eu/esco/skill/") {
                error(line, "URI ESCO invalide « \(value.prefix(80)) » : attendu http://data.europa.eu/esco/skill/<uuid>")
            }
            c.esco.append(value)
        case "rome":
            let codes = Self.list(value)
            for code in codes where !Self.isROME(code) { error(line, "code ROME invalide « \(code) » (attendu une lettre et quatre chiffres, ex. M1405)") }
            c.rome = codes
        case "ecf": c.ecf = Self.list(value)
        case "ecsf": c.ecsf = Self.list(value)
        case "digcomp": c.digcomp = Self.list(value)
        case "formacode": c.formacode = Self.list(value)
        case "note": c.notes.append(value)
        default: break
        }
    }

    static func isROME(_ code: String) -> Bool {
        let u = Array(code.utf8)
        return u.count == 5 && u[0] >= 65 && u[0] <= 78 && u[1...].allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    mutating func parseWording(_ value: String, kind: Wording.Kind, line: Int) -> Wording? {
        let parts = value.splitASCII(0x7C, maxSplits: 1, omittingEmptySubsequences: false)
        let text = parts[0].trimmingBlanks()
        guard !text.isEmpty else { error(line, "formulation vide"); return nil }
        var w = Wording(text: text, kind: kind, caseSensitive: kind == .acronym, line: line)
        guard parts.count == 2 else { return w }
        if kind == .exclude { error(line, "une exclusion n’accepte pas de garde (« | … »)"); return nil }
        for option in parts[1].splitASCII(0x3B) {
            let o = option.trimmingBlanks()
            if o.isEmpty { continue }
            if o == "case" { w.caseSensitive = true; continue }
            guard let colon = o.utf8.firstIndex(of: 0x3A) else { error(line, "garde inconnue « \(o) » (near:, not-near:, window:, case)"); continue }
            let name = o[..<colon].trimmingBlanks()
            let arg = String(o[o.utf8.index(after: colon)...])
            switch name {
            case "near": w.near += Self.list(arg)
            case "not-near": w.notNear += Self.list(arg)
            case "window":
                guard let n = Int(arg.trimmingBlanks()), (1...60).contains(n) else {
                    error(line, "fenêtre invalide « \(arg) » : un entier de 1 à 60"); continue
                }
                w.window = n
            default: error(line, "garde inconnue « \(name) » (near:, not-near:, window:, case)")
            }
        }
        if w.near.isEmpty && w.notNear.isEmpty && !w.caseSensitive && !parts[1].contains("window") {
            warning(line, "garde vide après « | »")
        }
        return w
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs, as `trimmingCharacters(in: .whitespaces)`
    /// (tab and the Unicode space separators), and carriage returns when asked; without going
    /// through NSString (a tenth of the start-up of every command).
    func trimmingBlanks(carriageReturns: Bool = false) -> String {
        func blank(_ c: Unicode.Scalar) -> Bool {
            c == " " || c == "\t" || (carriageReturns && c == "\r")
                || (c.value >= 0x80 && c.properties.generalCategory == .spaceSeparator)
        }
        let scalars = unicodeScalars
        var a = scalars.startIndex, b = scalars.endIndex
        while a < b, blank(scalars[a]) { a = scalars.index(after: a) }
        while b > a, blank(scalars[scalars.index(before: b)]) { b = scalars.index(before: b) }
        return String(self[a..<b])
    }
}

extension Substring {
    /// The parts between the ASCII byte `separator`, as `split(separator:)` gives them for the
    /// format's separators (`|` `;` `,` are never part of a grapheme cluster in a taxonomy
    /// file), without the grapheme breaking that made splitting a third of the parse.
    func splitASCII(_ separator: UInt8, maxSplits: Int = .max, omittingEmptySubsequences: Bool = true) -> [Substring] {
        utf8.split(separator: separator, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences)
            .map { Substring($0) }
    }
}

extension String {
    /// See `Substring.splitASCII`.
    func splitASCII(_ separator: UInt8, maxSplits: Int = .max, omittingEmptySubsequences: Bool = true) -> [Substring] {
        self[...].splitASCII(separator, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences)
    }
}
