import Records

extension ContentHash {
    /// FNV-1a 64 over every stored field of a training offer, actions and sessions included, with
    /// a separator after each field: stable across processes, so a re-read offer is unchanged.
    static func of(_ o: TrainingOffer) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ s: String?) {
            if let s {
                for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
                h = (h ^ 0x1F) &* 0x0000_0100_0000_01B3
            } else {
                h = (h ^ 0x1E) &* 0x0000_0100_0000_01B3
            }
        }
        func list(_ values: [String]) { add(String(values.count)); for v in values { add(v) } }
        add(o.title); add(o.objectives); add(o.expectedResults); add(o.content); add(o.prerequisites)
        list(o.certifications); list(o.formacodes); list(o.nsfCodes); list(o.romeCodes)
        add(o.organisation); add(o.siret); add(o.durationHours.map(String.init)); add(o.url)
        // Hashed only when present, so offers stored before prices existed keep their hash.
        if let price = o.priceEuros { add("prix"); add(String(price)) }
        add(String(o.actions.count))
        for a in o.actions {
            add(a.id); add(a.place?.region); add(a.place?.department); add(a.place?.communeCode)
            add(a.place?.city); add(a.place?.postalCode); add(a.durationHours.map(String.init))
            add(String(a.sessions.count))
            for s in a.sessions { add(s.id); add(s.start?.description); add(s.end?.description) }
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
