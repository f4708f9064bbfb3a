#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes read in chunks from a file (`fopen`/`fread`) or from memory, so that readers work in
/// constant memory whatever the file size. The chunk size is injectable: tests read the same
/// content 1, 2, 7 or 64 bytes at a time and compare with one big read.
public final class ByteSource {
    /// The default read granularity.
    public static let defaultChunkSize = 1 << 20

    /// File name used in error messages.
    public let name: String
    public let chunkSize: Int
    /// Bytes handed out so far, for progress display.
    public private(set) var bytesRead = 0
    /// Total size when known (regular files, memory).
    public let size: Int?

    private var file: UnsafeMutablePointer<FILE>?
    private let memory: [UInt8]
    /// fread target, reused: appending from it is one memcpy.
    private var scratch: [UInt8] = []

    /// Opens `path` for reading, with file-level errors in French (missing, directory,
    /// unreadable, empty).
    public init(path: String, chunkSize: Int = ByteSource.defaultChunkSize) throws(IngestError) {
        self.name = path
        self.chunkSize = max(1, chunkSize)
        self.memory = []
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw IngestError(code: .notFound, file: path, reason: "fichier introuvable")
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            throw IngestError(code: .isDirectory, file: path, reason: "c’est un répertoire, pas un fichier")
        }
        guard let f = fopen(path, "rb") else {
            throw IngestError(code: .unreadable, file: path, reason: "fichier illisible (droits insuffisants ?)")
        }
        self.file = f
        self.scratch = [UInt8](repeating: 0, count: self.chunkSize)
        let isRegular = (st.st_mode & S_IFMT) == S_IFREG
        self.size = isRegular ? Int(st.st_size) : nil
        if isRegular && st.st_size == 0 {
            fclose(f); self.file = nil
            throw IngestError(code: .empty, file: path, reason: "fichier vide")
        }
    }

    /// Bytes held in memory (tests, in-process callers).
    public init(bytes: [UInt8], name: String = "<mémoire>", chunkSize: Int = ByteSource.defaultChunkSize) {
        self.name = name
        self.chunkSize = max(1, chunkSize)
        self.memory = bytes
        self.size = bytes.count
        self.file = nil
    }

    deinit {
        if let file { fclose(file) }
    }

    /// Appends at most `chunkSize` bytes to `buffer`; returns how many (0 at the end).
    @discardableResult
    public func read(appendingTo buffer: inout [UInt8]) -> Int {
        if let file {
            let chunk = chunkSize
            let got = scratch.withUnsafeMutableBufferPointer { fread($0.baseAddress!, 1, chunk, file) }
            scratch.withUnsafeBufferPointer { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<got])) }
            bytesRead += got
            if got == 0 { fclose(file); self.file = nil }
            return got
        }
        let n = min(chunkSize, memory.count - bytesRead)
        if n <= 0 { return 0 }
        memory.withUnsafeBufferPointer { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: $0[bytesRead..<(bytesRead + n)])) }
        bytesRead += n
        return n
    }

    /// Up to `count` first bytes without consuming them (format sniffing): reads from the
    /// start of the file with a separate handle.
    static func peek(path: String, count: Int) -> [UInt8] {
        guard let f = fopen(path, "rb") else { return [] }
        defer { fclose(f) }
        var out = [UInt8](repeating: 0, count: count)
        let n = out.withUnsafeMutableBufferPointer { fread($0.baseAddress!, 1, count, f) }
        out.removeLast(count - n)
        return out
    }
}
