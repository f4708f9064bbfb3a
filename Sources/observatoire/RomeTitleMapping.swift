import Classifier
import Dispatch
import Emerging
import Foundation
import Records
import Taxonomy

/// Canonical titles and ROME codes for the classifier, from the ROME 4.0 appellations in
/// `Data/rome/` (Licence Ouverte 2.0): feminine words made masculine with the ROME's own
/// masculine/feminine pairs, then exact, fuzzy, or competency-based ROME matching.
struct RomeTitleMapping: TitleMapping {
    let matcher: RomeMatcher
    /// ROME codes of each competency (the taxonomy's `rome:` key), for titles that match nothing.
    let romeByCompetency: [String: [String]]

    init(matcher: RomeMatcher, taxonomy: Taxonomy) {
        self.matcher = matcher
        romeByCompetency = Dictionary(taxonomy.competencies.map { ($0.id, $0.rome) }, uniquingKeysWith: { a, _ in a })
    }

    func map(title: String) -> NormalizedTitle {
        let normalized = matcher.feminine.masculinize(TitleNormalizer.normalize(title))
        guard let m = matcher.match(normalized: normalized) else { return NormalizedTitle(normalized: normalized) }
        return Self.title(normalized, m)
    }

    func complete(_ title: NormalizedTitle, competencies: [CompetencyMatch]) -> NormalizedTitle {
        guard title.rome == nil, let m = fallback(competencies) else { return title }
        return Self.title(title.normalized, m)
    }

    static func title(_ normalized: String, _ m: RomeMatch) -> NormalizedTitle {
        NormalizedTitle(normalized: normalized, rome: m.code, romeAppellation: m.appellation,
                        romeConfidence: (m.confidence * 100).rounded() / 100, romeMethod: m.method.rawValue)
    }

    /// The ROME code most of the competencies point to (confidence at most 0.4: a weak signal).
    func fallback(_ competencies: [CompetencyMatch]) -> RomeMatch? {
        matcher.vote(competencies.map { m in
            (codes: romeByCompetency[m.id] ?? [], weight: Double(m.evidence.filter { !$0.negated }.count))
        })
    }

    /// The mapping from `directory` (default: `Data/rome` next to the taxonomy folder), or nil
    /// with a warning when it is absent.
    static func load(directory: String? = nil, taxonomy: Taxonomy, taxonomyDirectory: String = "Taxonomy") -> RomeTitleMapping? {
        loadMatcher(directory: directory, taxonomyDirectory: taxonomyDirectory).map { RomeTitleMapping(matcher: $0, taxonomy: taxonomy) }
    }

    /// The ROME matcher alone (the expensive part, which needs no taxonomy), or nil with a warning.
    /// Its title index comes from `Data/rome/index-titres.tsv` when that file matches the labels.
    static func loadMatcher(directory: String? = nil, taxonomyDirectory: String = "Taxonomy") -> RomeMatcher? {
        let directory = directory ?? URL(fileURLWithPath: taxonomyDirectory).standardizedFileURL
            .deletingLastPathComponent().appendingPathComponent("Data/rome").path
        do {
            return try RomeMatcher.load(directory: URL(fileURLWithPath: directory), warn: warn)
        } catch {
            FileHandle.standardError.write(Data("avertissement : référentiel ROME illisible dans \(directory) (\(error)) ; intitulés sans code ROME\n".utf8))
            return nil
        }
    }

    /// Writes a warning on standard error.
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("avertissement : \(message)\n".utf8))
    }

    /// Starts building the ROME matcher on another thread, so that it overlaps the rest of a
    /// command's start-up (taxonomy, database); `finish` waits for it.
    final class Loading: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        /// Written once by the loading thread before `done` is signalled.
        private var matcher: RomeMatcher?

        init(taxonomyDirectory: String) {
            Thread.detachNewThread { [self] in
                matcher = RomeTitleMapping.loadMatcher(taxonomyDirectory: taxonomyDirectory)
                done.signal()
            }
        }

        /// The mapping for `taxonomy`, once the matcher is built (nil when `Data/rome` is unreadable).
        func finish(taxonomy: Taxonomy) -> RomeTitleMapping? {
            done.wait()
            done.signal()
            return matcher.map { RomeTitleMapping(matcher: $0, taxonomy: taxonomy) }
        }
    }
}

extension Classifier {
    /// A classifier for the CLI: the taxonomy plus ROME title mapping when `Data/rome` is there.
    static func forCLI(taxonomy: Taxonomy, rome: RomeTitleMapping?, rule: DomainRule = DomainRule()) -> Classifier {
        var c = Classifier(taxonomy: taxonomy, rule: rule)
        c.titleMapping = rome
        return c
    }

    /// One classifier per thread for the CLI, compiled while `loading` builds the ROME matcher on
    /// its thread (compiling after waiting for it kept the taxonomy off that overlap), then given
    /// the title mapping.
    static func forCLI(count: Int, taxonomy: Taxonomy, rule: DomainRule = DomainRule(),
                       loading: RomeTitleMapping.Loading?) -> [Classifier] {
        var classifiers = (0..<max(1, count)).map { _ in Classifier(taxonomy: taxonomy, rule: rule) }
        let rome = loading?.finish(taxonomy: taxonomy)
        for k in classifiers.indices { classifiers[k].titleMapping = rome }
        return classifiers
    }
}
