import Foundation

/// Checks a taxonomy as a whole: duplicate wordings across competencies, duplicate ids,
/// unmatchable wordings, ESCO URIs absent from the ESCO skills file.
public struct TaxonomyLinter: Sendable {
    /// `skills_fr.csv` of the ESCO export; URIs are checked only when it is given and exists.
    public var escoSkillsFile: URL?

    public init(escoSkillsFile: URL? = nil) { self.escoSkillsFile = escoSkillsFile }

    public func lint(_ taxonomy: Taxonomy) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func error(_ c: Competency, _ line: Int?, _ m: String) {
            out.append(Diagnostic(severity: .error, file: c.file, line: line, message: m))
        }
        var ids: [String: Competency] = [:]
        var owners: [String: (Competency, Wording)] = [:]
        for c in taxonomy.competencies {
            if let other = ids[c.id] {
                error(c, c.line, "identifiant « \(c.id) » déjà utilisé (\(other.file):\(other.line))")
            }
            ids[c.id] = c
            var own: Set<String> = []
            for w in c.wordings {
                if w.forms.isEmpty {
                    error(c, w.line, "« \(w.text) » ne contient que des mots outils : elle ne peut rien reconnaître")
                    continue
                }
                let key = w.matchKey
                if own.contains(key) { continue } // label repeated as a variant in the same competency: harmless
                own.insert(key)
                if let (other, ow) = owners[key] {
                    error(c, w.line, "« \(w.text) » se confond avec « \(ow.text) » de \(other.id) (\(other.file):\(ow.line))")
                } else {
                    owners[key] = (c, w)
                }
            }
            for w in c.wordings + c.excludes {
                for word in w.near + w.notNear where word.contains(" ") {
                    out.append(Diagnostic(severity: .warning, file: c.file, line: w.line,
                                          message: "garde « \(word) » : un seul mot attendu par entrée"))
                }
            }
        }
        for d in knownDomains where !taxonomy.domains.contains(where: { $0.id == d }) {
            out.append(Diagnostic(severity: .error, file: "\(d).tax", line: nil, message: "domaine « \(d) » absent de la taxonomie"))
        }
        if let file = escoSkillsFile, FileManager.default.fileExists(atPath: file.path) {
            let known = Self.escoURIs(file)
            for c in taxonomy.competencies {
                for uri in c.esco where !known.contains(uri) {
                    error(c, nil, "compétence \(c.id) : URI ESCO absente de \(file.lastPathComponent) : \(uri)")
                }
            }
        }
        return out
    }

    /// Concept URIs found in an ESCO skills CSV (the URI is the second column of the v1 export).
    static func escoURIs(_ file: URL) -> Set<String> {
        guard let data = try? Data(contentsOf: file) else { return [] }
        let bytes = [UInt8](data)
        let marker = Array("http://data.europa.eu/esco/skill/".utf8)
        var set: Set<String> = []
        var i = 0
        while i + marker.count <= bytes.count {
            if bytes[i] == marker[0] && Array(bytes[i..<(i + marker.count)]) == marker {
                var j = i + marker.count
                while j < bytes.count, bytes[j] != 0x22, bytes[j] != 0x2C, bytes[j] != 0x0A, bytes[j] != 0x0D { j += 1 }
                set.insert(String(decoding: bytes[i..<j], as: UTF8.self))
                i = j
            } else { i += 1 }
        }
        return set
    }
}

extension Taxonomy {
    /// Counts per domain, for `taxonomy stats`.
    public struct DomainStats: Sendable, Hashable {
        public var domain: String
        public var competencies: Int
        public var core: Int
        public var wordings: Int
        public var guarded: Int
        public var excludes: Int
        public var withESCO: Int
        public var withROME: Int
    }

    public var stats: [DomainStats] {
        domains.map { d in
            let cs = competencies(in: d.id)
            return DomainStats(domain: d.id, competencies: cs.count, core: cs.filter { $0.weight == .core }.count,
                               wordings: cs.reduce(0) { $0 + $1.wordings.count },
                               guarded: cs.reduce(0) { $0 + $1.wordings.filter { !$0.near.isEmpty || !$0.notNear.isEmpty || $0.caseSensitive }.count },
                               excludes: cs.reduce(0) { $0 + $1.excludes.count },
                               withESCO: cs.filter { !$0.esco.isEmpty }.count, withROME: cs.filter { !$0.rome.isEmpty }.count)
        }
    }
}
