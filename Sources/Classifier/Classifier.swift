import FrenchText
import Records
import Taxonomy

/// Turns a raw job title into its canonical form and ROME code.
public protocol TitleMapping: Sendable {
    /// What the title alone gives: its canonical form and, when the title names a ROME
    /// appellation, its code. Depends on nothing else, so the classifier keeps it per title.
    func map(title: String) -> NormalizedTitle
    /// Completes a title-only result with what the competencies found say (a ROME code for a
    /// title that matched none).
    func complete(_ title: NormalizedTitle, competencies: [CompetencyMatch]) -> NormalizedTitle
}

extension TitleMapping {
    /// The whole mapping of one title.
    public func map(title: String, competencies: [CompetencyMatch]) -> NormalizedTitle {
        complete(map(title: title), competencies: competencies)
    }
}

/// Classifies postings and training offers against a compiled taxonomy: competencies with their
/// evidence (span, section, wording, negation), domains by the rule in `DomainRule`, and the
/// normalized job title.
///
/// `Classifier` is immutable and shared by all threads; each thread brings its own `Scratch`.
public struct Classifier: Sendable {
    public let compiled: CompiledTaxonomy
    public var rule: DomainRule
    /// Maps titles to a canonical form and a ROME code (see the Emerging module); without it,
    /// titles are only normalized by `TitleNormalizer`.
    public var titleMapping: (any TitleMapping)?
    let tokenizer: Tokenizer

    public init(taxonomy: Taxonomy, rule: DomainRule = DomainRule()) {
        compiled = CompiledTaxonomy(taxonomy)
        var tokenizer = Tokenizer(vocabulary: compiled.vocabulary)
        // Matches begin only at words that start some wording: the tokenizer lists their tokens.
        tokenizer.marks = compiled.rootNext.map { $0 >= 0 }
        // The matcher reads word ids, never stems.
        tokenizer.keepsStems = false
        self.tokenizer = tokenizer
        self.rule = rule
    }

    /// What kind of record is classified: training offers read their sections differently
    /// (prerequisites do not count as taught competencies).
    public enum Mode: Sendable { case posting, training }

    /// Per-thread working memory, reused from one record to the next.
    public struct Scratch: Sendable {
        var tokens = TokenBuffer()
        var html = HTMLText()
        /// Where each section of the body begins: (first token, section), in order.
        var sections: [(token: Int32, section: Section)] = []
        /// Tokens of the title: `0..<titleCount`; of the source skills: from `extraFirst` on.
        var titleCount: Int32 = 0
        var extraFirst: Int32 = 0
        var hits: [Hit] = []
        /// Competency index of each match `evidence` returned, in the same order.
        var matched: [Int32] = []
        /// `evidence`'s working arrays: byte spans of the hits, their ends to sort, scalar offsets.
        var spans: [(Int, Int)] = []
        var points: [UInt64] = []
        var scalarAt: [Int] = []
        /// The text being classified, as UTF-8.
        var text: [UInt8] = []
        /// Title-only mappings already computed on this thread.
        var titles = TitleCache()
        public init() {}
    }

    struct Hit {
        var pattern: Int32
        var competency: Int32
        var firstToken: Int32
        var lastToken: Int32
        var negated: Bool
    }

    /// Classifies a posting; offsets point into `posting.classifiedText`.
    public func classify(_ posting: Posting, scratch: inout Scratch) -> Classification {
        classify(id: posting.id, title: posting.title, description: posting.description,
                 extra: posting.sourceSkills, mode: .posting, scratch: &scratch)
    }

    /// Classifies `title + "\n" + description` (+ `"\n"` + each extra line, read as source skills).
    public func classify(id: String, title: String, description: String, extra: [String] = [], mode: Mode = .posting,
                         scratch: inout Scratch) -> Classification {
        // The text is assembled in the scratch's byte buffer (moved out while in use, so that it
        // is not copied): no string is allocated per record.
        var text = scratch.text
        scratch.text = []
        text.removeAll(keepingCapacity: true)
        text.append(contentsOf: title.utf8)
        text.append(0x0A)
        text.append(contentsOf: description.utf8)
        let titleEnd = title.utf8.count
        var extraStart = Int.max
        if !extra.isEmpty {
            text.append(0x0A)
            extraStart = text.count
            for (k, line) in extra.enumerated() {
                if k > 0 { text.append(0x0A) }
                text.append(contentsOf: line.utf8)
            }
        }
        let (matches, _) = text.withUnsafeBufferPointer { bytes in
            analyze(bytes, titleEnd: titleEnd, extraStart: extraStart, mode: mode, scratch: &scratch)
        }
        scratch.text = text
        return finish(id: id, title: title, matches: matches, scratch: &scratch)
    }

