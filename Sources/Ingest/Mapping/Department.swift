/// INSEE department codes (`01`…`95`, `2A`, `2B`, `971`…`976`) derived from what sources give:
/// a France Travail label (`75 - Paris 15`), a postal code or an INSEE commune code.
public enum Department {
    /// True for a code that names a French department.
    public static func isValid(_ code: String) -> Bool {
        if code == "2A" || code == "2B" { return true }
        guard let n = Int(code), code.allSatisfy(\.isASCII) else { return false }
        if code.count == 2 { return n >= 1 && n <= 95 && n != 20 }
        if code.count == 3 { return n >= 971 && n <= 976 }
        return false
    }

    /// `"75 - Paris 15"` → `75`, `"2A - Ajaccio"` → `2A`, `"971 - Les Abymes"` → `971`;
    /// nil for labels such as `"France"` or `"Île-de-France"`.
    public static func fromLabel(_ label: String) -> String? {
        // A byte test first: Foundation's `contains("-")` was 1 % of reading a posting.
        guard label.utf8.contains(UInt8(ascii: "-")) else { return nil }
        let head = label.split(separator: "-", maxSplits: 1).first.map { $0.trimmingCharacters(in: " ") } ?? ""
        let code = head.uppercased()
        guard isValid(code) else { return nil }
        return code
    }

    /// `"75015"` → `75`, `"97110"` → `971`, Corsica `"20000"` → `2A`, `"20200"` → `2B`.
    public static func fromPostalCode(_ postal: String) -> String? {
        let p = postal.trimmingCharacters(in: " ")
        guard p.count == 5, p.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(p) else { return nil }
        if p.hasPrefix("97") { let c = String(p.prefix(3)); return isValid(c) ? c : nil }
        if p.hasPrefix("20") { return n < 20200 ? "2A" : "2B" }
        let c = String(p.prefix(2))
        return isValid(c) ? c : nil
    }

    /// INSEE commune code: `"75115"` → `75`, `"2A004"` → `2A`, `"97105"` → `971`.
    public static func fromCommune(_ commune: String) -> String? {
        let c = commune.trimmingCharacters(in: " ").uppercased()
        guard c.count == 5 else { return nil }
        let code = c.hasPrefix("97") ? String(c.prefix(3)) : String(c.prefix(2))
        return isValid(code) ? code : nil
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
