import Records

/// Writes classifications in the output contract of `classify` (see ARCHITECTURE.md), straight
/// into bytes: one JSON object per record, keys in a fixed order.
enum ClassificationJSON {
    static func append(_ c: Classification, to out: inout [UInt8]) {
        lit(#"{"id":"#, &out); appendString(c.id, &out)
        lit(#","domains":["#, &out)
        for (i, d) in c.domains.enumerated() { if i > 0 { out.append(0x2C) }; appendString(d, &out) }
        lit(#"],"domain_scores":{"#, &out)
        for (i, d) in c.domainScores.keys.sorted().enumerated() {
            if i > 0 { out.append(0x2C) }
            appendString(d, &out); out.append(0x3A)
            out.append(contentsOf: format(c.domainScores[d]!).utf8)
        }
        lit(#"},"title":{"normalized":"#, &out); appendString(c.title.normalized, &out)
        if let rome = c.title.rome {
            lit(#","rome":"#, &out); appendString(rome, &out)
            if let a = c.title.romeAppellation { lit(#","rome_appellation":"#, &out); appendString(a, &out) }
            if let conf = c.title.romeConfidence { lit(#","rome_confidence":"#, &out); out.append(contentsOf: format(conf).utf8) }
            if let m = c.title.romeMethod { lit(#","rome_method":"#, &out); appendString(m, &out) }
        }
        lit(#"},"competencies":["#, &out)
        for (i, m) in c.competencies.enumerated() {
            if i > 0 { out.append(0x2C) }
            lit(#"{"id":"#, &out); appendString(m.id, &out)
            lit(#","domain":"#, &out); appendString(m.domain, &out)
            lit(#","label":"#, &out); appendString(m.label, &out)
            lit(#","evidence":["#, &out)
            for (j, e) in m.evidence.enumerated() {
                if j > 0 { out.append(0x2C) }
                lit(#"{"start":"#, &out); appendInt(e.start, &out)
                lit(#","end":"#, &out); appendInt(e.end, &out)
                lit(#","text":"#, &out); appendString(e.text, &out)
                lit(#","section":"#, &out); appendString(e.section.rawValue, &out)
                if let w = e.wording { lit(#","wording":"#, &out); appendString(w, &out) }
                if e.negated { lit(#","negated":true"#, &out) }
                out.append(0x7D)
            }
            lit("]}", &out)
        }
        lit(#"],"taxonomy_version":"#, &out); appendString(c.taxonomyVersion, &out)
        lit("}\n", &out)
    }

    /// A literal's bytes (the generic `append(contentsOf: String.UTF8View)` was a quarter of the
    /// writing).
    @inline(__always) static func lit(_ s: StaticString, _ out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// An integer in decimal (offsets), without a String for the positive ones.
    static func appendInt(_ v: Int, _ out: inout [UInt8]) {
        guard v > 0 else { out.append(contentsOf: Array(String(v).utf8)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = v, k = 20
        withUnsafeMutableBytes(of: &digits) { d in
            while n > 0 { k -= 1; d[k] = UInt8(0x30 + n % 10); n /= 10 }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[k..<20]))
        }
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
