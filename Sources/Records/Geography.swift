/// French administrative geography for postings: départements, current regions (INSEE 2016
/// codes), and the department named by a postal code or a free-text location.
///
/// Sources write locations in many ways (`"75 - Paris 15e"`, `"Lyon (69)"`, `"69003 Lyon"`,
/// `"LYON 03"`); aggregates by department and region need one code.
public enum Geography {
    /// A département, identified by its INSEE code (`"01"`, `"2A"`, `"971"`).
    public struct Department: Sendable, Hashable, Codable {
        public var code: String
        public var name: String
        /// INSEE code of its current region (`"84"`).
        public var regionCode: String
        public init(code: String, name: String, regionCode: String) {
            self.code = code; self.name = name; self.regionCode = regionCode
        }
    }

    /// A region as it exists since 1 January 2016, with its INSEE code (`"84"`).
    public struct Region: Sendable, Hashable, Codable {
        public var code: String
        public var name: String
        public init(code: String, name: String) { self.code = code; self.name = name }
    }

    private static let departmentsByCode: [String: Department] =
        Dictionary(uniqueKeysWithValues: departments.map { ($0.code, $0) })
    private static let regionsByCode: [String: Region] =
        Dictionary(uniqueKeysWithValues: regions.map { ($0.code, $0) })
    private static let departmentsByName: [String: String] =
        Dictionary(uniqueKeysWithValues: departments.map { (TextFolding.key($0.name), $0.code) })

    /// The département with this INSEE code; accepts `"6"` for `"06"` and lowercase `"2a"`.
    public static func department(code: String) -> Department? {
        let c = code.uppercased()
        if c.count == 1, c.first!.isASCII, c.first!.isNumber { return departmentsByCode["0" + c] }
        return departmentsByCode[c]
    }

    /// The region with this INSEE code (`"11"`).
    public static func region(code: String) -> Region? { regionsByCode[code] }

    /// The region a département belongs to.
    public static func region(ofDepartment code: String) -> Region? {
        department(code: code).flatMap { regionsByCode[$0.regionCode] }
    }

    /// The département of a five-digit French postal code: `"69003"` → `"69"`, `"20090"` → `"2A"`,
    /// `"97400"` → `"974"`. Nil for codes outside the 101 départements (Monaco `98000`,
    /// Saint-Pierre-et-Miquelon `97500`, malformed input).
    public static func department(fromPostalCode postalCode: String) -> String? {
        let digits = Array(postalCode.utf8)
        guard digits.count == 5, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        let s = String(decoding: digits, as: UTF8.self)
        let two = String(s.prefix(2))
        let code: String
        switch two {
        case "00": return nil
        case "20":
            // Corsica: 200xx-201xx are Corse-du-Sud, 202xx-206xx Haute-Corse.
            code = digits[2] < UInt8(ascii: "2") ? "2A" : "2B"
        case "97": code = String(s.prefix(3))
        case "98": return nil
        default: code = two
        }
        return departmentsByCode[code]?.code
    }

    /// The département named by a free-text location, or nil when none is recognizable.
    ///
    /// In order: a leading code before a dash (`"75 - Paris 15e"`, `"2A - Ajaccio"`), a code in
    /// parentheses (`"Lyon (69)"`), a postal code (`"69003 Lyon"`), a bare code (`"75"`, `"6"`),
    /// a département name (`"Gironde"`), a known city (`"LYON 03"`, `"Paris"`).
    public static func department(fromLocation location: String) -> String? {
        let trimmed = location.trimmingSpaces
        if trimmed.isEmpty { return nil }
        // "75 - Paris 15e"
        if let dash = trimmed.firstIndex(of: "-") {
            let head = trimmed[..<dash].trimmingSpaces
            if head.count <= 3, let d = department(code: head) { return d.code }
        }
        // "Lyon (69)"
        if let open = trimmed.lastIndex(of: "("), let close = trimmed[open...].firstIndex(of: ")") {
            let inner = trimmed[trimmed.index(after: open)..<close].trimmingSpaces
            if inner.count <= 3, let d = department(code: inner) { return d.code }
            if let d = department(fromPostalCode: inner) { return d }
        }
        let words = TextFolding.words(trimmed)
        // "69003 Lyon", "Lyon 69003"
        for w in words where w.utf8.count == 5 {
            if let d = department(fromPostalCode: w) { return d }
        }
        // "75", "6", "2A"
        if words.count == 1, words[0].utf8.count <= 3, let d = department(code: words[0]) { return d.code }
        // "Gironde", "Bouches-du-Rhône"
        let key = words.joined(separator: " ")
        if let code = departmentsByName[key] { return code }
        // "LYON 03", "Paris 15e", "Saint-Denis": longest known city prefix.
        var n = min(words.count, 5)
        while n > 0 {
            if let code = cities[words[0..<n].joined(separator: " ")] { return code }
            n -= 1
        }
        return nil
    }
}

extension StringProtocol {
    fileprivate var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }),
              let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
