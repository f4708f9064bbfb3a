import Records

/// Where a record came from, for error messages; the excerpt is computed only on error.
struct RecordContext {
    var file: String
    var line: Int?
    var record: Int?
    var excerpt: () -> String?

    func error(_ code: RecordError.Code, field: String? = nil, _ reason: String) -> RecordError {
        RecordError(code: code, file: file, line: line, record: record, field: field, reason: reason, excerpt: excerpt())
    }
}

/// The fields of one record as a reader found them (raw strings), checked and turned into a
/// `Posting` in one place so every format obeys the same rules and limits.
struct PostingFields {
    var id: String?
    var source: String?
    var title: String?
    var description: String?
    var published: String?
    var location: String?
    var department: String?
    var contract: String?
    var romeCode: String?
    var naf: String?
    var company: String?
    var url: String?
    var sourceSkills: [String] = []
    /// Used when `id` is absent (formats where an id is optional): a stable hash of the record.
    var fallbackID: (() -> String)?

    /// Schema field names (JSON Lines keys), for error messages and CSV mappings.
    static let names = ["id", "source", "title", "description", "published", "location", "department",
                        "contract", "rome_code", "naf", "company", "url", "source_skills"]

    func build(source defaultSource: String, limits: ReaderLimits, context: RecordContext) -> Result<Posting, RecordError> {
        func tooLong(_ field: String, _ count: Int, _ max: Int) -> RecordError {
            context.error(.tooLarge, field: field, "\(count) caractères, au-delà de la limite de \(max)")
        }
        func check(_ value: String?, _ field: String, _ max: Int) -> RecordError? {
            guard let value, value.utf8.count > max else { return nil }
            let n = value.unicodeScalars.count
            return n > max ? tooLong(field, n, max) : nil
        }
        func short(_ value: String?, _ field: String) -> Result<String?, RecordError> {
            guard let v = value?.trimmingASCIIAndUnicodeSpaces(), !v.isEmpty else { return .success(nil) }
            if let e = check(v, field, limits.maxFieldCharacters) { return .failure(e) }
            return .success(v)
        }
        func isBlank(_ s: String?) -> Bool {
            guard let s else { return true }
            return s.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
        }

        var missing: [String] = []
        var resolvedID = id?.trimmingASCIIAndUnicodeSpaces()
        if isBlank(resolvedID) { resolvedID = fallbackID?() }
        if isBlank(resolvedID) { missing.append("id") }
        // A blank title is accepted when the description has content: real France Travail
        // offers have empty titles, and the description carries what is classified. An absent
        // (or null) title is still a reject.
        if title == nil { missing.append("title") }
        if isBlank(description) { missing.append("description") }
        if !missing.isEmpty {
            let list = missing.map { "« \($0) »" }.joined(separator: ", ")
            return .failure(context.error(.missingField, field: missing.first,
                                          missing.count == 1 ? "champ obligatoire absent ou vide" : "champs obligatoires absents ou vides : \(list)"))
        }
        if let e = check(title, "title", limits.maxTitleCharacters) { return .failure(e) }
        if let e = check(description, "description", limits.maxDescriptionCharacters) { return .failure(e) }
        if let e = check(resolvedID, "id", limits.maxFieldCharacters) { return .failure(e) }

        var posting = Posting(id: resolvedID!, source: defaultSource, title: title!, description: description!)
        do {
            if let s = try short(source, "source").get() { posting.source = s }
            posting.location = try short(location, "location").get()
            posting.contract = try short(contract, "contract").get()
            posting.romeCode = try short(romeCode, "rome_code").get()
            posting.naf = try short(naf, "naf").get()
            posting.company = try short(company, "company").get()
            posting.url = try short(url, "url").get()
            if let d = try short(department, "department").get() {
                let code = d.count == 1 && d.first!.isNumber ? "0" + d : d.uppercased()
                guard Department.isValid(code) else {
                    return .failure(context.error(.invalidField, field: "department", "code de département inconnu : « \(String(d.prefix(20))) »"))
                }
                posting.department = code
            } else if let loc = posting.location {
                posting.department = Department.fromLabel(loc)
            }
        } catch {
            return .failure(error)
        }
        if let p = published {
            switch PublishedDate.parse(p) {
            case .success(let day): posting.published = day
            case .failure(let e): return .failure(context.error(.invalidField, field: "published", e.description))
            }
        }
        if sourceSkills.count > limits.maxSkills {
            return .failure(tooLong("source_skills", sourceSkills.count, limits.maxSkills))
        }
        var skills: [String] = []
        skills.reserveCapacity(sourceSkills.count)
        for s in sourceSkills {
            let t = s.trimmingASCIIAndUnicodeSpaces()
            if t.isEmpty { continue }
            if let e = check(t, "source_skills", limits.maxSkillCharacters) { return .failure(e) }
            if !skills.contains(t) { skills.append(t) }
        }
        posting.sourceSkills = skills
        return .success(posting)
    }
}

/// Stable identifiers for records without one: FNV-1a 64 of the content, so re-reading the same
/// file gives the same ids (and the store's upserts stay idempotent).
enum StableID {
    static func hash<S: Sequence>(_ parts: S) -> String where S.Element == String {
        let hex = String(fnv1a64(parts), radix: 16)
        return "h-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// FNV-1a 64 of the parts' UTF-8 bytes, a unit separator after each.
    static func fnv1a64<S: Sequence>(_ parts: S) -> UInt64 where S.Element == String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for b in part.utf8 { h ^= UInt64(b); h = h &* 0x100_0000_01b3 }
            h ^= 0x1F; h = h &* 0x100_0000_01b3  // unit separator between parts
        }
        return h
    }
}

/// A bounded, printable excerpt of raw bytes for `RecordError.excerpt`.
func excerpt(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<min(bytes.count, RecordError.excerptLimit * 4)]), as: UTF8.self)
}

func excerpt(_ bytes: [UInt8]) -> String {
    bytes.withUnsafeBufferPointer { excerpt($0) }
}
