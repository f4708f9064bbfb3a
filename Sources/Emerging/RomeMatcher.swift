import Classifier
import FrenchText
import Dispatch
import Foundation
import Synchronization
import Records
import Taxonomy

/// Maps job titles to ROME 4.0 appellations.
///
/// A title and every appellation label (masculine and feminine) go through the same key:
/// `TitleNormalizer.normalize`, the ROME feminine→masculine map, then FrenchText tokens with
/// function words dropped and light stems (so `Développeuse` = `développeur`, `données` = `donnée`).
///
/// 1. **Exact**: the title's key equals an appellation's key → confidence 1.
/// 2. **Fuzzy**: IDF-weighted Dice similarity of the two stem sets,
///    `2·W(shared) / (W(title) + W(appellation))`, where `W` sums `idf(t) = ln(1 + N / df(t))`
///    over the appellations. Token sets, not character trigrams: posting titles reorder and add
///    words (`Administrateur Système Windows expérimenté`), and IDF keeps generic head words
///    (`chargé`, `responsable`, `agent`) from deciding alone while rare words (`pentest`,
///    `déchetterie`) do. Title words unknown to the ROME weigh `unknownWeight` (half a rare word):
///    they lower the score without vetoing it. Accepted at `minimumFuzzy` (0.5); the score is the
///    confidence.
/// 3. **Competencies**: no title match; the ROME codes (`rome:` keys) of the competencies the
///    classifier found, weighted by evidence; confidence `0.4 × share of the winning code`, so
///    always below any title match.
public struct RomeMatcher: Sendable {
    public let reference: RomeReference
    public let feminine: FeminineMap
    /// Fuzzy matches below this similarity are rejected.
    public var minimumFuzzy: Double = 0.5
    /// Weight of a title word that no appellation contains.
    public let unknownWeight: Double

    /// Appellation index by exact key: the stem ids of a label, in title order.
    let exact: [[Int32]: Int32]
    /// Stem ids of each appellation key (masculine form; the feminine key has the same stems).
    let appellationStems: [[Int32]]
    let appellationWeight: [Double]
    /// Appellations containing each stem id.
    let postings: [[Int32]]
    /// IDF of each stem id; -1 for a stem met only in a feminine label (it weighs as unknown).
    let idf: [Double]
    /// Every stem of every label; the title tokenizer numbers title words with it, so that a
    /// title is matched on ids without making a string per word.
    let words: WordTable
    let tokenizer: Tokenizer
    /// Per-title working memory (zeroed per-appellation weights, a token buffer), reused from one
    /// title to the next by any thread.
    let workspaces: WorkspacePool

    /// Words of posting titles that never name the job (seniority, contract, place noise).
    static let titleNoise: Set<String> = ["senior", "junior", "confirme", "experimente", "debutant", "h", "f",
                                          "x", "hf", "fh", "cdi", "cdd", "stage", "stagiaire", "alternance", "alternant",
                                          "apprenti", "interim", "freelance", "bac", "nb", "urgent", "poste", "offre"]

    /// Computes the title index from the labels (≈ 0.4 s of CPU; `RomeTitleIndex.load` reads it
    /// precomputed).
    public init(reference: RomeReference) {
        self.init(reference: reference, index: RomeTitleIndex(reference: reference))
    }

    /// A matcher over `reference` with its title index, computed or read from a file.
    public init(reference: RomeReference, index: RomeTitleIndex) {
        precondition(index.labels.count == reference.appellations.count, "index of other appellations")
        self.reference = reference
        self.feminine = index.feminine
        var words = WordTable(capacity: 16_384)
        var exact: [[Int32]: Int32] = [:]
        var stemsList: [[Int32]] = []
        var df: [Int] = []
        exact.reserveCapacity(index.labels.count + index.labels.count / 8)
        stemsList.reserveCapacity(index.labels.count)
        for (i, label) in index.labels.enumerated() {
            var ids: [Int32] = []
            // Most labels read the same in both genders once made masculine: one key then.
            for stems in label.feminine == label.masculine ? [label.masculine] : [label.masculine, label.feminine] {
                let key = stems.map { words.intern(Array($0.utf8)) }
                while df.count < words.count { df.append(0) }
                if !key.isEmpty, exact[key] == nil { exact[key] = Int32(i) }
                if ids.isEmpty {
                    // In stem order, as the weights have always been summed.
                    var previous: String?
                    for s in stems.sorted() where s != previous {
                        previous = s
                        ids.append(words.intern(Array(s.utf8)))
                    }
                }
            }
            for id in ids { df[Int(id)] += 1 }
            stemsList.append(ids)
        }
        let n = Double(reference.appellations.count)
        let idf = df.map { $0 == 0 ? -1 : log(1 + n / Double($0)) }
        var postings = [[Int32]](repeating: [], count: idf.count)
        for (i, ids) in stemsList.enumerated() { for id in ids { postings[Int(id)].append(Int32(i)) } }
        self.words = words; self.exact = exact; self.appellationStems = stemsList; self.idf = idf
        self.postings = postings
        self.appellationWeight = stemsList.map { $0.reduce(0) { $0 + idf[Int($1)] } }
        self.workspaces = WorkspacePool(count: stemsList.count)
        self.unknownWeight = log(1 + n) / 2
        self.tokenizer = Tokenizer(vocabulary: words)
    }

