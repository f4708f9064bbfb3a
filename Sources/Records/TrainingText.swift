/// The text of a training offer as it is classified: the title, then each non-empty field under
/// a heading the classifier recognizes (« Objectifs : », « Résultats attendus : », « Contenu de
/// la formation : », « Prérequis : »), with the offsets of each field so that evidence can be
/// traced back to the LHEO element it came from.
public struct TrainingText: Sendable, Hashable {
    /// One field of the offer inside the classified text.
    public struct Part: Sendable, Hashable {
        /// The section the field stands for (`titre`, `objectifs`, `contenu`, `prerequis`).
        public var section: Section
        /// The LHEO element name (`contenu-formation`).
        public var field: String
        /// Unicode scalar offsets of the field's own text (heading excluded) in `text`.
        public var start: Int
        public var end: Int
    }

    public var title: String
    /// Everything after the title, headings included.
    public var description: String
    public var parts: [Part]

    /// `title + "\n" + description`: the string evidence offsets point into.
    public var text: String { title + "\n" + description }

    /// Builds the sectioned text; empty fields and LHEO placeholders (`-`) are left out.
    public init(_ offer: TrainingOffer) {
        title = offer.title
        var parts = [Part(section: .title, field: "intitule-formation", start: 0, end: offer.title.unicodeScalars.count)]
        var description = ""
        var offset = parts[0].end + 1
        func add(_ heading: String, _ body: String, _ section: Section, _ field: String) {
            let trimmed = body.trimmingWhitespace
            guard !trimmed.isEmpty, trimmed != "-" else { return }
            let head = (description.isEmpty ? "" : "\n") + heading + "\n"
            description += head
            offset += head.unicodeScalars.count
            let length = body.unicodeScalars.count
            parts.append(Part(section: section, field: field, start: offset, end: offset + length))
            description += body
            offset += length
        }
        add("Objectifs :", offer.objectives, .objectives, "objectif-formation")
        add("Résultats attendus :", offer.expectedResults, .objectives, "resultats-attendus")
        add("Contenu de la formation :", offer.content, .content, "contenu-formation")
        add("Prérequis :", offer.prerequisites, .prerequisites, "conditions-specifiques")
        self.description = description
        self.parts = parts
    }

    /// The field containing the scalar offset `offset` of `text`, if any (headings belong to none).
    public func part(at offset: Int) -> Part? {
        parts.first { offset >= $0.start && offset < $0.end }
    }
}

extension TrainingOffer {
    /// The sectioned text the classifier reads; see `TrainingText`.
    public var classifiedText: TrainingText { TrainingText(self) }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks (no Foundation needed).
    fileprivate var trimmingWhitespace: Substring {
        let u = utf8
        var start = u.startIndex, end = u.endIndex
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        while start < end, isSpace(u[start]) { start = u.index(after: start) }
        while start < end, isSpace(u[u.index(before: end)]) { end = u.index(before: end) }
        return self[start..<end]
    }
}
