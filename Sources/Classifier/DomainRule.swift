import Records

extension Section {
    /// Position in `Section.allCases`, without hashing.
    var ordinal: Int {
        switch self {
        case .title: 0
        case .body: 1
        case .missions: 2
        case .profile: 3
        case .company: 4
        case .benefits: 5
        case .process: 6
        case .objectives: 7
        case .content: 8
        case .prerequisites: 9
        case .sourceSkills: 10
        }
    }
}

/// The documented, explainable rule that turns competencies into domains.
///
/// Each competency found (negated evidence excluded) contributes
/// `weight × best section weight + repeat bonus`, where `weight` is 1 for a core competency and
/// 0.5 for a support one, the section weight is 3 in the title, 1 in the body, missions, profile
/// or the source's own skill list, and 0 in company presentation, benefits and recruitment
/// process (boilerplate never makes a domain by itself), and each further evidence in a counting
/// section adds `repeatBonus × weight`, up to `maxRepeats` times. A domain is kept when its
/// score reaches `threshold`.
public struct DomainRule: Sendable {
    public var threshold: Double
    public var repeatBonus: Double
    public var maxRepeats: Int
    public var sectionWeights: [Section: Double]

    public init(threshold: Double = 2, repeatBonus: Double = 0.25, maxRepeats: Int = 2,
                sectionWeights: [Section: Double] = DomainRule.defaultSectionWeights) {
        self.threshold = threshold; self.repeatBonus = repeatBonus; self.maxRepeats = maxRepeats
        self.sectionWeights = sectionWeights
        weights = Section.allCases.map { sectionWeights[$0] ?? 1 }
    }

    /// `sectionWeights` by `Section.ordinal`, for the hot path.
    let weights: [Double]

    public static let defaultSectionWeights: [Section: Double] = [
        .title: 3, .body: 1, .missions: 1, .profile: 1, .sourceSkills: 1,
        .company: 0, .benefits: 0, .process: 0,
        .objectives: 1, .content: 1, .prerequisites: 0,
    ]

    /// Scores per domain and the domains kept, in taxonomy order.
    func decide(_ matches: [CompetencyMatch], compiled: CompiledTaxonomy) -> ([String], [String: Double]) {
        decide(matches, indices: matches.map { compiled.indexByID[$0.id] ?? -1 }, compiled: compiled)
    }

    /// `decide` for matches whose competency indices in `compiled` are known (`indices[k]` is
    /// that of `matches[k]`; -1 for a competency the taxonomy does not have, weighing 1): no
    /// string is hashed per match.
    func decide(_ matches: [CompetencyMatch], indices: [Int32], compiled: CompiledTaxonomy) -> ([String], [String: Double]) {
        guard !matches.isEmpty else { return ([], [:]) }
        var perDomain = [Double](repeating: 0, count: compiled.domains.count)
        var touched = [Bool](repeating: false, count: compiled.domains.count)
        var scores: [String: Double] = [:]
        var unknown = false
        for k in 0..<min(matches.count, indices.count) {
            let ci = indices[k]
            let weight = ci >= 0 ? compiled.competencies[Int(ci)].weight : 1
            var best = 0.0
            var counted = 0
            // Fields read in place (`pointee` borrows): copying each match and each span retained
            // their strings.
            matches.withUnsafeBufferPointer { ms in
                (ms.baseAddress! + k).pointee.evidence.withUnsafeBufferPointer { evidence in
                    for j in evidence.indices {
                        let e = evidence.baseAddress! + j
                        guard !e.pointee.negated else { continue }
                        let w = weights[e.pointee.section.ordinal]
                        if w > 0 { counted += 1 }
                        best = max(best, w)
                    }
                }
            }
            guard best > 0 else { continue }
            let score = weight * best + repeatBonus * weight * Double(min(max(counted - 1, 0), maxRepeats))
            if ci >= 0 {
                let d = compiled.competencies[Int(ci)].domain
                perDomain[d] += score; touched[d] = true
            } else {
                scores[matches[k].domain, default: 0] += score
                unknown = true
            }
        }
        for d in compiled.domains.indices where touched[d] { scores[compiled.domains[d], default: 0] += perDomain[d] }
        if unknown { return (compiled.domains.filter { (scores[$0] ?? 0) >= threshold }, scores) }
        let kept = compiled.domains.indices.filter { (touched[$0] ? perDomain[$0] : 0) >= threshold }.map { compiled.domains[$0] }
        return (kept, scores)
    }
}
