import Records
import Trends

/// Turns query parameters into a `TrendFilter`, refusing values that are not codes the store uses.
///
/// Parameter names (French, as in the forms): `periode` (`mois`, `trimestre`, `annee`), `du`, `au`
/// (`AAAA-MM`), `region` (INSEE region code), `departement` (INSEE code), `secteur` (NAF section
/// letter), `rome` (ROME domain letter), `contrat`, `source`.
public enum FilterParser {
    public static let names = ["periode", "du", "au", "region", "departement", "secteur", "rome", "contrat", "source"]

    public static func parse(_ q: QueryParameters, defaultGranularity: Granularity = .quarter) throws -> TrendFilter {
        var f = TrendFilter(granularity: defaultGranularity)
        if let v = q["periode"] {
            guard let g = Granularity(rawValue: v) else {
                throw BadParameter("periode", "« \(v) » n’est pas une période connue (mois, trimestre ou annee).")
            }
            f.granularity = g
        }
        for (name, keyPath) in [("du", \TrendFilter.from), ("au", \TrendFilter.to)] {
            if let v = q[name] {
                guard let m = Month(v) else { throw BadParameter(name, "« \(v) » n’est pas un mois au format AAAA-MM.") }
                f[keyPath: keyPath] = m
            }
        }
        if let a = f.from, let b = f.to, a > b {
            throw BadParameter("du", "le mois de début (\(a)) est après le mois de fin (\(b)).")
        }
        if let v = q["region"] {
            guard Geography.region(code: v) != nil else { throw BadParameter("region", "« \(v) » n’est pas un code de région INSEE.") }
            f.region = v
        }
        if let v = q["departement"] {
            guard let d = Geography.department(code: v) else {
                throw BadParameter("departement", "« \(v) » n’est pas un code de département INSEE.")
            }
            f.department = d.code
        }
        if let v = q["secteur"] {
            guard Catalog.nafSections[v.uppercased()] != nil else {
                throw BadParameter("secteur", "« \(v) » n’est pas une section NAF (lettre de A à U).")
            }
            f.sector = v.uppercased()
        }
        if let v = q["rome"] {
            guard Catalog.romeDomains[v.uppercased()] != nil else {
                throw BadParameter("rome", "« \(v) » n’est pas un domaine ROME (lettre de A à N).")
            }
            f.romeDomain = v.uppercased()
        }
        for (name, keyPath) in [("contrat", \TrendFilter.contract), ("source", \TrendFilter.source)] {
            if let v = q[name] {
                guard v.count <= 60, !v.contains(where: { $0.isNewline }) else {
                    throw BadParameter(name, "valeur trop longue ou sur plusieurs lignes.")
                }
                f[keyPath: keyPath] = v
            }
        }
        return f
    }

    /// An integer parameter within `range`, or `default` when absent.
    public static func int(_ q: QueryParameters, _ name: String, in range: ClosedRange<Int>, default value: Int) throws -> Int {
        guard let v = q[name] else { return value }
        guard let n = Int(v), range.contains(n) else {
            throw BadParameter(name, "« \(v) » n’est pas un nombre entre \(range.lowerBound) et \(range.upperBound).")
        }
        return n
    }

    /// A parameter restricted to `allowed` values, or `default` when absent.
    public static func choice(_ q: QueryParameters, _ name: String, _ allowed: [String], default value: String) throws -> String {
        guard let v = q[name] else { return value }
        guard allowed.contains(v) else {
            throw BadParameter(name, "« \(v) » n’est pas une valeur possible (\(allowed.joined(separator: ", "))).")
        }
        return v
    }
}
