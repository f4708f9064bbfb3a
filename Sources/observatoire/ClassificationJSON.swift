import Records

/// Writes classifications in the output contract of `classify` (see ARCHITECTURE.md), straight
/// into bytes: one JSON object per record, keys in a fixed order.
enum ClassificationJSON {
    static func append(_ c: Classification, to out: inout [UInt8]) {
        out.append(contentsOf: #"{"id":"#.utf8); appendString(c.id, &out)
        out.append(contentsOf: #","domains":["#.utf8)
        for (i, d) in c.domains.enumerated() { if i > 0 { out.append(0x2C) }; appendString(d, &out) }
        out.append(contentsOf: #"],"domain_scores":{"#.utf8)
        for (i, d) in c.domainScores.keys.sorted().enumerated() {
            if i > 0 { out.append(0x2C) }
            appendString(d, &out); out.append(0x3A)
            out.append(contentsOf: format(c.domainScores[d]!).utf8)
        }
        out.append(contentsOf: #"},"title":{"normalized":"#.utf8); appendString(c.title.normalized, &out)
        if let rome = c.title.rome {
            out.append(contentsOf: #","rome":"#.utf8); appendString(rome, &out)
            if let a = c.title.romeAppellation { out.append(contentsOf: #","rome_appellation":"#.utf8); appendString(a, &out) }
            if let conf = c.title.romeConfidence { out.append(contentsOf: #","rome_confidence":"#.utf8); out.append(contentsOf: format(conf).utf8) }
            if let m = c.title.romeMethod { out.append(contentsOf: #","rome_method":"#.utf8); appendString(m, &out) }
        }
        out.append(contentsOf: #"},"competencies":["#.utf8)
        for (i, m) in c.competencies.enumerated() {
            if i > 0 { out.append(0x2C) }
            out.append(contentsOf: #"{"id":"#.utf8); appendString(m.id, &out)
            out.append(contentsOf: #","domain":"#.utf8); appendString(m.domain, &out)
            out.append(contentsOf: #","label":"#.utf8); appendString(m.label, &out)
            out.append(contentsOf: #","evidence":["#.utf8)
            for (j, e) in m.evidence.enumerated() {
                if j > 0 { out.append(0x2C) }
                out.append(contentsOf: #"{"start":"#.utf8); out.append(contentsOf: String(e.start).utf8)
                out.append(contentsOf: #","end":"#.utf8); out.append(contentsOf: String(e.end).utf8)
                out.append(contentsOf: #","text":"#.utf8); appendString(e.text, &out)
                out.append(contentsOf: #","section":"#.utf8); appendString(e.section.rawValue, &out)
                if let w = e.wording { out.append(contentsOf: #","wording":"#.utf8); appendString(w, &out) }
                if e.negated { out.append(contentsOf: #","negated":true"#.utf8) }
                out.append(0x7D)
            }
            out.append(contentsOf: "]}".utf8)
        }
        out.append(contentsOf: #"],"taxonomy_version":"#.utf8); appendString(c.taxonomyVersion, &out)
        out.append(contentsOf: "}\n".utf8)
    }

    static func format(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A JSON string literal; control characters escaped, everything else as UTF-8.
    static func appendString(_ s: String, _ out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            // Runs of bytes that need no escape are copied whole (a byte-by-byte append checked
            // the array's capacity and uniqueness on every byte).
            var run = 0
            for (k, b) in bytes.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<k]))
                run = k + 1
                switch b {
                case 0x22: out.append(0x5C); out.append(0x22)
                case 0x5C: out.append(0x5C); out.append(0x5C)
                case 0x0A: out.append(0x5C); out.append(0x6E)
                case 0x0D: out.append(0x5C); out.append(0x72)
                case 0x09: out.append(0x5C); out.append(0x74)
                default: out += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]]
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        out.append(0x22)
    }
}
