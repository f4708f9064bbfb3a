import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Records

/// Reads LHEO 2.2 and 2.3 training offers (`lheo` → `offres` → `formation` → `action` →
/// `session`), with or without namespace, as a stream: one `TrainingOffer` per `<formation>`
/// is handed over as soon as the element closes; no tree of the file is built.
///
/// Hostile input is refused, never expanded: any `<!DOCTYPE` (hence entity declarations,
/// « billion laughs », XXE) stops the file with a `non-pris-en-charge` error before the parser
/// sees it; inside an offer, nesting deeper than `Limits.maxDepth`, a text field over
/// `Limits.maxFieldBytes`, or more than `Limits.maxOfferBytes` of text or
/// `Limits.maxElementsPerOffer` elements rejects that offer (`trop-volumineux`) and reading goes
/// on (too deep outside an offer stops the file). Malformed or truncated XML stops reading with
/// an `xml-invalide` error at its line; offers already handed over stay valid. UTF-16/32 input is
/// refused (`encodage-invalide`); encodings declared in the XML declaration (ISO-8859-1) are read.
///
/// Invalid codes (Formacode not 5 digits, ROME not a letter and 4 digits, RNCP/RS not digits
/// with an optional `RNCP`/`RS` prefix, NSF, SIRET, dates) do not reject the offer: the code is
/// dropped and a warning (`champ-invalide`) is listed in `Summary.warnings`. Warnings are not
/// rejects: the offer itself is sound.
///
/// `read` pushes results to a closure on the calling thread; `offers(path:)` gives pull access
/// (`next()`, like the other readers) with parsing on a thread of its own.
///
/// For example:
/// ```swift
/// let summary = try LHEOReader().read(path: "offres.xml") { result in
///     switch result {
///     case .success(let offer): batch.append(offer)
///     case .failure(let error): rejects.append(error)
///     }
/// }
/// ```
public struct LHEOReader: Sendable {
    /// Bounds that keep memory and time proportional to one offer, whatever the file.
    public struct Limits: Sendable, Hashable {
        /// Deepest element nesting accepted (LHEO itself needs about 10).
        public var maxDepth = 64
        /// Largest text of one element, in UTF-8 bytes.
        public var maxFieldBytes = 1 << 20
        /// Largest total text of one `<formation>`, in UTF-8 bytes.
        public var maxOfferBytes = 10 << 20
        /// Elements inside one `<formation>` (empty elements carry no text for the byte bounds).
        public var maxElementsPerOffer = 100_000
        /// Warnings kept in `Summary.warnings` (all are counted in `warningCount`).
        public var maxWarnings = 10_000
        public init() {}
    }

    /// What a read did, once the file is done.
    public struct Summary: Sendable, Hashable {
        /// Offers handed over as `.success`.
        public var offers = 0
        /// Offers handed over as `.failure` (too large, no title), fatal file error excluded.
        public var rejected = 0
        /// The error that stopped the file early (DTD, malformed or truncated XML), also handed
        /// over as the last `.failure`.
        public var fatal: RecordError?
        /// Dropped invalid codes, at most `Limits.maxWarnings`.
        public var warnings: [RecordError] = []
        public var warningCount = 0
        /// `2.2`, `2.3`, another namespace URI, or nil when the file has no namespace.
        public var version: String?
        /// Bytes read from the input.
        public var bytes = 0
        public init() {}
    }

    /// Value of `TrainingOffer.source` for the offers read.
    public var source: String
    public var limits: Limits

    public init(source: String = "lheo", limits: Limits = Limits()) {
        self.source = source
        self.limits = limits
    }

    /// Reads the file at `path`; errors and offers are named after its last path component.
    public func read(path: String, _ body: (Result<TrainingOffer, RecordError>) throws -> Void) throws -> Summary {
        let name = (path as NSString).lastPathComponent
        guard let stream = InputStream(fileAtPath: path), FileManager.default.isReadableFile(atPath: path) else {
            let error = RecordError(code: .unsupported, file: name, reason: "fichier illisible ou absent")
            try body(.failure(error))
            var s = Summary()
            s.fatal = error
            return s
        }
        return try read(stream: stream, file: name, body)
    }

