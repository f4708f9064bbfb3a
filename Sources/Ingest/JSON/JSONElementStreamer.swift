/// Finds the elements of a large JSON array without parsing or holding the whole document:
/// a top-level array, or the array under one of `arrayKeys` in a top-level object
/// (`{"resultats": [...]}`, `{"@graph": [...]}`). It only tracks strings and bracket depth to
/// cut element boundaries; each element is then parsed strictly on its own, so a bad element
/// is one reject and the next ones are still read.
///
/// A top-level object without such an array is handed out whole (`.document`), bounded by
/// `maxBytes`.
final class JSONElementStreamer {
    enum Event {
        case element(index: Int, line: Int, bytes: [UInt8])
        case document(line: Int, bytes: [UInt8])
        case failure(index: Int?, line: Int, tooLarge: Bool, reason: String, excerpt: [UInt8])
    }

    private enum Phase { case start, array(topLevel: Bool), afterArray(topLevel: Bool), done }

    private let cursor: ByteCursor
    private let arrayKeys: Set<String>
    private let maxBytes: Int
    private var phase = Phase.start
    private var index = 0
    private var capture: [UInt8]?
    private var overflow = false
    private var pending: Event?

    init(cursor: ByteCursor, arrayKeys: Set<String>, maxBytes: Int) {
        self.cursor = cursor
        self.arrayKeys = arrayKeys
        self.maxBytes = maxBytes
    }

    func next() -> Event? {
        if let p = pending { pending = nil; return p }
        switch phase {
        case .done: return nil
        case .start: return start()
        case .array(let top): return element(topLevel: top)
        case .afterArray(let top): return finish(topLevel: top)
        }
    }

    // MARK: - Phases

    private func start() -> Event? {
        cursor.skipWhitespace()
        let line = cursor.line
        switch cursor.peek() {
        case nil:
            phase = .done
            return fail(line: line, "aucune valeur JSON dans le fichier")
        case 0x5B?:
            consume()
            phase = .array(topLevel: true)
            return next()
        case 0x7B?:
            capture = []
            overflow = false
            consume()
            return members(line: line, first: true)
        case let b?:
            phase = .done
            return fail(line: line, "objet ou tableau JSON attendu en début de fichier, trouvé « \(Character(Unicode.Scalar(b))) »")
        }
    }

    /// Scans the members of the top-level object until an array under `arrayKeys` (then
    /// streams it) or the closing brace (then hands out the whole object).
    private func members(line: Int, first: Bool) -> Event? {
        var first = first
        while true {
            cursor.skipWhitespace()
            if first, cursor.peek() == 0x7D {
                consume()
                return endOfDocument(line: line)
            }
            first = false
            guard cursor.peek() == 0x22 else { phase = .done; return unexpected("nom de membre attendu") }
            guard let key = readKey() else { phase = .done; return truncated(line: line) }
            cursor.skipWhitespace()
            guard cursor.peek() == 0x3A else { phase = .done; return unexpected("« : » attendu") }
            consume()
            cursor.skipWhitespace()
            if arrayKeys.contains(key), cursor.peek() == 0x5B, capture != nil {
                consume()
                capture = nil
                phase = .array(topLevel: false)
                return next()
            }
            guard skipValue() else { phase = .done; return truncated(line: line) }
            cursor.skipWhitespace()
            switch cursor.peek() {
            case 0x2C?: consume()
            case 0x7D?:
                consume()
                return endOfDocument(line: line)
            case nil: phase = .done; return truncated(line: line)
            default: phase = .done; return unexpected("« , » ou « } » attendu")
            }
        }
    }

    private func endOfDocument(line: Int) -> Event? {
        phase = .afterArray(topLevel: true)
        guard let bytes = capture else { return next() }  // streamed array already handed out
        capture = nil
        if overflow {
            return .failure(index: nil, line: line, tooLarge: true,
                            reason: "document JSON de plus de \(maxBytes) octets sans tableau d’offres à lire élément par élément",
                            excerpt: [])
        }
        return .document(line: line, bytes: bytes)
    }

