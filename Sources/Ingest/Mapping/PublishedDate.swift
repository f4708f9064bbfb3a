import Records

/// The one date parser of all readers, so that `12/03/2024` means the same day whatever the
/// format it came in.
///
/// Accepted (surrounding spaces ignored; an empty string is no date):
/// - ISO: `2024-03-12`, `2024-03-12T10:00:00Z`, `2024-03-12 10:00`, `2024/03/12`
///   (the time is ignored: publication dates are days);
/// - day first, as written in France: `12/03/2024`, `12-03-2024`, `12.03.2024`, `1/3/2024`,
///   and two-digit years `12/03/24` (read as 2000–2099: postings are recent);
/// - French words: `12 mars 2024`, `1er mars 2024`, `mardi 12 mars 2024`, abbreviations
///   `12 janv. 2024`, `12 févr. 2024`, with or without accents, any case;
/// - month and year only, `mars 2024`: read as the 1st of the month. Decision: trends are
///   counted by month or quarter, so the month is what matters; rejecting the record would
///   lose it for nothing.
///
/// Anything else (`2024-02-30`, `32/01/2024`, `hier`, `0000-00-00`) is an error naming the value.
public enum PublishedDate {
    /// The day, nil for an empty value, or a French reason for a value that is not a date.
    public static func parse(_ raw: String) -> Result<Day?, PublishedDateError> {
        let s = raw.trimmingASCIIAndUnicodeSpaces()
        if s.isEmpty { return .success(nil) }
        if let d = numeric(s) ?? words(s) { return .success(d) }
        return .failure(PublishedDateError(value: raw))
    }

    static func numeric(_ s: String) -> Day? {
        let u = Array(s.utf8)
        func digits(_ from: Int) -> (value: Int, end: Int)? {
            var i = from, v = 0
            while i < u.count, u[i] >= 0x30, u[i] <= 0x39, i - from < 4 { v = v * 10 + Int(u[i] - 0x30); i += 1 }
            return i > from ? (v, i) : nil
        }
        guard let a = digits(0) else { return nil }
        guard a.end < u.count else { return nil }
        let sep = u[a.end]
        guard sep == 0x2D || sep == 0x2F || sep == 0x2E else { return nil }
        guard let b = digits(a.end + 1), b.end < u.count, u[b.end] == sep, let c = digits(b.end + 1) else { return nil }
        let restOK: Bool = {
            guard c.end < u.count else { return true }
            let t = u[c.end]
            return t == 0x54 || t == 0x20  // T or space: a time follows, ignored
        }()
        guard restOK else { return nil }
        if a.end == 4 {  // year first
            guard b.end - (a.end + 1) == 2, c.end - (b.end + 1) == 2 else { return nil }
            return Day(year: a.value, month: b.value, day: c.value)
        }
        guard a.end <= 2, b.end - (a.end + 1) <= 2 else { return nil }
        let yLen = c.end - (b.end + 1)
        let year: Int
        if yLen == 4 { year = c.value } else if yLen == 2 { year = 2000 + c.value } else { return nil }
        return Day(year: year, month: b.value, day: a.value)
    }

    static let months: [String: Int] = [
        "janvier": 1, "janv": 1, "jan": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "mar": 3,
        "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8,
        "septembre": 9, "sept": 9, "sep": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11,
        "decembre": 12, "dec": 12,
    ]
    static let weekdays: Set<String> = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

    static func words(_ s: String) -> Day? {
        var folded = ""
        for ch in s.lowercased().unicodeScalars {
            switch ch {
            case "é", "è", "ê", "ë": folded.append("e")
            case "û", "ù", "ü": folded.append("u")
            case "ô": folded.append("o")
            case "à", "â": folded.append("a")
            case ".", ",": folded.append(" ")
            default: folded.unicodeScalars.append(ch)
            }
        }
        var parts = folded.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if let first = parts.first, weekdays.contains(first) { parts.removeFirst() }
        func year(_ p: String) -> Int? { p.count == 4 ? Int(p) : nil }
        if parts.count == 3 {
            var dayText = parts[0]
            if dayText.hasSuffix("er") { dayText.removeLast(2) }
            guard dayText.count <= 2, let d = Int(dayText), let m = months[parts[1]], let y = year(parts[2]) else { return nil }
            if parts[0].hasSuffix("er") && d != 1 { return nil }
            return Day(year: y, month: m, day: d)
        }
        if parts.count == 2, let m = months[parts[0]], let y = year(parts[1]) {
            return Day(year: y, month: m, day: 1)
        }
        return nil
    }
}

/// A publication date that is not a date; becomes a `champ-invalide` reject on `published`.
public struct PublishedDateError: Error, Sendable, Hashable, CustomStringConvertible {
    public var value: String
    public var description: String {
        "date de publication invalide : « \(String(value.prefix(60))) » (formats reconnus : 2024-03-12, 12/03/2024, 12 mars 2024)"
    }
}

extension String {
    /// Without leading and trailing whitespace (ASCII and Unicode spaces such as U+00A0).
    func trimmingASCIIAndUnicodeSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}
