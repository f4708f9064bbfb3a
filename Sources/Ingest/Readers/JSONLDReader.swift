import Records

/// Reads schema.org `JobPosting` JSON-LD: a `.json`/`.jsonld` document (one object, an array,
/// or a `@graph`; arrays streamed), or HTML pages whose `<script type="application/ld+json">`
/// blocks hold it (attribute order, quotes and case free; each block bounded by
/// `ReaderLimits.maxRecordBytes`).
///
/// Mapping: `title` (else `name`); `description` kept as given, HTML included (the classifier
/// handles markup); `datePosted` → published; `hiringOrganization.name` → company;
/// `jobLocation.address` (`addressLocality`, else `addressRegion`) → location, `postalCode` →
/// department; `employmentType` → contract; `identifier` (text or `PropertyValue.value`) → id,
/// else `url`, else a hash of title, description and company; `occupationalCategory` → romeCode
/// when it is a ROME code (`M1805`); `skills` → sourceSkills. Other `@type`s are rejects with
/// code `non-pris-en-charge`, so they are counted, not silently dropped.
public final class JSONLDReader: Sequence, IteratorProtocol {
    private let input: ByteSource
    private let cursor: ByteCursor
    private let html: Bool
    private let source: String
    private let limits: ReaderLimits
    private let streamer: JSONElementStreamer?
    private var pending: [Result<Posting, RecordError>] = []
    private var pendingIndex = 0
    private var objectIndex = 0
    /// JSON-LD script blocks found in an HTML page: a page with none is one reject, not a
    /// silent page of zero postings.
    private var blocksFound = 0
    private var reportedNoBlock = false

    public init(input: ByteSource, html: Bool, source: String, limits: ReaderLimits = ReaderLimits()) {
        self.input = input
        self.cursor = ByteCursor(source: input)
        self.html = html
        self.source = source
        self.limits = limits
        self.streamer = html ? nil : JSONElementStreamer(cursor: cursor, arrayKeys: ["@graph"], maxBytes: limits.maxRecordBytes)
    }

    public func next() -> Result<Posting, RecordError>? {
        while true {
            if pendingIndex < pending.count {
                defer { pendingIndex += 1 }
                return pending[pendingIndex]
            }
            pending.removeAll(keepingCapacity: true)
            pendingIndex = 0
            if html {
                guard let block = nextScriptBlock() else {
                    guard blocksFound == 0, !reportedNoBlock else { return nil }
                    reportedNoBlock = true
                    return .failure(RecordError(code: .unsupported, file: input.name,
                                                reason: "aucun bloc <script type=\"application/ld+json\"> dans la page : aucune offre lue "
                                                    + "(seules les offres publiées en JSON-LD JobPosting sont lues dans le HTML)"))
                }
                switch block {
                case .failure(let e): return .failure(e)
                case .success(let (line, bytes)): parseAndQueue(bytes, line: line)
                }
            } else {
                guard let event = streamer!.next() else { return nil }
                switch event {
                case .failure(let index, let line, let tooLarge, let reason, let raw):
                    return .failure(RecordError(code: tooLarge ? .tooLarge : .malformedJSON, file: input.name, line: line,
                                                record: index.map { $0 + 1 }, reason: reason, excerpt: raw.isEmpty ? nil : excerpt(raw)))
                case .element(_, let line, let bytes), .document(let line, let bytes):
                    parseAndQueue(bytes, line: line)
                }
            }
        }
    }

    private func parseAndQueue(_ bytes: [UInt8], line: Int) {
        do {
            let value = try JSONParser.parse(bytes, maxDepth: limits.maxDepth)
            queue(value, line: line, bytes: bytes)
        } catch {
            objectIndex += 1
            let context = RecordContext(file: input.name, line: line, record: objectIndex, excerpt: { excerpt(bytes) })
            pending.append(.failure(context.jsonError(error)))
        }
    }

    private func queue(_ value: JSONValue, line: Int, bytes: [UInt8]) {
        switch value {
        case .array(let items):
            for item in items { queue(item, line: line, bytes: bytes) }
        case .object:
            if let graph = value["@graph"]?.arrayValue {
                for item in graph { queue(item, line: line, bytes: bytes) }
                return
            }
            objectIndex += 1
            let context = RecordContext(file: input.name, line: line, record: objectIndex, excerpt: { excerpt(bytes) })
            let types = JSONLDReader.types(of: value)
            if types.contains("JobPosting") {
                pending.append(JSONLDReader.map(value, source: source, limits: limits, context: context))
            } else {
                let shown = types.isEmpty ? "sans @type" : "de type « \(types.joined(separator: ", ")) »"
                pending.append(.failure(context.error(.unsupported, "objet JSON-LD \(shown) : seul JobPosting est pris en charge")))
            }
        default:
            objectIndex += 1
            let context = RecordContext(file: input.name, line: line, record: objectIndex, excerpt: { excerpt(bytes) })
            pending.append(.failure(context.error(.unsupported, "valeur JSON-LD de type \(value.typeName) : un objet JobPosting est attendu")))
        }
    }

    /// `@type` names without their vocabulary prefix (`schema:JobPosting`, `https://schema.org/JobPosting`).
    static func types(of value: JSONValue) -> [String] {
        let raw: [String]
        switch value["@type"] {
        case .string(let s)?: raw = [s]
        case .array(let a)?: raw = a.compactMap(\.stringValue)
        default: raw = []
        }
        return raw.map { t in
            if let i = t.lastIndex(where: { $0 == "/" || $0 == ":" || $0 == "#" }) { return String(t[t.index(after: i)...]) }
            return t
        }
    }