    private func element(topLevel: Bool) -> Event? {
        cursor.skipWhitespace()
        if index == 0, cursor.peek() == 0x5D {
            consume()
            phase = .afterArray(topLevel: topLevel)
            return next()
        }
        let line = cursor.line
        let i = index
        index += 1
        capture = []
        overflow = false
        let complete = skipValue()
        let bytes = capture ?? []
        capture = nil
        if !complete {
            phase = .done
            return .failure(index: i, line: line, tooLarge: false,
                            reason: "élément \(i + 1) tronqué : fin de fichier inattendue", excerpt: bytes)
        }
        cursor.skipWhitespace()
        switch cursor.peek() {
        case 0x2C?: consume()
        case 0x5D?: consume(); phase = .afterArray(topLevel: topLevel)
        case nil:
            phase = .done
            pending = fail(line: cursor.line, "fin de fichier inattendue : tableau non fermé (fichier tronqué ?)")
        default:
            phase = .done
            pending = unexpected("« , » ou « ] » attendu après l’élément \(i + 1)")
        }
        if overflow {
            return .failure(index: i, line: line, tooLarge: true,
                            reason: "élément de plus de \(maxBytes) octets ; ignoré", excerpt: Array(bytes.prefix(512)))
        }
        return .element(index: i, line: line, bytes: bytes)
    }

    private func finish(topLevel: Bool) -> Event? {
        phase = .done
        if !topLevel {
            // Rest of the enclosing object: other members are skipped.
            capture = nil
            while true {
                cursor.skipWhitespace()
                switch cursor.peek() {
                case 0x7D?: consume(); return finish(topLevel: true)
                case 0x2C?:
                    consume()
                    cursor.skipWhitespace()
                    guard cursor.peek() == 0x22, readKey() != nil else { return unexpected("nom de membre attendu") }
                    cursor.skipWhitespace()
                    guard cursor.peek() == 0x3A else { return unexpected("« : » attendu") }
                    consume()
                    cursor.skipWhitespace()
                    guard skipValue() else { return truncated(line: cursor.line) }
                case nil: return truncated(line: cursor.line)
                default: return unexpected("« , » ou « } » attendu")
                }
            }
        }
        cursor.skipWhitespace()
        if cursor.peek() != nil { return unexpected("données en trop après la fin du document JSON") }
        return nil
    }

    // MARK: - Scanning

    @inline(__always)
    private func consume() {
        guard let b = cursor.next() else { return }
        if capture != nil {
            if capture!.count < maxBytes { capture!.append(b) } else { overflow = true }
        }
    }

    /// Skips one value (string, container or scalar); false when the input ends inside it.
    private func skipValue() -> Bool {
        guard let first = cursor.peek() else { return false }
        if first == 0x22 { return skipString() }
        if first == 0x7B || first == 0x5B {
            var depth = 0
            while let b = cursor.peek() {
                if b == 0x22 { if !skipString() { return false }; continue }
                consume()
                if b == 0x7B || b == 0x5B { depth += 1 }
                else if b == 0x7D || b == 0x5D { depth -= 1; if depth == 0 { return true } }
            }
            return false
        }
        // Scalar: up to the next structural character or whitespace (checked by the parser).
        while let b = cursor.peek(), !(b == 0x2C || b == 0x5D || b == 0x7D || b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09) {
            consume()
        }
        return true
    }

    private func skipString() -> Bool {
        consume()  // opening quote
        return cursor.consumeStringBody(into: &capture, limit: maxBytes, overflow: &overflow)
    }

    /// Reads a member name (at its opening quote); nil when the input ends.
    private func readKey() -> String? {
        var raw: [UInt8] = [0x22]
        let saved = capture
        capture = []
        let ok = skipString()
        raw = capture ?? raw
        if let saved { capture = saved + raw; if capture!.count > maxBytes { overflow = true; capture!.removeLast(capture!.count - maxBytes) } } else { capture = nil }
        guard ok else { return nil }
        return (try? JSONParser.parse(raw))?.stringValue ?? ""
    }

    private func fail(line: Int, _ reason: String) -> Event {
        .failure(index: nil, line: line, tooLarge: false, reason: reason, excerpt: [])
    }

    private func truncated(line: Int) -> Event {
        fail(line: line, "fin de fichier inattendue : document JSON tronqué")
    }

    private func unexpected(_ what: String) -> Event {
        let shown = cursor.peek().map { $0 >= 0x21 && $0 < 0x7F ? "« \(Character(Unicode.Scalar($0))) »" : "l’octet 0x" + String($0, radix: 16, uppercase: true) } ?? "la fin du fichier"
        return fail(line: cursor.line, "JSON invalide à l’octet \(cursor.offset) : \(what), trouvé \(shown)")
    }
}
