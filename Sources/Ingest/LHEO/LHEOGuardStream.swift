import Foundation

/// An input stream that passes bytes through to the XML parser while refusing what must never
/// reach it: a document type declaration (`<!DOCTYPE`, hence internal or external entities:
/// « billion laughs », XXE), non-UTF-8/ASCII-compatible encodings (UTF-16/32, where the byte
/// scan could be evaded), and any encoding declared in the XML declaration other than UTF-8,
/// ASCII, ISO-8859-1/15 and Windows-1252 (libxml2 2.9 crashes on a declared UTF-7, UTF-32,
/// UCS-4, ISO-2022-JP or HZ, and an EBCDIC declaration would hide a DOCTYPE from the scan).
///
/// Foundation's `XMLParser` on Linux always asks libxml2 to substitute entities, so DTDs are
/// stopped here, before any byte of them is parsed. The scan is byte-exact across chunk
/// boundaries. A `<!DOCTYPE` inside a comment or CDATA section is refused too: LHEO files need none.
final class LHEOGuardStream: InputStream {
    enum Violation: Sendable, Equatable {
        case doctype
        case entity
        case encoding
        /// The XML declaration names an encoding outside `allowedEncodings` (its name, bounded).
        case declaredEncoding(String)
        /// A byte the declared single-byte encoding does not define (libxml2's conversion error
        /// path crashes on it): the byte and the encoding's name.
        case undefinedByte(UInt8, String)
        /// `<?target?>`: a processing instruction without data (Foundation's XMLParser takes the
        /// length of its null data pointer and crashes).
        case emptyProcessingInstruction
        /// An XML declaration not closed within `maxDeclaration` bytes.
        case declarationTooLong
    }

    /// Longest XML declaration read (a real one is under 100 bytes).
    static let maxDeclaration = 4096

    private let base: InputStream
    /// The last bytes of the previous chunk, so that a marker split across two reads is seen.
    private var carry: [UInt8] = []
    private var first = true
    private(set) var violation: Violation?
    /// 1-based line where the refused construct starts (or where reading stopped).
    private(set) var violationLine = 1
    /// Line breaks in the bytes passed so far.
    private var lines = 0
    /// Set by the reader to make the parser stop pulling bytes (after a fatal error).
    var stopped = false
    private(set) var bytesRead = 0
    /// The underlying stream reported an error (I/O error, file removed while read).
    private(set) var readFailed = false
    /// Bytes the declared encoding leaves undefined (Windows-1252: 0x81, 0x8D, 0x8F, 0x90, 0x9D;
    /// ASCII: 0x80 and above), with the encoding's name; nil when every byte is defined.
    private var undefined: (bytes: [Bool], encoding: String)?
    /// Where a processing instruction stands at the end of the previous chunk.
    private var pi = PIState.none

    init(base: InputStream) {
        self.base = base
        super.init(data: Data())
    }

