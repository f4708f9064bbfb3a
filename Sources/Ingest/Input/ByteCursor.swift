/// Byte-at-a-time access to a `ByteSource`, refilling by chunks, with the absolute offset and
/// line of the current byte: what incremental scanners (JSON arrays, CSV) need.
final class ByteCursor {
    let source: ByteSource
    private var buffer: [UInt8] = []
    private var pos = 0
    private var eof = false
    /// Absolute offset of the next byte.
    private(set) var offset = 0
    /// 1-based line of the next byte.
    private(set) var line = 1

    init(source: ByteSource) {
        self.source = source
        buffer.reserveCapacity(source.chunkSize)
    }

    /// The next byte without consuming it; nil at the end.
    @inline(__always)
    func peek() -> UInt8? {
        if pos < buffer.count { return buffer[pos] }
        return refill() ? buffer[pos] : nil
    }

    /// Consumes and returns the next byte; nil at the end.
    @inline(__always)
    func next() -> UInt8? {
        if pos >= buffer.count && !refill() { return nil }
        let b = buffer[pos]
        pos += 1
        offset += 1
        // A lone CR ends a line too (old Mac exports); CRLF counts once, at its LF.
        if b == 0x0A || (b == 0x0D && peek() != 0x0A) { line += 1 }
        return b
    }

    /// Puts bytes back in front of the unread input (CSV resynchronisation), starting at `line`.
    func unread(_ bytes: [UInt8], line: Int, offset: Int) {
        buffer = bytes + buffer[pos...]
        pos = 0
        self.line = line
        self.offset = offset
    }

    /// Consumes the rest of a JSON string body up to and including its closing quote, in bulk
    /// (the hot path of the array scanner on long descriptions). Bytes go to `sink` while it
    /// holds fewer than `limit`; `overflow` is set when some were dropped. False at the end of
    /// the input before the closing quote.
    func consumeStringBody(into sink: inout [UInt8]?, limit: Int, overflow: inout Bool) -> Bool {
        var escaped = false
        while true {
            if pos >= buffer.count && !refill() { return false }
            var closed = false
            var end = pos
            var newlines = 0
            buffer.withUnsafeBufferPointer { b in
                var i = pos
                let n = b.count
                while i < n {
                    let c = b[i]
                    i += 1
                    if escaped { escaped = false; continue }
                    if c == 0x5C { escaped = true } else if c == 0x22 { closed = true; break } else if c == 0x0A { newlines += 1 }
                }
                end = i
                if sink != nil {
                    let room = max(0, limit - sink!.count)
                    let take = min(room, end - pos)
                    sink!.append(contentsOf: UnsafeBufferPointer(rebasing: b[pos..<(pos + take)]))
                    if take < end - pos { overflow = true }
                }
            }
            offset += end - pos
            line += newlines
            pos = end
            if closed { return true }
        }
    }

    private func refill() -> Bool {
        if eof { return false }
        buffer.removeAll(keepingCapacity: true)
        pos = 0
        if source.read(appendingTo: &buffer) == 0 { eof = true; return false }
        return true
    }

    func skipWhitespace() {
        while let b = peek(), b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { _ = next() }
    }
}
