import Classifier
import Foundation
import Records
import Taxonomy

/// What changed between two taxonomies: competencies and wordings added, removed or changed, and
/// (given postings) which postings gain or lose a domain.
public struct TaxonomyDiff: Sendable {
    /// One competency present in both taxonomies whose content differs.
    public struct Change: Sendable, Hashable {
        public var id: String
        /// Wordings (variants, acronyms, labels, exclusions with their guards) only in the new one.
        public var addedWordings: [String]
        public var removedWordings: [String]
        /// Other fields that differ (`label`, `weight`, `rome`…), by name.
        public var fields: [String]
    }

    /// Postings that gain or lose one domain when re-classified with the new taxonomy.
    public struct DomainImpact: Sendable, Hashable {
        public var domain: String
        public var gained: Int
        public var lost: Int
        public var gainedExamples: [String]
        public var lostExamples: [String]
    }

    public var oldVersion: String
    public var newVersion: String
    public var added: [Competency]
    public var removed: [Competency]
    public var changed: [Change]

    /// Compares two taxonomies competency by competency (by id).
    public init(old: Taxonomy, new: Taxonomy) {
        oldVersion = old.version.description; newVersion = new.version.description
        let o = Dictionary(old.competencies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let n = Dictionary(new.competencies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        added = new.competencies.filter { o[$0.id] == nil }
        removed = old.competencies.filter { n[$0.id] == nil }
        var changed: [Change] = []
        for c in new.competencies {
            guard let before = o[c.id] else { continue }
            let wa = Set(Self.wordings(before)), wb = Set(Self.wordings(c))
            var fields: [String] = []
            if before.label != c.label { fields.append("label") }
            if before.labelEn != c.labelEn { fields.append("label-en") }
            if before.weight != c.weight { fields.append("weight") }
            if before.domain != c.domain { fields.append("domain") }
            if before.rome != c.rome { fields.append("rome") }
            if before.esco != c.esco { fields.append("esco") }
            let add = Self.wordings(c).filter { !wa.contains($0) }, rem = Self.wordings(before).filter { !wb.contains($0) }
            if !add.isEmpty || !rem.isEmpty || !fields.isEmpty {
                changed.append(Change(id: c.id, addedWordings: add, removedWordings: rem, fields: fields))
            }
        }
        self.changed = changed
    }

    /// Wordings as written in a `.tax` file (`variant: ML | near: python`), labels excluded
    /// (their change is reported as a field).
    static func wordings(_ c: Competency) -> [String] {
        (c.wordings.filter { $0.kind != .label && $0.kind != .labelEn } + c.excludes).map { w in
            var guards: [String] = []
            if !w.near.isEmpty { guards.append("near: " + w.near.joined(separator: ", ")) }
            if !w.notNear.isEmpty { guards.append("not-near: " + w.notNear.joined(separator: ", ")) }
            if w.window != 12 { guards.append("window: \(w.window)") }
            if w.caseSensitive && w.kind != .acronym { guards.append("case") }
            return "\(w.kind.rawValue): \(w.text)" + (guards.isEmpty ? "" : " | " + guards.joined(separator: "; "))
        }
    }

    /// Re-classifies each (id, title, description) with both taxonomies and counts, per domain,
    /// the postings that gain or lose it, with up to `examples` ids each.
    public static func impact(old: Taxonomy, new: Taxonomy, postings: some Sequence<(id: String, title: String, description: String)>,
                              examples: Int = 5) -> [DomainImpact] {
        let a = Classifier(taxonomy: old), b = Classifier(taxonomy: new)
        var scratch = Classifier.Scratch()
        var table: [String: DomainImpact] = [:]
        for p in postings {
            let before = Set(a.classify(id: p.id, title: p.title, description: p.description, scratch: &scratch).domains)
            let after = Set(b.classify(id: p.id, title: p.title, description: p.description, scratch: &scratch).domains)
            for d in after.subtracting(before) {
                var i = table[d] ?? DomainImpact(domain: d, gained: 0, lost: 0, gainedExamples: [], lostExamples: [])
                i.gained += 1
                if i.gainedExamples.count < examples { i.gainedExamples.append(p.id) }
                table[d] = i
            }
            for d in before.subtracting(after) {
                var i = table[d] ?? DomainImpact(domain: d, gained: 0, lost: 0, gainedExamples: [], lostExamples: [])
                i.lost += 1
                if i.lostExamples.count < examples { i.lostExamples.append(p.id) }
                table[d] = i
            }
        }
        return table.values.sorted { knownDomainRank($0.domain) > knownDomainRank($1.domain) }
    }

    /// The diff as French text (one line per change).
    public var report: String {
        var lines = ["taxonomie \(oldVersion) → \(newVersion) : \(added.count) compétence(s) ajoutée(s), "
                     + "\(removed.count) supprimée(s), \(changed.count) modifiée(s)"]
        for c in added { lines.append("+ \(c.id) « \(c.label) » (\(Self.wordings(c).count) formulation(s))") }
        for c in removed { lines.append("- \(c.id) « \(c.label) »") }
        for c in changed {
            lines.append("~ \(c.id)" + (c.fields.isEmpty ? "" : " (champs : \(c.fields.joined(separator: ", ")))"))
            for w in c.addedWordings { lines.append("    + \(w)") }
            for w in c.removedWordings { lines.append("    - \(w)") }
        }
        return lines.joined(separator: "\n")
    }
}
