import Records

extension Classifier {
    /// Classifies a training offer in `.training` mode over its sectioned text
    /// (`offer.classifiedText`); evidence offsets point into `TrainingText.text`.
    ///
    /// The LHEO structure is authoritative for prerequisites: evidence inside the
    /// `conditions-specifiques` part is marked `prerequis` even when a heading inside that text
    /// (« Programme », « Objectifs ») would have opened another section, and domains are then
    /// decided again, so that what a learner must already know never makes a domain. Headings
    /// inside the other fields (a « Prérequis : » paragraph in `contenu-formation`) are followed.
    public func classify(_ offer: TrainingOffer, scratch: inout Scratch) -> Classification {
        let text = TrainingText(offer)
        var c = classify(id: offer.id, title: text.title, description: text.description, mode: .training,
                         scratch: &scratch)
        guard let prerequisites = text.parts.first(where: { $0.section == .prerequisites }) else { return c }
        var changed = false
        for m in c.competencies.indices {
            for e in c.competencies[m].evidence.indices {
                let ev = c.competencies[m].evidence[e]
                if ev.start >= prerequisites.start, ev.start < prerequisites.end, ev.section != .prerequisites {
                    c.competencies[m].evidence[e].section = .prerequisites
                    changed = true
                }
            }
        }
        if changed { (c.domains, c.domainScores) = rule.decide(c.competencies, compiled: compiled) }
        return c
    }
}
