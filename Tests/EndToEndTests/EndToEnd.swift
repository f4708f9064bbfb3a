import Foundation

/// Runs the built `observatoire` binary, as a user would, in a fresh temporary directory.
enum EndToEnd {
    /// The package root (two levels above this file).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The binary of the current build: next to the test bundle, else the newest
    /// `.build*/{debug,release}/observatoire` of the package; nil when none is built.
    static let binary: URL? = {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let exe = Bundle.main.executableURL {
            var dir = exe.deletingLastPathComponent()
            for _ in 0..<3 {
                candidates.append(dir.appendingPathComponent("observatoire"))
                dir = dir.deletingLastPathComponent()
            }
        }
        if let arg0 = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: arg0).deletingLastPathComponent().appendingPathComponent("observatoire"))
        }
        if let near = candidates.first(where: { fm.isExecutableFile(atPath: $0.path) }) { return near }
        let builds = ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0.hasPrefix(".build") }
        let found = builds.flatMap { b in ["debug", "release"].map { root.appendingPathComponent(b).appendingPathComponent($0).appendingPathComponent("observatoire") } }
            .filter { fm.isExecutableFile(atPath: $0.path) }
        return found.max { modified($0) < modified($1) }
    }()

    static var isRelease: Bool { binary?.path.contains("/release/") ?? false }

    private static func modified(_ url: URL) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date) ?? .distantPast
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Standard output parsed as one JSON object.
        var json: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any]
        }
    }

    /// Runs `executable` (the binary by default) with `arguments`; waits for it.
    @discardableResult
    static func run(_ arguments: [String], executable: URL? = nil, environment: [String: String]? = nil) throws -> Result {
        let p = Process()
        p.executableURL = executable ?? binary!
        p.arguments = arguments
        p.currentDirectoryURL = root
        if let environment { p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        // Read both pipes while the process runs, so a full pipe cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// `ingest` with the package's taxonomy, quiet, into `db`.
    static func ingest(_ files: [String], db: String, _ extra: [String] = []) throws -> Result {
        try run(["ingest"] + files + ["--db", db, "--taxonomy", root.appendingPathComponent("Taxonomy").path, "--quiet"] + extra)
    }

    /// A new empty temporary directory.
    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("obs-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Synthetic postings (invented text) in the project's JSON Lines schema.
    static func postingLines(_ count: Int, prefix: String = "e2e") -> [String] {
        let skills = ["Python et SQL", "machine learning", "tests d’intrusion et SOC", "Power BI", "réalité virtuelle",
                      "médiation numérique", "Kubernetes", "analyse de données"]
        return (0..<count).map { i in
            let skill = skills[i % skills.count], other = skills[(i / 3) % skills.count]
            let day = String(format: "2025-%02d-%02d", 1 + i % 12, 1 + i % 28)
            return #"{"id": "\#(prefix)-\#(i)", "source": "essai", "title": "Poste numéro \#(i) (H/F)", "#
                + #""description": "Annonce inventée \#(i) pour les tests. Missions : \#(skill), puis \#(other). Profil : rigueur, curiosité, niveau \#(i % 7).", "#
                + #""published": "\#(day)", "location": "Lyon (69)", "company": "Société \#(i % 13)"}"#
        }
    }

    static func write(_ lines: [String], to url: URL) throws {
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    }
}