    /// The matching key of a title: light stems of its content words, in order.
    public func key(_ title: String) -> String {
        Self.stems(of: title, feminine: feminine, dropNoise: true).joined(separator: " ")
    }

    /// `transform` over `items` on every core, results in order.
    static func concurrentMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, items.count / 256))
        let parts = Mutex([[R]](repeating: [], count: chunks))
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let range = (items.count * c / chunks)..<(items.count * (c + 1) / chunks)
            let out = items[range].map(transform)
            parts.withLock { $0[c] = out }
        }
        return parts.withLock { $0.flatMap { $0 } }
    }

    /// Stems of the content words of a title.
    static func stems(of title: String, feminine: FeminineMap, dropNoise: Bool) -> [String] {
        stems(ofNormalized: feminine.masculinize(TitleNormalizer.normalize(title)), dropNoise: dropNoise)
    }

    /// Stems of the content words of a title already normalized and made masculine.
    static func stems(ofNormalized normalized: String, dropNoise: Bool) -> [String] {
        let buf = Tokenizer().tokenize(normalized)
        var out: [String] = []
        for i in 0..<buf.count {
            let t = buf.tokens[i]
            if t.flags.contains(.skip) { continue }
            if dropNoise && isNoise(buf, i) { continue }
            let stem = buf.stem(i)
            // `Développeur / Développeuse web` normalizes to `développeur - développeur web`.
            if !out.contains(stem) { out.append(stem) }
        }
        return out
    }

    /// `titleNoise` as a table, for look-ups on the folded bytes of a token.
    static let noiseKeys: WordTable = {
        var table = WordTable(capacity: 64)
        for w in titleNoise { _ = table.intern(Array(w.utf8)) }
        return table
    }()

    /// Whether token `i` never names the job: a `titleNoise` word, or a number (`75`, `2+`).
    static func isNoise(_ buf: TokenBuffer, _ i: Int) -> Bool {
        let t = buf.tokens[i]
        return buf.folded.withUnsafeBufferPointer { folded in
            let key = UnsafeBufferPointer(rebasing: folded[Int(t.keyStart)..<Int(t.keyEnd)])
            if noiseKeys.lookup(key) != nil || key.allSatisfy({ $0 &- 0x30 < 10 || $0 == 0x2B }) { return true }
            // Numerals beyond ASCII (`²`, `½`) count as numbers too.
            return key.contains(where: { $0 >= 0x80 }) && buf.key(i).allSatisfy { $0.isNumber || $0 == "+" }
        }
    }

    /// Maps a title: exact, then fuzzy; nil when neither reaches `minimumFuzzy`.
    public func match(title: String) -> RomeMatch? {
        match(normalized: feminine.masculinize(TitleNormalizer.normalize(title)))
    }

    /// `match(title:)` for a title already through `TitleNormalizer.normalize` and
    /// `feminine.masculinize` (the classifier has that form at hand).
    public func match(normalized: String) -> RomeMatch? {
        // A pooled token buffer and weights (a new buffer per title allocated its arrays each time).
        var work = workspaces.take()
        defer { workspaces.give(work) }
        var text = normalized
        text.withUTF8 { tokenizer.tokenize($0, into: &work.tokens) }
        let buf = work.tokens
        // The title's content words in order, each once, as in `stems(ofNormalized:)`: a stem
        // id when some label has the stem, else the stem itself.
        var unknown: [String] = []
        var order: [Int32] = [] // ≥ 0: a known id; < 0: -(index in `unknown`) - 1
        for i in 0..<buf.count where !buf.tokens[i].flags.contains(.skip) && !Self.isNoise(buf, i) {
            let word = buf.tokens[i].word
            if word >= 0 {
                if !order.contains(word) { order.append(word) }
            } else {
                let stem = buf.stem(i)
                if !unknown.contains(stem) { unknown.append(stem); order.append(-Int32(unknown.count)) }
            }
        }
        guard !order.isEmpty else { return nil }
        if unknown.isEmpty, let i = exact[order] {
            let a = reference.appellations[Int(i)]
            return RomeMatch(code: a.code, appellation: a.masculine, confidence: 1, method: .exact)
        }
        // Summed in title order; words no appellation has (or only a feminine label) weigh `unknownWeight`.
        var ids: [Int32] = []
        var titleWeight = 0.0
        for id in order {
            if id >= 0, idf[Int(id)] >= 0 { ids.append(id); titleWeight += idf[Int(id)] } else { titleWeight += unknownWeight }
        }
        // Shared weight per appellation in a dense array (a dictionary grew and hashed for every
        // appellation of a common word such as `agent`), with the list of those touched.
        let shared = work.weights
        var touched: [Int32] = []
        defer {
            // Back to all zeros for the next title (clearing 13,120 weights per title cost more
            // than the scoring).
            for a in touched { shared[Int(a)] = 0 }
        }
        for id in ids {
            let w = idf[Int(id)]
            for a in postings[Int(id)] {
                if shared[Int(a)] == 0 { touched.append(a) }
                shared[Int(a)] += w
            }
        }
        var best: (score: Double, index: Int32)?
        for a in touched {
            let score = 2 * shared[Int(a)] / (titleWeight + appellationWeight[Int(a)])
            if best == nil || score > best!.score + 1e-12
                || (abs(score - best!.score) <= 1e-12 && a < best!.index) { best = (score, a) }
        }
        guard let best, best.score >= minimumFuzzy else { return nil }
        let a = reference.appellations[Int(best.index)]
        return RomeMatch(code: a.code, appellation: a.masculine, confidence: min(best.score, 0.99), method: .fuzzy)
    }

    /// Maps a classified posting: its title first, else the ROME codes of its competencies.
    public func match(title: String, competencies: [CompetencyMatch], taxonomy: Taxonomy) -> RomeMatch? {
        if let m = match(title: title) { return m }
        let byID = Dictionary(taxonomy.competencies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return vote(competencies.map { m in
            (codes: byID[m.id]?.rome ?? [], weight: Double(m.evidence.filter { !$0.negated }.count))
        })
    }

    /// The ROME code that weighted votes point to most (each vote split evenly among its codes),
    /// with a confidence of at most 0.4: a weak signal, for titles that name no appellation.
    /// Ties go to the smallest code. Sums run in the votes' order, so that the same votes give the
    /// same confidence to the last bit (summed in a dictionary's order, which changes from one
    /// process to the next, a confidence near a rounding boundary came out 0.16 or 0.17).
    public func vote(_ votes: [(codes: [String], weight: Double)]) -> RomeMatch? {
        var score: [String: Double] = [:]
        var codes: [String] = []
        var total = 0.0
        for v in votes where !v.codes.isEmpty {
            let share = v.weight / Double(v.codes.count)
            for code in v.codes {
                if score[code] == nil { codes.append(code) }
                score[code, default: 0] += share
                total += share
            }
        }
        guard total > 0, let top = codes.max(by: { (score[$0]!, $1) < (score[$1]!, $0) }) else { return nil }
        return RomeMatch(code: top, appellation: reference.fiches[top] ?? top, confidence: 0.4 * score[top]! / total,
                         method: .competencies)
    }
}

/// Working memory for one title match — zero-filled `Double` weights of one size and a token
/// buffer — taken and given back around each use, so that it is allocated once per thread that
/// needs it rather than once per title. Weights must be given back zero-filled.
final class WorkspacePool: Sendable {
    /// Memory owned by the pool or by the one caller that took it.
    struct Workspace: @unchecked Sendable {
        let weights: UnsafeMutableBufferPointer<Double>
        var tokens = TokenBuffer(reusedForShortTexts: true)
    }
    let count: Int
    private let free = Mutex<[Workspace]>([])

    init(count: Int) { self.count = count }

    func take() -> Workspace {
        if let b = free.withLock({ $0.popLast() }) { return b }
        let b = UnsafeMutableBufferPointer<Double>.allocate(capacity: count)
        b.initialize(repeating: 0)
        return Workspace(weights: b)
    }

    func give(_ workspace: Workspace) {
        free.withLock { $0.append(workspace) }
    }

    deinit {
        free.withLock { for w in $0 { w.weights.deallocate() } }
    }
}
