#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One physical line handed out by `LineSplitter`.
public enum LineEvent {
    /// The line's bytes without `\n` (nor a trailing `\r`); valid only during the callback.
    /// `terminated` is false for a last line that ends the file without a newline.
    case line(number: Int, bytes: UnsafeBufferPointer<UInt8>, terminated: Bool)
    /// A line longer than the bound, skipped without being buffered; `prefix` keeps its first
    /// bytes for the excerpt.
    case oversized(number: Int, length: Int, prefix: [UInt8])
}

/// Splits a `ByteSource` into lines with `memchr`, handing out slices of the chunk buffer
/// (no copy for lines that fit in a chunk). Memory stays below chunk size + longest line,
/// and a line longer than `maxLineBytes` is skipped to the next newline, never buffered whole.
public final class LineSplitter {
    private let source: ByteSource
    private let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var pos = 0
    private var scanFrom = 0
    private var eof = false
    private var lineNumber = 1

    public init(source: ByteSource, maxLineBytes: Int) {
        self.source = source
        self.maxLineBytes = maxLineBytes
        buffer.reserveCapacity(source.chunkSize + 4096)
    }

    /// Calls `body` with the next line; nil at the end of the input.
    public func next<T>(_ body: (LineEvent) -> T) -> T? {
        while true {
            let found: Int? = buffer.withUnsafeBufferPointer { b in
                guard scanFrom < b.count, let base = b.baseAddress,
                      let p = memchr(base + scanFrom, 0x0A, b.count - scanFrom) else { return nil }
                return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            }
            if let nl = found {
                let start = pos
                pos = nl + 1
                scanFrom = pos
                let n = lineNumber
                lineNumber += 1
                if nl - start > maxLineBytes {
                    return body(.oversized(number: n, length: nl - start, prefix: Array(buffer[start..<min(nl, start + 512)])))
                }
                return buffer.withUnsafeBufferPointer { b in
                    var end = nl
                    if end > start && b[end - 1] == 0x0D { end -= 1 }
                    return body(.line(number: n, bytes: UnsafeBufferPointer(rebasing: b[start..<end]), terminated: true))
                }
            }
            scanFrom = buffer.count
            if buffer.count - pos > maxLineBytes {
                return body(skipOversized())
            }
            if eof {
                guard pos < buffer.count else { return nil }
                let start = pos
                pos = buffer.count
                scanFrom = pos
                let n = lineNumber
                lineNumber += 1
                return buffer.withUnsafeBufferPointer { b in
                    var end = b.count
                    if end > start && b[end - 1] == 0x0D { end -= 1 }
                    return body(.line(number: n, bytes: UnsafeBufferPointer(rebasing: b[start..<end]), terminated: false))
                }
            }
            if pos > 0 {
                buffer.removeSubrange(0..<pos)
                scanFrom -= pos
                pos = 0
            }
            if source.read(appendingTo: &buffer) == 0 { eof = true }
        }
    }

    /// Drops the current over-long line up to and including its newline.
    private func skipOversized() -> LineEvent {
        let n = lineNumber
        lineNumber += 1
        let prefix = Array(buffer[pos..<min(buffer.count, pos + 512)])
        var length = buffer.count - pos
        buffer.removeAll(keepingCapacity: true)
        pos = 0; scanFrom = 0
        while true {
            if source.read(appendingTo: &buffer) == 0 {
                eof = true
                buffer.removeAll(keepingCapacity: true)
                return .oversized(number: n, length: length, prefix: prefix)
            }
            let nl: Int? = buffer.withUnsafeBufferPointer { b in
                guard let base = b.baseAddress, let p = memchr(base, 0x0A, b.count) else { return nil }
                return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            }
            if let nl {
                length += nl
                pos = nl + 1
                scanFrom = pos
                return .oversized(number: n, length: length, prefix: prefix)
            }
            length += buffer.count
            buffer.removeAll(keepingCapacity: true)
        }
    }
}