    func finish(id: String, title: String, matches: [CompetencyMatch], scratch: inout Scratch) -> Classification {
        let (domains, scores) = rule.decide(matches, indices: scratch.matched, compiled: compiled)
        let titleOnly = scratch.titles.value(for: title) { title in
            titleMapping?.map(title: title) ?? NormalizedTitle(normalized: TitleNormalizer.normalize(title))
        }
        let normalized = titleMapping?.complete(titleOnly, competencies: matches) ?? titleOnly
        return Classification(id: id, domains: domains, domainScores: scores, title: normalized,
                              competencies: matches, taxonomyVersion: compiled.version)
    }

    /// Tokenizes, sections and matches `bytes`; returns competency matches with evidence offsets
    /// converted to Unicode scalar offsets into `bytes`.
    func analyze(_ original: UnsafeBufferPointer<UInt8>, titleEnd: Int, extraStart: Int, mode: Mode,
                 scratch: inout Scratch) -> ([CompetencyMatch], Int) {
        let hasHTML = HTMLText.looksLikeHTML(original)
        if hasHTML { scratch.html.convert(original) }
        // Evidence spans in `work` coordinates map back to `original` through the HTML map.
        func run(_ work: UnsafeBufferPointer<UInt8>) -> [CompetencyMatch] {
            tokenizer.tokenize(work, into: &scratch.tokens)
            let wTitleEnd = hasHTML ? scratch.html.workOffset(ofSource: titleEnd) : titleEnd
            let wExtra = hasHTML && extraStart != Int.max ? scratch.html.workOffset(ofSource: extraStart) : extraStart
            assignSections(&scratch, titleEnd: wTitleEnd, extraStart: wExtra, mode: mode)
            match(work, &scratch)
            return evidence(work: work, original: original, hasHTML: hasHTML, scratch: &scratch)
        }
        if hasHTML {
            let bytes = scratch.html.bytes
            return (bytes.withUnsafeBufferPointer { run($0) }, scratch.tokens.count)
        }
        return (run(original), scratch.tokens.count)
    }

    /// Sections from headings: a heading is a known phrase at the start of a line or clause that
    /// ends its line, is followed by `:` or `?`, or is glued to the next sentence (`Profil recherchéVous`).
    /// Only the tokens that start a line or clause are read (the tokenizer lists them); the
    /// result is where each section begins (`Scratch.sections`), read back by `section(of:)`.
    func assignSections(_ s: inout Scratch, titleEnd: Int, extraStart: Int, mode: Mode) {
        s.sections.removeAll(keepingCapacity: true)
        let buffer = s.tokens
        let n = buffer.count
        buffer.tokens.withUnsafeBufferPointer { tokens in
            // The title is a prefix of the tokens, the source skills a suffix.
            var titleCount = 0
            while titleCount < n && Int(tokens[titleCount].start) < titleEnd { titleCount += 1 }
            var extraFirst = n
            if extraStart != Int.max {
                extraFirst = titleCount
                while extraFirst < n && Int(tokens[extraFirst].start) < extraStart { extraFirst += 1 }
            }
            s.titleCount = Int32(titleCount)
            s.extraFirst = Int32(extraFirst)
            var next = titleCount // tokens inside a heading are not read again
            for c in buffer.clauseStarts {
                let i = Int(c)
                if i < next { continue }
                if i >= extraFirst { break }
                guard let (section, length) = heading(at: i, tokens) else { continue }
                var sec = section
                if mode == .training && sec == .profile { sec = .prerequisites }
                if mode == .posting && (sec == .objectives || sec == .content) { sec = .missions }
                if mode == .posting && sec == .prerequisites { sec = .profile }
                s.sections.append((Int32(i), sec))
                next = i + length
            }
        }
    }

