import Foundation

/// Repository root, found from this file: `Tests/EmergingTests/Support.swift`.
let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
/// The shared data folder next to the repository (real postings and reference files).
let sharedData = repoRoot.appendingPathComponent("../shared/data").standardizedFileURL
let sharedPresent = FileManager.default.fileExists(atPath: sharedData.appendingPathComponent("postings/postings.jsonl").path)
let romeDirectory = repoRoot.appendingPathComponent("Data/rome")

/// A fresh temporary folder for one test.
func temporaryDirectory(_ name: String = #function) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("emerging-\(name.filter(\.isLetter))-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Replaces (or appends) one `## ` section of `QUALITY.md`, leaving the other sections alone.
func writeQualitySection(heading: String, body: String) throws {
    let url = repoRoot.appendingPathComponent("QUALITY.md")
    var text = (try? String(contentsOf: url, encoding: .utf8)) ?? "# Qualité\n"
    let marker = "## " + heading
    let section = marker + "\n\n" + body.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
    if let start = text.range(of: marker) {
        let rest = text[start.upperBound...]
        let end = rest.range(of: "\n## ").map { text.index(after: $0.lowerBound) } ?? text.endIndex
        text.replaceSubrange(start.lowerBound..<end, with: end == text.endIndex ? section : section + "\n")
    } else {
        if !text.hasSuffix("\n") { text += "\n" }
        text += "\n" + section
    }
    try text.write(to: url, atomically: true, encoding: .utf8)
}
