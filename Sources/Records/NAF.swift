/// The French activity classification (NAF rév. 2, the national form of NACE rév. 2).
///
/// Postings carry a NAF code such as `"62.01Z"`; sector aggregates use its section letter
/// (A–U), which groups divisions by their two leading digits.
public enum NAF {
    /// The section letter of a NAF code: `"62.01Z"` → `"J"`, `"4711F"` → `"G"`; nil when the code
    /// does not start with a known division.
    public static func section(ofCode code: String) -> String? {
        let u = Array(code.utf8.prefix(2))
        guard u.count == 2, u.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        let division = Int(u[0] - 48) * 10 + Int(u[1] - 48)
        for (range, letter) in sections where range.contains(division) { return letter }
        return nil
    }

    /// Section letters and their division ranges (INSEE, NAF rév. 2).
    public static let sections: [(divisions: ClosedRange<Int>, letter: String)] = [
        (1...3, "A"), (5...9, "B"), (10...33, "C"), (35...35, "D"), (36...39, "E"),
        (41...43, "F"), (45...47, "G"), (49...53, "H"), (55...56, "I"), (58...63, "J"),
        (64...66, "K"), (68...68, "L"), (69...75, "M"), (77...82, "N"), (84...84, "O"),
        (85...85, "P"), (86...88, "Q"), (90...93, "R"), (94...96, "S"), (97...98, "T"),
        (99...99, "U"),
    ]
}