    /// The section of token `i` (see `assignSections`).
    func section(of i: Int, _ s: Scratch) -> Section {
        if i < Int(s.titleCount) { return .title }
        if i >= Int(s.extraFirst) { return .sourceSkills }
        var lo = 0, hi = s.sections.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(s.sections[mid].token) <= i { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? .body : s.sections[lo - 1].section
    }

    /// The heading starting at token `i`, with its length in tokens (function words included).
    func heading(at i: Int, _ tokens: UnsafeBufferPointer<Token>) -> (Section, Int)? {
        let n = tokens.count
        var state: Int32 = 0
        var best: (Section, Int)?
        var j = i
        var words = 0
        while j < n, words < 7 {
            let t = tokens[j]
            if j > i && (t.flags.contains(.lineStart) || t.flags.contains(.camelStart)) { break }
            if !t.flags.contains(.skip) {
                let id = t.word
                guard id >= 0 else { break }
                // Out of the root by array (most clause starts begin no heading), then by table.
                let next = state == 0 ? compiled.headingRootNext[Int(id)] : compiled.headingTransitions.next(state, id) ?? -1
                guard next >= 0 else { break }
                state = next
                words += 1
                if let sec = compiled.headingSection[Int(state)] {
                    // What follows must end the heading.
                    let after = j + 1
                    let ends = after >= n || tokens[after].flags.contains(.lineStart)
                        || t.flags.contains(.beforeColon)
                    let glued = after < n && (tokens[after].flags.contains(.camelStart)
                        || tokens[after].flags.contains(.clauseStart))
                    if ends || glued {
                        best = (sec, after - i)
                    }
                }
            }
            j += 1
        }
        return best
    }

    func match(_ work: UnsafeBufferPointer<UInt8>, _ s: inout Scratch) {
        s.hits.removeAll(keepingCapacity: true)
        let buffer = s.tokens
        let rootNext = compiled.rootNext, acceptStart = compiled.acceptStart
        // Accepting states met along one walk of the trie, (state, token index): at most one per
        // word of the longest wording, in stack memory (an array in the scratch was emptied, with
        // a uniqueness check and a call, at every start).
        withUnsafeTemporaryAllocation(of: (Int32, Int).self, capacity: compiled.longestWording + 1) { accepted in
            buffer.tokens.withUnsafeBufferPointer { tokens in
                let n = tokens.count
                // Walks start only at tokens whose word can begin a wording (the tokenizer marked them);
                // they step over function words (`.skip`). A match consumes its words, so starts
                // inside it are passed over.
                var consumedUntil = -1
                for start in buffer.marked {
                    let p = Int(start)
                    let first = tokens[p]
                    if p <= consumedUntil || first.flags.contains(.skip) { continue }
                    var state = rootNext[Int(first.word)]
                    // Accepting states along the walk, longest last.
                    var acceptedCount = 0
                    if acceptStart[Int(state)] < acceptStart[Int(state) + 1] { accepted[0] = (state, p); acceptedCount = 1 }
                    var q = p + 1
                    while q < n {
                        let t = tokens[q]
                        if t.flags.contains(.skip) { q += 1; continue }
                        guard compiled.has(t.word, CompiledTaxonomy.continues),
                              let next = compiled.transitions.next(state, t.word) else { break }
                        state = next
                        if acceptStart[Int(state)] < acceptStart[Int(state) + 1] {
                            // Each step goes one word deeper into the trie: never past the longest wording.
                            precondition(acceptedCount < accepted.count, "trie deeper than its longest wording")
                            accepted[acceptedCount] = (state, q); acceptedCount += 1
                        }
                        q += 1
                    }
                    var consumedTo = -1
                    var a = acceptedCount - 1
                    while a >= 0 {
                        let (st, last) = accepted[a]
                        a -= 1
                        var any = false
                        var blocked = false
                        for k in Int(acceptStart[Int(st)])..<Int(acceptStart[Int(st) + 1]) {
                            let accept = compiled.acceptList[k]
                            if accept.hasGuards {
                                guard guardsPass(Int(accept.pattern), first: p, last: last, tokens: tokens, work: work) else { continue }
                            }
                            if accept.isExclude { blocked = true; break }
                            // Several wordings of one competency can share a path (label and variant): one hit.
                            if any, s.hits.last!.firstToken == Int32(p), s.hits.last!.competency == accept.competency { continue }
                            s.hits.append(Hit(pattern: accept.pattern, competency: accept.competency, firstToken: Int32(p),
                                              lastToken: Int32(last), negated: isNegated(first: p, last: last, tokens: tokens)))
                            any = true
                        }
                        if blocked || any { consumedTo = last; break }
                    }
                    if consumedTo >= 0 { consumedUntil = consumedTo }
                }
            }
        }
    }

    /// Whether the case and context conditions of pattern `pi` hold for the match `first...last`.
    func guardsPass(_ pi: Int, first: Int, last: Int, tokens: UnsafeBufferPointer<Token>,
                    work: UnsafeBufferPointer<UInt8>) -> Bool {
        let pat = compiled.patterns[pi]
        if let originals = pat.originals {
            // The matched words as written, function words stepped over as in the walk.
            var j = first
            for (k, expected) in originals.enumerated() {
                if k > 0 {
                    j += 1
                    while j < last && tokens[j].flags.contains(.skip) { j += 1 }
                }
                guard j <= last else { return false }
                let t = tokens[j]
                let len = Int(t.end - t.start)
                guard len >= expected.count else { return false }
                // Compare the word as written; a trailing inclusive suffix is not part of it.
                for b in 0..<expected.count where work[Int(t.start) + b] != expected[b] { return false }
                if len > expected.count {
                    let next = work[Int(t.start) + expected.count]
                    if (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A || (next >= 0x30 && next <= 0x39) { return false }
                }
            }
        }
        if pat.near.isEmpty && pat.notNear.isEmpty { return true }
        let n = tokens.count
        let lo = max(0, first - Int(pat.window)), hi = min(n - 1, last + Int(pat.window))
        if !pat.notNear.isEmpty {
            for j in lo...hi where j < first || j > last {
                if pat.notNear.contains(tokens[j].word) { return false }
            }
        }
        if !pat.near.isEmpty {
            for j in lo...hi where j < first || j > last {
                if pat.near.contains(tokens[j].word) { return true }
            }
            return false
        }
        return true
    }

    /// Simple negation in the same clause: `sans X`, `aucune connaissance en X`, `pas de X`,
    /// `X non requis`, `X n’est pas nécessaire`.
    func isNegated(first: Int, last: Int, tokens toks: UnsafeBufferPointer<Token>) -> Bool {
        let n = toks.count
        // Before: up to 5 tokens back, stopping at a clause start.
        var j = first
        var steps = 0
        while j > 0 && steps < 5 {
            if toks[j].flags.contains(.clauseStart) { break }
            j -= 1; steps += 1
            let id = toks[j].word
            if compiled.has(id, CompiledTaxonomy.negBefore) {
                if j + 1 < n && compiled.has(toks[j + 1].word, CompiledTaxonomy.negNotAfterSans) { return false }
                return true
            }
            if id == compiled.pasId, j + 1 < n, toks[j + 1].flags.contains(.skip) { return true }
        }
        // After: up to 6 tokens forward in the same clause: (pas|non) + requis/nécessaire…
        var k = last + 1
        steps = 0
        while k < n && steps < 6 {
            if toks[k].flags.contains(.clauseStart) { break }
            if compiled.has(toks[k].word, CompiledTaxonomy.negAfter) {
                let a = k >= 1 ? toks[k - 1].word : -1, b = k >= 2 ? toks[k - 2].word : -1
                if a == compiled.pasId || a == compiled.nonId || b == compiled.pasId || b == compiled.nonId { return true }
            }
            k += 1; steps += 1
        }
        return false
    }

    /// Groups hits by competency and converts offsets to Unicode scalar offsets in `original`.
    func evidence(work: UnsafeBufferPointer<UInt8>, original: UnsafeBufferPointer<UInt8>, hasHTML: Bool,
                  scratch s: inout Scratch) -> [CompetencyMatch] {
        s.matched.removeAll(keepingCapacity: true)
        guard !s.hits.isEmpty else { return [] }
        // Both ends of every span as `offset << 32 | slot` (slots 2k and 2k + 1 for hit k), sorted:
        // one sweep over the text gives each its scalar offset, in scratch arrays (no search, no
        // allocation per record).
        var spans = s.spans, points = s.points, scalarAt = s.scalarAt
        (s.spans, s.points, s.scalarAt) = ([], [], [])
        spans.removeAll(keepingCapacity: true)
        points.removeAll(keepingCapacity: true)
        s.tokens.tokens.withUnsafeBufferPointer { tokens in
            for (k, h) in s.hits.enumerated() {
                let a = Int(tokens[Int(h.firstToken)].start), b = Int(tokens[Int(h.lastToken)].end)
                let span = hasHTML ? (Int(s.html.sourceStart[a]), Int(s.html.sourceEnd[b - 1])) : (a, b)
                spans.append(span)
                points.append(UInt64(span.0) << 32 | UInt64(2 * k))
                points.append(UInt64(span.1) << 32 | UInt64(2 * k + 1))
            }
        }
        points.sort()
        scalarAt.removeAll(keepingCapacity: true)
        scalarAt.append(contentsOf: repeatElement(0, count: points.count))
        var pos = 0, count = 0
        let base = original.baseAddress!
        for point in points {
            let o = Int(point >> 32)
            if o - pos >= 8 {
                let words = (o - pos) / 8
                count += 8 * words - Self.continuationBytes(base + pos, words: words)
                pos += 8 * words
            }
            while pos < o { if original[pos] & 0xC0 != 0x80 { count += 1 }; pos += 1 }
            scalarAt[Int(point & 0xFFFF_FFFF)] = count
        }
        defer { (s.spans, s.points, s.scalarAt) = (spans, points, scalarAt) }
        // Group by competency, in order of first appearance (few competencies per text: linear search).
        var order: [Int32] = []
        var groups: [[Evidence]] = []
        for (k, (h, span)) in zip(s.hits, spans).enumerated() {
            let text = String(decoding: UnsafeBufferPointer(rebasing: original[span.0..<span.1]), as: UTF8.self)
            let competency = h.competency
            let ev = Evidence(start: scalarAt[2 * k], end: scalarAt[2 * k + 1], text: text, section: section(of: Int(h.firstToken), s),
                              negated: h.negated, wording: compiled.wordings[Int(h.pattern)])
            if let g = order.firstIndex(of: competency) { groups[g].append(ev) } else {
                order.append(competency); groups.append([ev])
            }
        }
        s.matched.append(contentsOf: order)
        return zip(order, groups).map { ci, evidence in
            let c = compiled.competencies[Int(ci)]
            return CompetencyMatch(id: c.id, domain: compiled.domains[c.domain], label: c.label, evidence: evidence)
        }
    }
}

extension Classifier {
    /// UTF-8 continuation bytes (`10xxxxxx`) in `8 * words` bytes. Each byte lane of an
    /// accumulator counts them (at most 255 words per round), summed once per round: a
    /// population count per word is a dozen instructions on CPUs without `popcnt`, which the
    /// default x86-64 target assumes.
    @inline(__always) static func continuationBytes(_ p: UnsafePointer<UInt8>, words: Int) -> Int {
        let high: UInt64 = 0x8080_8080_8080_8080, lanes: UInt64 = 0x00FF_00FF_00FF_00FF
        var total = 0, done = 0
        while done < words {
            let round = min(255, words - done)
            var acc: UInt64 = 0
            for k in done..<(done + round) {
                let w = UInt64(littleEndian: UnsafeRawPointer(p + 8 * k).loadUnaligned(as: UInt64.self))
                acc &+= (w & high & ~(w << 1)) >> 7
            }
            // Eight byte lanes → four 16-bit lanes → their sum in the top 16 bits.
            let pairs = (acc & lanes) &+ ((acc >> 8) & lanes)
            total += Int((pairs &* 0x0001_0001_0001_0001) >> 48)
            done += round
        }
        return total
    }
}

extension HTMLText {
    /// The first output offset whose source is at or after `source` (binary search).
    func workOffset(ofSource source: Int) -> Int {
        var lo = 0, hi = sourceStart.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(sourceStart[mid]) < source { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
