/// The postings an `EmergingAnalysis` or a `TitleStats` query looks at: a month window and exact
/// dimension values, as the web filters give them. Empty means every posting.
///
/// Values become SQL literals: months must be `AAAA-MM`, codes letters and digits; contract and
/// source are quoted with doubled quotes. Anything else is dropped rather than trusted.
public struct EmergingScope: Sendable, Hashable {
    /// Inclusive months, `AAAA-MM`.
    public var from: String?
    public var to: String?
    public var region: String?
    public var department: String?
    /// NAF section letter.
    public var sector: String?
    /// ROME domain letter (first letter of the posting's ROME code).
    public var romeDomain: String?
    public var contract: String?
    public var source: String?

    public init(from: String? = nil, to: String? = nil, region: String? = nil, department: String? = nil,
                sector: String? = nil, romeDomain: String? = nil, contract: String? = nil, source: String? = nil) {
        self.from = from; self.to = to; self.region = region; self.department = department; self.sector = sector
        self.romeDomain = romeDomain; self.contract = contract; self.source = source
    }

    static func isCode(_ s: String) -> Bool { !s.isEmpty && s.count <= 12 && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    static func isMonth(_ s: String) -> Bool {
        s.count == 7 && s.enumerated().allSatisfy { i, c in i == 4 ? c == "-" : c.isASCII && c.isNumber }
    }
    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }

    /// ` AND …` conditions on the posting alias `p` (empty when the scope is empty).
    public var sql: String {
        clause(alias: "p", month: "SUBSTR(p.published, 1, 7)") { "p.rome_code LIKE '\($0)%'" }
    }

    /// The same conditions on the trend tables' `trend_facts f` (month, ROME domain letter), for
    /// readers that use it instead of the wide `postings` rows.
    public var factsSQL: String {
        clause(alias: "f", month: "f.month") { "f.rome_domain = '\($0.uppercased())'" }
    }

    /// The conditions on `alias`'s dimension columns, with the month expression and the ROME
    /// domain test of its table.
    private func clause(alias a: String, month: String, romeDomainTest: (String) -> String) -> String {
        var parts: [String] = []
        if let from, Self.isMonth(from) { parts.append("\(month) >= '\(from)'") }
        if let to, Self.isMonth(to) { parts.append("\(month) <= '\(to)'") }
        if let region, Self.isCode(region) { parts.append("\(a).region = '\(region)'") }
        if let department, Self.isCode(department) { parts.append("\(a).department = '\(department)'") }
        if let sector, Self.isCode(sector) { parts.append("\(a).naf_section = '\(sector)'") }
        if let romeDomain, Self.isCode(romeDomain), romeDomain.count == 1 { parts.append(romeDomainTest(romeDomain)) }
        if let contract, !contract.contains(where: \.isNewline) { parts.append("\(a).contract = " + Self.quote(contract)) }
        if let source, !source.contains(where: \.isNewline) { parts.append("\(a).source = " + Self.quote(source)) }
        return parts.map { " AND " + $0 }.joined()
    }
}
