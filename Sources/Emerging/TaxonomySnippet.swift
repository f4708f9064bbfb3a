import Foundation
import FrenchText
import Taxonomy

/// Writes emerging terms as `competency:` blocks in the taxonomy's own format
/// (`Taxonomy/FORMAT.md`), grouped by the domain their co-occurring competencies point to, ready to
/// be reviewed and pasted into `Taxonomy/<domain>.tax`.
///
/// Terms without any co-occurring competency have no domain: they are listed as comments only.
public enum TaxonomySnippet {
    /// The snippet text. `existingIDs` avoids proposing an id the taxonomy already uses.
    public static func render(_ terms: [EmergingTerm], existingIDs: Set<String> = [], period: String = "") -> String {
        var out = "# Suggestions de « observatoire taxonomy suggest »\(period.isEmpty ? "" : " (\(period))") : termes absents\n"
            + "# de la taxonomie dont la part d’offres augmente. À relire : compléter label-en, ajouter des\n"
            + "# variantes ou des gardes, supprimer les faux positifs, puis coller chaque bloc dans Taxonomy/<domaine>.tax.\n"
        var used = existingIDs
        let byDomain = Dictionary(grouping: terms.filter { $0.domain != nil }, by: { $0.domain! })
        for domain in byDomain.keys.sorted(by: { knownDomainRank($0) > knownDomainRank($1) }) {
            out += "\n# ——— domaine \(domain) → Taxonomy/\(domain).tax\n"
            for t in byDomain[domain]! {
                var id = "\(domain).\(slug(t.label))"
                var n = 2
                while used.contains(id) { id = "\(domain).\(slug(t.label))-\(n)"; n += 1 }
                used.insert(id)
                out += "\ncompetency: \(id)\n"
                out += "label: \(oneLine(t.label))\n"
                out += "label-en: (à compléter)\n"
                var written = Set<String>()
                for v in [t.label] + t.variants where written.insert(v.lowercased()).inserted {
                    out += "variant: \(oneLine(v))\n"
                }
                out += "note: \(note(t))\n"
                for e in t.examples { out += "# exemple (\(oneLine(e.postingID))) : « \(oneLine(e.text)) »\n" }
            }
        }
        let orphans = terms.filter { $0.domain == nil }
        if !orphans.isEmpty {
            out += "\n# ——— sans domaine (aucune compétence connue dans les offres qui les contiennent)\n"
            for t in orphans { out += "# \(oneLine(t.label)) — \(note(t))\n" }
        }
        return out
    }

    /// Counts and growth, in French.
    static func note(_ t: EmergingTerm) -> String {
        let z = String(format: "%.1f", t.score.z).replacingOccurrences(of: ".", with: ",")
        let ratio = String(format: "%.1f", exp(t.score.logRatio)).replacingOccurrences(of: ".", with: ",")
        var s = "suggestion automatique : \(t.score.recent) offres sur \(t.recentTotal) dans la période récente, "
            + "\(t.score.earlier) sur \(t.earlierTotal) avant ; part × \(ratio), z = \(z)"
        if let d = t.domain { s += " ; domaine des compétences voisines : \(d) (\(t.domainPostings) offres)" }
        return s
    }

    /// Lower-case ASCII slug of a label (`Power Platform` → `power-platform`).
    public static func slug(_ label: String) -> String {
        let buf = Tokenizer().tokenize(label)
        let words = (0..<buf.count).map { buf.key($0) }.map { w in
            String(w.unicodeScalars.filter { $0.isASCII && ($0.properties.isLowercase || ("0"..."9").contains($0)) }.map(Character.init))
        }.filter { !$0.isEmpty }
        let s = words.joined(separator: "-")
        return s.isEmpty ? "terme" : s
    }

    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
    }
}