    /// Text of a value that may be a string, a number, an object with `name`/`value`, or an array (first).
    static func text(_ v: JSONValue?, _ keys: [String] = ["name", "value"]) -> String? {
        switch v {
        case .string(let s)?: return s
        case .number(let n)?: return n
        case .array(let a)?: return a.lazy.compactMap { text($0, keys) }.first
        case .object?:
            for k in keys { if let s = text(v?[k], keys) { return s } }
            return nil
        default: return nil
        }
    }

    static func map(_ job: JSONValue, source: String, limits: ReaderLimits, context: RecordContext) -> Result<Posting, RecordError> {
        var f = PostingFields()
        f.title = text(job["title"], []) ?? text(job["name"], [])
        f.description = text(job["description"], [])
        f.published = text(job["datePosted"], [])
        f.company = text(job["hiringOrganization"], ["name"])
        f.url = text(job["url"], [])
        f.id = text(job["identifier"], ["value", "name"]) ?? f.url
        let (title, description, company) = (f.title ?? "", f.description ?? "", f.company ?? "")
        f.fallbackID = { StableID.hash([title, description, company]) }
        var location = job["jobLocation"]
        if case .array(let a)? = location { location = a.first }
        let address = location?["address"]
        if case .string(let s)? = address {
            f.location = s
        } else if let address {
            f.location = text(address["addressLocality"], []) ?? text(address["addressRegion"], [])
            f.department = text(address["postalCode"], []).flatMap(Department.fromPostalCode)
        }
        switch job["employmentType"] {
        case .string(let s)?: f.contract = s
        case .array(let a)?: f.contract = a.compactMap(\.stringValue).joined(separator: ", ")
        default: break
        }
        if let code = text(job["occupationalCategory"], ["codeValue", "value", "name"]), isROME(code) { f.romeCode = code }
        switch job["skills"] {
        case .string(let s)?: f.sourceSkills = s.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" }).map(String.init)
        case .array(let a)?: f.sourceSkills = a.compactMap { text($0, ["name"]) }
        default: break
        }
        return f.build(source: source, limits: limits, context: context)
    }

    static func isROME(_ s: String) -> Bool {
        let u = Array(s.utf8)
        return u.count == 5 && u[0] >= 0x41 && u[0] <= 0x4E && u[1...].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    // MARK: - HTML

    /// The next `<script type="application/ld+json">` content, with the line it starts on.
    private func nextScriptBlock() -> Result<(Int, [UInt8]), RecordError>? {
        while true {
            guard skip(past: Array("<script".utf8)) else { return nil }
            guard let next = cursor.peek(), next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == 0x3E else { continue }
            // The tag ends at the first `>` outside a quoted attribute value (`data-x=">"`), as
            // browsers read it.
            // The type is looked for in the whole tag, however long its other attributes (a
            // 4 KB cap on the tag once hid it, and the posting was lost without a reject).
            let type = Self.jsonLDType
            var window = [UInt8](repeating: 0, count: type.count)
            var seen = 0
            var isJSONLD = false
            var quote: UInt8?
            while let b = cursor.next() {
                if let q = quote { if b == q { quote = nil } } else if b == 0x22 || b == 0x27 { quote = b } else if b == 0x3E { break }
                if isJSONLD { continue }
                window[seen % type.count] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                seen += 1
                if seen >= type.count {
                    isJSONLD = (0..<type.count).allSatisfy { window[(seen + $0) % type.count] == type[$0] }
                }
            }
            guard isJSONLD else { continue }
            blocksFound += 1
            let line = cursor.line
            var content: [UInt8] = []
            var tooLarge = false
            let end = Array("</script".utf8)
            var matched = 0
            while let b = cursor.next() {
                let lower = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                if lower == end[matched] {
                    matched += 1
                    if matched == end.count { break }
                    continue
                }
                if matched > 0 {
                    if content.count + matched <= limits.maxRecordBytes { content.append(contentsOf: end[0..<matched]) } else { tooLarge = true }
                    matched = lower == end[0] ? 1 : 0
                    if matched == 1 { continue }
                }
                if content.count < limits.maxRecordBytes { content.append(b) } else { tooLarge = true }
            }
            if tooLarge {
                objectIndex += 1
                return .failure(RecordError(code: .tooLarge, file: input.name, line: line, record: objectIndex,
                                            reason: "bloc <script> JSON-LD de plus de \(limits.maxRecordBytes) octets ; ignoré"))
            }
            if content.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { continue }
            return .success((line, content))
        }
    }

    static let jsonLDType = Array("application/ld+json".utf8)

    /// Advances past the next case-insensitive occurrence of `needle` (lowercase ASCII).
    private func skip(past needle: [UInt8]) -> Bool {
        var matched = 0
        while let b = cursor.next() {
            let lower = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            if lower == needle[matched] {
                matched += 1
                if matched == needle.count { return true }
            } else {
                matched = lower == needle[0] ? 1 : 0
            }
        }
        return false
    }

    /// Bytes consumed so far, for progress display.
    public var bytesRead: Int { input.bytesRead }
}