    /// Reads LHEO from `stream`. `body` gets each offer (or its rejection) in file order, and
    /// last the fatal error if one stopped the file. An error thrown by `body` stops reading
    /// and is rethrown.
    public func read(stream: InputStream, file: String,
                     _ body: (Result<TrainingOffer, RecordError>) throws -> Void) throws -> Summary {
        try withoutActuallyEscaping(body) { emit in
            let guardStream = LHEOGuardStream(base: stream)
            let delegate = LHEOParserDelegate(file: file, source: source, limits: limits, guardStream: guardStream,
                                              emit: emit)
            let parser = XMLParser(stream: guardStream)
            parser.shouldProcessNamespaces = true
            parser.shouldResolveExternalEntities = false
            parser.externalEntityResolvingPolicy = .never
            parser.delegate = delegate
            _ = parser.parse()
            parser.delegate = nil

            if let error = delegate.bodyError { throw error }
            var summary = Summary()
            summary.offers = delegate.offers
            summary.rejected = delegate.rejected
            summary.warnings = delegate.warnings
            summary.warningCount = delegate.warningCount
            summary.version = delegate.version
            summary.bytes = guardStream.bytesRead
            summary.fatal = fatalError(delegate, guardStream, parser, file: file)
            if let fatal = summary.fatal { try emit(.failure(fatal)) }
            return summary
        }
    }

    /// Reads a whole file into memory (tests and small files): offers, rejects, summary.
    public func readAll(path: String) throws -> (offers: [TrainingOffer], errors: [RecordError], summary: Summary) {
        var offers: [TrainingOffer] = [], errors: [RecordError] = []
        let summary = try read(path: path) { r in
            switch r {
            case .success(let o): offers.append(o)
            case .failure(let e): errors.append(e)
            }
        }
        return (offers, errors, summary)
    }

    /// Reads LHEO from memory (tests).
    public func readAll(data: Data, file: String) throws -> (offers: [TrainingOffer], errors: [RecordError], summary: Summary) {
        var offers: [TrainingOffer] = [], errors: [RecordError] = []
        let summary = try read(stream: InputStream(data: data), file: file) { r in
            switch r {
            case .success(let o): offers.append(o)
            case .failure(let e): errors.append(e)
            }
        }
        return (offers, errors, summary)
    }

    private func fatalError(_ d: LHEOParserDelegate, _ g: LHEOGuardStream, _ parser: XMLParser, file: String) -> RecordError? {
        let record = d.inOffer ? d.recordIndex : nil
        switch g.violation {
        case .doctype?, .entity?:
            return RecordError(code: .unsupported, file: file, line: g.violationLine, record: record, field: "DOCTYPE",
                               reason: "déclaration de type de document (DOCTYPE) refusée : les DTD et les entités ne sont "
                                   + "pas acceptées (protection contre XXE et « billion laughs ») ; fichier ignoré à partir de cette ligne")
        case .encoding?:
            return RecordError(code: .invalidEncoding, file: file, line: 1,
                               reason: "encodage non pris en charge : UTF-8 attendu (UTF-16 et UTF-32 refusés)")
        case .undefinedByte(let byte, let encoding)?:
            return RecordError(code: .invalidEncoding, file: file, line: g.violationLine, record: record,
                               reason: "octet 0x\(String(byte, radix: 16, uppercase: true)) non défini dans l’encodage déclaré "
                                   + "« \(encoding) » ; fichier ignoré à partir de cette ligne")
        case .declarationTooLong?:
            return RecordError(code: .malformedXML, file: file, line: 1,
                               reason: "déclaration XML non fermée (« ?> » absent des \(LHEOGuardStream.maxDeclaration) premiers octets) ; fichier ignoré")
        case .emptyProcessingInstruction?:
            return RecordError(code: .malformedXML, file: file, line: g.violationLine, record: record,
                               reason: "instruction de traitement sans contenu (« <?nom?> ») refusée ; "
                                   + "fichier ignoré à partir de cette ligne")
        case .declaredEncoding(let name)?:
            return RecordError(code: .invalidEncoding, file: file, line: 1, field: "encoding",
                               reason: "encodage déclaré « \(name) » non pris en charge : UTF-8, ISO-8859-1, "
                                   + "ISO-8859-15 ou Windows-1252 attendu ; fichier ignoré")
        case nil: break
        }
        if let fatal = d.fatal { return fatal }
        if g.readFailed {
            return RecordError(code: .unsupported, file: file, line: parser.lineNumber, record: record,
                               reason: "lecture interrompue par une erreur d’entrée-sortie ; les offres déjà lues sont gardées")
        }
        if !d.sawRoot {
            return RecordError(code: .malformedXML, file: file, line: parser.lineNumber,
                               reason: "fichier vide ou sans élément racine")
        }
        if !d.rootClosed {
            return RecordError(code: .malformedXML, file: file, line: parser.lineNumber, record: record,
                               reason: "fichier tronqué : la fin du fichier arrive avant la fermeture des éléments ouverts ; "
                                   + "les offres déjà lues sont gardées")
        }
        return nil
    }
}
