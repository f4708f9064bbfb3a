import Records

/// FNV-1a 64 over every stored field of a posting, with a separator after each field: stable
/// across processes (unlike `Hasher`), so a re-ingested posting is recognized as unchanged.
enum ContentHash {
    static func of(_ p: Posting) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ s: String?) {
            if var s {
                s.withUTF8 { for b in $0 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 } }
                h = (h ^ 0x1F) &* 0x0000_0100_0000_01B3
            } else {
                h = (h ^ 0x1E) &* 0x0000_0100_0000_01B3
            }
        }
        add(p.title); add(p.description); add(p.published?.description); add(p.location)
        add(p.department); add(p.contract); add(p.romeCode); add(p.naf); add(p.company); add(p.url)
        for s in p.sourceSkills { add(s) }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
