import FrenchText
import Records
import Taxonomy

/// A taxonomy compiled once into a token-level trie: every wording becomes a path of word ids,
/// so a text is matched in one pass whatever the number of wordings.
public struct CompiledTaxonomy: Sendable {
    struct Pattern: Sendable {
        var competency: Int32
        var isExclude: Bool
        /// Words as written, when the wording is case-sensitive.
        var originals: [[UInt8]]?
        var near: [Int32]
        var notNear: [Int32]
        var window: Int32
        var length: Int32
        var wording: String
        /// Whether the pattern has case or context conditions (`originals`, `near`, `notNear`).
        var hasGuards: Bool { originals != nil || !near.isEmpty || !notNear.isEmpty }
    }

    struct CompetencyInfo: Sendable {
        var id: String
        var domain: Int
        var label: String
        var weight: Double
    }

    let version: String
    /// The taxonomy version recorded with every classification.
    public var versionString: String { version }
    let domains: [String]
    var competencies: [CompetencyInfo] = []
    var vocabulary = WordTable(capacity: 2048)
    var transitions = TransitionTable()
    /// Transitions out of the root state, by word id (-1: none): most words of a text are tried
    /// only there, and an array read is cheaper than a hash probe.
    var rootNext: [Int32] = []
    var patterns: [Pattern] = []
    /// Words of the longest wording: the trie's depth.
    var longestWording = 0
    /// `patterns[i].wording`, packed (16 bytes each, not 64): read for every evidence span.
    var wordings: [String] = []
    /// Patterns accepted at a state: `acceptStart[state]..<acceptStart[state + 1]` in `acceptList`.
    var acceptStart: [Int32] = []
    var acceptList: [Accept] = []

    /// A pattern accepted at a state, with what the matcher decides on before reading the
    /// pattern itself (patterns are 64 bytes each, 200 KB in all: reading one was a cache miss
    /// for every accepting state met).
    struct Accept: Sendable {
        var pattern: Int32
        var competency: Int32
        var isExclude: Bool
        var hasGuards: Bool
    }
    var stateCount: Int32 = 1

    // Headings: a second trie over the same word ids.
    var headingTransitions = TransitionTable()
    /// Section opened by a heading that ends at this heading-trie state.
    var headingSection: [Section?] = []
    var headingStates: Int32 = 1
    /// Heading-trie transitions out of the root, by word id (-1: none).
    var headingRootNext: [Int32] = []

    // Negation cues, as bits per word id (no hashing on the hot path).
    static let negBefore: UInt8 = 1, negNotAfterSans: UInt8 = 2, negAfter: UInt8 = 4
    /// The word is the second or a later word of some wording: the matcher probes the
    /// transition table for a word only when it has this bit.
    static let continues: UInt8 = 8
    var wordFlags: [UInt8] = []
    var pasId: Int32 = -1
    var nonId: Int32 = -1
    /// Index in `competencies` of each competency id.
    var indexByID: [String: Int32] = [:]

