import Emerging
import Foundation
import Taxonomy

/// What the emerging pages need besides `Site`: the taxonomy (phrases it covers are not emerging
/// terms), the ROME 4.0 matcher, and the cache of analyses. Read once when the routes are built,
/// from the repository root next to `web/` (`Taxonomy/`, `Data/rome/`).
struct EmergingContext: Sendable {
    let taxonomy: Taxonomy?
    let matcher: RomeMatcher?
    let cache: EmergingCache

    init(root: URL, cacheCapacity: Int = 32) {
        taxonomy = try? TaxonomyLoader(directory: root.appendingPathComponent("Taxonomy")).load().0
        matcher = try? RomeMatcher.load(directory: root.appendingPathComponent(RomeReference.defaultDirectory)) { warning in
            FileHandle.standardError.write(Data("avertissement : \(warning)\n".utf8))
        }
        cache = EmergingCache(capacity: cacheCapacity)
    }

    /// ROME codes of a competency (`rome:` keys of the taxonomy).
    func romeCodes(of competency: String) -> [String] {
        taxonomy?.competencies.first { $0.id == competency }?.rome ?? []
    }
}