    override func open() { base.open() }
    override func close() { base.close() }
    override var hasBytesAvailable: Bool { !stopped && violation == nil && (!ahead.isEmpty || base.hasBytesAvailable) }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength len: Int) -> Int {
        // End of input rather than -1 when stopping: XMLParser would then query `streamError`,
        // which traps on this subclass in swift-corelibs-foundation.
        guard !stopped, violation == nil else { return 0 }
        if first {
            first = false
            // The start of the document is read ahead until its XML declaration is complete:
            // its encoding is checked before the parser sees any byte of it (libxml2 parses even
            // an unclosed declaration at the end of the input).
            let head = readHead(chunkSize: max(len, 256))
            if head.isEmpty { return 0 }
            let checked = head.withUnsafeBufferPointer { check(head: $0) }
            guard checked else { return 0 }
            ahead = head[...]
        }
        if !ahead.isEmpty {
            let n = min(len, ahead.count)
            ahead.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress!, count: n) }
            ahead = ahead.dropFirst(n)
            return n
        }
        let n = base.read(buffer, maxLength: len)
        if n < 0 { readFailed = true; return 0 }
        guard n > 0 else { return n }
        return check(UnsafeBufferPointer(start: buffer, count: n)) ? n : 0
    }

    /// Bytes read ahead at the start and already checked, not yet handed to the parser.
    private var ahead: ArraySlice<UInt8> = []

    /// The first bytes of the input: until the XML declaration's `?>`, or until it is clear
    /// there is no declaration, or `maxDeclaration` bytes, or the end of the input.
    private func readHead(chunkSize: Int) -> [UInt8] {
        var head: [UInt8] = []
        let tmp = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
        defer { tmp.deallocate() }
        while head.count <= Self.maxDeclaration + 3 {
            let n = base.read(tmp, maxLength: chunkSize)
            if n < 0 { readFailed = true; break }
            if n == 0 { break }
            head.append(contentsOf: UnsafeBufferPointer(start: tmp, count: n))
            if Self.declarationEnd(head) != .undecided { break }
        }
        return head
    }

    /// The checks of the first bytes (encoding, declaration), then those of any chunk.
    private func check(head: UnsafeBufferPointer<UInt8>) -> Bool {
        if let v = Self.checkEncoding(head) ?? checkDeclaration(head) {
            violation = v
            violationLine = 1
            return false
        }
        return check(head)
    }

    /// Checks a chunk before the parser gets it; false (and `violation` set) to stop there.
    private func check(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        if let undefined, let at = chunk.firstIndex(where: { undefined.bytes[Int($0)] }) {
            violation = .undefinedByte(chunk[at], undefined.encoding)
            violationLine = lines + 1 + chunk[..<at].lazy.filter { $0 == 0x0A }.count
            return false
        }
        if let at = findEmptyProcessingInstruction(chunk) {
            violation = .emptyProcessingInstruction
            violationLine = lines + 1 + chunk[..<at].lazy.filter { $0 == 0x0A }.count
            return false
        }
        if let (v, at) = scan(chunk) {
            violation = v
            violationLine = lines + 1 + chunk[..<max(0, at)].lazy.filter { $0 == 0x0A }.count
            return false
        }
        for b in chunk where b == 0x0A { lines += 1 }
        bytesRead += chunk.count
        return true
    }

    /// UTF-16/32 (BOM or NUL bytes at the start) is refused.
    static func checkEncoding(_ b: UnsafeBufferPointer<UInt8>) -> Violation? {
        if b.count >= 2, (b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0xFF && b[1] == 0xFE) { return .encoding }
        for i in 0..<min(4, b.count) where b[i] == 0 { return .encoding }
        return nil
    }

    /// Where the XML declaration at the start of `head` (after a UTF-8 BOM) stands.
    enum DeclarationEnd: Equatable {
        /// Too few bytes to tell, or a declaration not closed yet.
        case undecided
        /// The document does not start with a declaration.
        case none
        /// The declaration's bytes, from `<?xml` to its `?>` excluded.
        case closed(Range<Int>)
    }

    static func declarationEnd(_ head: [UInt8]) -> DeclarationEnd {
        let bom = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let start = Array("<?xml".utf8)
        let body = head[bom...]
        if body.count <= start.count { return body.elementsEqual(start.prefix(body.count)) ? .undecided : .none }
        let next = body[body.startIndex + start.count]
        guard body.starts(with: start), next == 0x20 || next == 0x09 || next == 0x0D || next == 0x0A else { return .none }
        guard let close = (body.startIndex..<(body.endIndex - 1)).first(where: { body[$0] == 0x3F && body[$0 + 1] == 0x3E }) else {
            return .undecided
        }
        return .closed(bom..<close)
    }

    /// Refuses an unclosed declaration or one naming an encoding outside `allowedEncodings`;
    /// notes the bytes the declared encoding leaves undefined.
    private func checkDeclaration(_ head: UnsafeBufferPointer<UInt8>) -> Violation? {
        switch Self.declarationEnd(Array(head)) {
        case .none: return nil
        case .undecided:
            // Still open at the end of the input or past `maxDeclaration` bytes.
            let bom = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            return head.count - bom <= Array("<?xml".utf8).count ? nil : .declarationTooLong
        case .closed(let range):
            // The same limit whatever the read size.
            if range.count > Self.maxDeclaration { return .declarationTooLong }
            guard let name = Self.declaredEncoding(UnsafeBufferPointer(rebasing: head[range])) else { return nil }
            guard Self.allowedEncodings.contains(name.lowercased()) else { return .declaredEncoding(String(name.prefix(40))) }
            undefined = Self.undefinedBytes(of: name)
            return nil
        }
    }

    /// The encodings a declaration may name (lower case): what LHEO producers write.
    static let allowedEncodings: Set<String> = [
        "utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1",
        "iso-8859-15", "iso8859-15", "iso_8859-15", "latin9", "latin-9", "windows-1252", "cp1252",
    ]

    /// The bytes `encoding` (a name from `allowedEncodings`) does not define.
    static func undefinedBytes(of encoding: String) -> (bytes: [Bool], encoding: String)? {
        var table = [Bool](repeating: false, count: 256)
        switch encoding.lowercased() {
        case "windows-1252", "cp1252": for b in [0x81, 0x8D, 0x8F, 0x90, 0x9D] { table[b] = true }
        case "us-ascii", "ascii": for b in 0x80...0xFF { table[b] = true }
        default: return nil
        }
        return (table, encoding)
    }

    /// States of the scan for `<?target?>` across chunks. Comments and CDATA sections are
    /// followed so that a `<?a?>` written inside them (valid XML: it is text there) passes.
    enum PIState: Equatable {
        case none, lessThan, question, bang, bangDash
        /// After `<?`; `named` once the target has a byte.
        case target(named: Bool)
        /// Inside `<![CDATA[`, after that many of its bytes following `<!`.
        case cdataOpen(Int)
        /// Inside a comment (closed by `-->`: `closer` is `-`) or a CDATA section (`]]>`), with
        /// `seen` closer bytes just read.
        case inside(closer: UInt8, seen: Int)
    }

    private static let cdataOpening = Array("[CDATA[".utf8)

    /// Index in `chunk` where a processing instruction without data ends (`<?name?>`), if any;
    /// one may have started in an earlier chunk.
    private func findEmptyProcessingInstruction(_ chunk: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = chunk.baseAddress else { return nil }
        let n = chunk.count
        var i = 0
        /// Jumps to the next `byte` (memchr), or to the end.
        func jump(to byte: UInt8) {
            if let p = memchr(base + i, Int32(byte), n - i) {
                i = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            } else {
                i = n
            }
        }
        while i < n {
            switch pi {
            case .none:
                jump(to: 0x3C)
                guard i < n else { return nil }
                pi = .lessThan
                i += 1
                continue
            case .inside(let closer, 0):
                jump(to: closer)
                guard i < n else { return nil }
            default: break
            }
            let b = chunk[i]
            switch pi {
            case .none:
                break
            case .lessThan:
                if b == UInt8(ascii: "?") { pi = .target(named: false) }
                else if b == UInt8(ascii: "!") { pi = .bang }
                else if b != 0x3C { pi = .none }
            case .target(let named):
                if b == UInt8(ascii: "?") { pi = named ? .question : .none }
                else if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A || b == UInt8(ascii: ">") { pi = .none }
                else if b == 0x3C { pi = .lessThan }
                else { pi = .target(named: true) }
            case .question:
                if b == UInt8(ascii: ">") { return i }
                pi = b == 0x3C ? .lessThan : .none
            case .bang:
                pi = b == UInt8(ascii: "-") ? .bangDash : b == Self.cdataOpening[0] ? .cdataOpen(1) : b == 0x3C ? .lessThan : .none
            case .bangDash:
                pi = b == UInt8(ascii: "-") ? .inside(closer: b, seen: 0) : b == 0x3C ? .lessThan : .none
            case .cdataOpen(let k):
                if b == Self.cdataOpening[k] {
                    pi = k + 1 == Self.cdataOpening.count ? .inside(closer: UInt8(ascii: "]"), seen: 0) : .cdataOpen(k + 1)
                } else {
                    pi = b == 0x3C ? .lessThan : .none
                }
            case .inside(let closer, let seen):
                // Two closer bytes then `>` end the section; more closer bytes keep it at two.
                if b == closer { pi = .inside(closer: closer, seen: min(seen + 1, 2)) }
                else { pi = b == UInt8(ascii: ">") && seen == 2 ? .none : .inside(closer: closer, seen: 0) }
            }
            i += 1
        }
        return nil
    }

    /// The `encoding` pseudo-attribute of an XML declaration (`b`: from its `<?xml` to its
    /// `?>`, excluded), or nil when there is none.
    static func declaredEncoding(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        let start = Array("<?xml".utf8)
        guard b.count >= start.count, (0..<start.count).allSatisfy({ b[$0] == start[$0] }) else { return nil }
        var i = start.count
        let end = b.count
        let key = Array("encoding".utf8)
        while i + key.count < end {
            if (0..<key.count).allSatisfy({ b[i + $0] == key[$0] }) {
                var j = i + key.count
                while j < end, b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0D || b[j] == 0x0A { j += 1 }
                guard j < end, b[j] == UInt8(ascii: "=") else { i += 1; continue }
                j += 1
                while j < end, b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0D || b[j] == 0x0A { j += 1 }
                guard j < end, b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") else { return "" }
                let quote = b[j]
                var k = j + 1
                while k < end, b[k] != quote { k += 1 }
                // An unterminated value is refused too (its name is whatever was read).
                return String(decoding: UnsafeBufferPointer(rebasing: b[(j + 1)..<k]), as: UTF8.self)
            }
            i += 1
        }
        return nil
    }

    private static let doctype = Array("<!DOCTYPE".utf8)
    private static let entity = Array("<!ENTITY".utf8)

    /// The violation in `chunk` and its byte index in it (negative: it starts in the carry).
    private func scan(_ chunk: UnsafeBufferPointer<UInt8>) -> (Violation, Int)? {
        // Markers starting in the carried tail of the previous chunk.
        if !carry.isEmpty {
            let joined = carry + chunk.prefix(Self.doctype.count)
            if let (v, at) = joined.withUnsafeBufferPointer({ Self.find($0) }) { return (v, at - carry.count) }
        }
        if let found = Self.find(chunk) { return found }
        carry = Array(chunk.suffix(Self.doctype.count - 1))
        return nil
    }

    private static func find(_ b: UnsafeBufferPointer<UInt8>) -> (Violation, Int)? {
        let n = b.count
        guard n > 1, let base = b.baseAddress else { return nil }
        var i = 0
        while i + 1 < n {
            // memchr jumps from one "<" to the next.
            guard let p = memchr(base + i, 0x3C, n - i - 1) else { return nil }
            i = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            if b[i + 1] == 0x21 { // "<!"
                if matches(b, at: i, doctype) { return (.doctype, i) }
                if matches(b, at: i, entity) { return (.entity, i) }
                // A marker cut by the end of this buffer is caught with the carry on the next read.
            }
            i += 1
        }
        return nil
    }

    private static func matches(_ b: UnsafeBufferPointer<UInt8>, at i: Int, _ marker: [UInt8]) -> Bool {
        guard i + marker.count <= b.count else { return false }
        for k in 0..<marker.count where b[i + k] != marker[k] { return false }
        return true
    }
}