    /// Compiles a taxonomy. The cost is paid once per process (milliseconds for thousands of wordings).
    public init(_ taxonomy: Taxonomy) {
        version = taxonomy.version.description
        domains = taxonomy.domains.map(\.id)
        var accepts: [Int32: [Int32]] = [:]
        var continuing: Set<Int32> = []
        for (ci, c) in taxonomy.competencies.enumerated() {
            competencies.append(CompetencyInfo(id: c.id, domain: domains.firstIndex(of: c.domain) ?? 0, label: c.label,
                                               weight: c.weight == .core ? 1 : 0.5))
            for w in c.wordings + c.excludes {
                let near = w.near.flatMap { internWords($0) }
                let notNear = w.notNear.flatMap { internWords($0) }
                for form in w.forms {
                    let ids = form.stems.map { vocabulary.intern(Array($0.utf8)) }
                    continuing.formUnion(ids.dropFirst())
                    var state: Int32 = 0
                    for id in ids {
                        if let next = transitions.next(state, id) { state = next } else {
                            transitions.set(state, id, stateCount); state = stateCount; stateCount += 1
                        }
                    }
                    let p = Pattern(competency: Int32(ci), isExclude: w.kind == .exclude,
                                    originals: w.caseSensitive ? form.originals.map { Array($0.utf8) } : nil,
                                    near: near, notNear: notNear, window: Int32(w.window), length: Int32(ids.count),
                                    wording: w.text)
                    accepts[state, default: []].append(Int32(patterns.count))
                    patterns.append(p)
                }
            }
        }
        for (k, c) in competencies.enumerated() { indexByID[c.id] = Int32(k) }
        wordings = patterns.map(\.wording)
        longestWording = Int(patterns.map(\.length).max() ?? 0)
        acceptStart = [Int32](repeating: 0, count: Int(stateCount) + 1)
        for s in 0..<Int(stateCount) {
            acceptStart[s] = Int32(acceptList.count)
            // Excludes first: where an exclusion matches, it wins over the variants it contains.
            let list = (accepts[Int32(s)] ?? []).sorted { (patterns[Int($0)].isExclude ? 0 : 1, $0) < (patterns[Int($1)].isExclude ? 0 : 1, $1) }
            acceptList += list.map {
                let p = patterns[Int($0)]
                return Accept(pattern: $0, competency: p.competency, isExclude: p.isExclude, hasGuards: p.hasGuards)
            }
        }
        acceptStart[Int(stateCount)] = Int32(acceptList.count)

        var headingMap: [Int32: Section] = [:]
        for (phrase, section) in Headings.list {
            guard let form = Wording(text: phrase, kind: .variant).forms.first else { continue }
            var state: Int32 = 0
            for stem in form.stems {
                let id = vocabulary.intern(Array(stem.utf8))
                if let next = headingTransitions.next(state, id) { state = next } else {
                    headingTransitions.set(state, id, headingStates); state = headingStates; headingStates += 1
                }
            }
            if headingMap[state] == nil { headingMap[state] = section }
        }
        headingSection = (0..<Int(headingStates)).map { headingMap[Int32($0)] }
        let negationBefore = Set(["sans", "aucun", "aucune", "aucuns", "aucunes", "ni", "jamais"].flatMap { internWords($0) })
        let negationNotAfterSans = Set(["oublier", "doute", "exception", "compter", "cesse", "oubli", "relâche"].flatMap { internWords($0) })
        pasId = internWords("pas").first ?? -1
        nonId = internWords("non").first ?? -1
        let negationAfter = Set(["requis", "requise", "requises", "nécessaire", "nécessaires", "indispensable", "indispensables",
                             "obligatoire", "obligatoires", "exigé", "exigée", "exigés", "exigées", "demandé", "demandée",
                             "demandés", "demandées", "prérequis", "attendu", "attendue", "attendus", "attendues"]
            .flatMap { internWords($0) })
        wordFlags = [UInt8](repeating: 0, count: vocabulary.count)
        for id in negationBefore { wordFlags[Int(id)] |= Self.negBefore }
        for id in negationNotAfterSans { wordFlags[Int(id)] |= Self.negNotAfterSans }
        for id in negationAfter { wordFlags[Int(id)] |= Self.negAfter }
        for id in continuing { wordFlags[Int(id)] |= Self.continues }
        rootNext = (0..<Int32(vocabulary.count)).map { transitions.next(0, $0) ?? -1 }
        headingRootNext = (0..<Int32(vocabulary.count)).map { headingTransitions.next(0, $0) ?? -1 }
    }

    @inline(__always) func has(_ id: Int32, _ flag: UInt8) -> Bool { id >= 0 && wordFlags[Int(id)] & flag != 0 }

    /// Word ids of a phrase, stemmed like texts; function words kept.
    private mutating func internWords(_ phrase: String) -> [Int32] {
        let buf = Tokenizer().tokenize(phrase)
        return (0..<buf.count).map { vocabulary.intern(Array(buf.stem($0).utf8)) }
    }

    /// Number of distinct words the matcher knows.
    public var vocabularySize: Int { vocabulary.count }
    /// Number of compiled wording forms (variants, acronyms, labels, exclusions).
    public var patternCount: Int { patterns.count }
}
