import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Records

/// The SAX side of `LHEOReader`: follows the element stack, hands leaf texts to an
/// `LHEOOfferBuilder`, and emits one result per `<formation>` as soon as it closes, so memory
/// stays bounded by the largest offer (itself bounded by `Limits`).
final class LHEOParserDelegate: NSObject, XMLParserDelegate {
    let file: String
    let source: String
    let limits: LHEOReader.Limits
    let emit: (Result<TrainingOffer, RecordError>) throws -> Void
    let guardStream: LHEOGuardStream

    private var stack: [String] = []
    private var depth = 0
    private(set) var rootClosed = false
    private(set) var sawRoot = false
    private(set) var version: String?

    private var builder: LHEOOfferBuilder?
    private var formationDepth = 0
    private(set) var recordIndex = 0
    private var offerBytes = 0
    private var offerElements = 0
    /// Set when the current offer broke a limit: the rest of it is skipped, then it is rejected.
    private var oversize: RecordError?

    private var field: LHEOOfferBuilder.Field?
    private var element = ""
    private var text = ""
    private var fieldBytes = 0
    private var fieldLine = 0

    private(set) var offers = 0
    private(set) var rejected = 0
    private(set) var warnings: [RecordError] = []
    private(set) var warningCount = 0
    private(set) var fatal: RecordError?
    private(set) var bodyError: (any Error)?

    init(file: String, source: String, limits: LHEOReader.Limits, guardStream: LHEOGuardStream,
         emit: @escaping (Result<TrainingOffer, RecordError>) throws -> Void) {
        self.file = file; self.source = source; self.limits = limits; self.guardStream = guardStream
        self.emit = emit
    }

    /// Whether an offer was being read when parsing stopped.
    var inOffer: Bool { builder != nil }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        depth += 1
        field = nil
        text = ""
        fieldBytes = 0
        element = elementName
        if depth > limits.maxDepth {
            if builder != nil {
                if oversize == nil {
                    oversize = RecordError(code: .tooLarge, file: file, line: parser.lineNumber, record: recordIndex,
                                           field: elementName,
                                           reason: "imbrication trop profonde (plus de \(limits.maxDepth) niveaux) : offre ignorée")
                }
            } else {
                stop(parser, RecordError(code: .tooLarge, file: file, line: parser.lineNumber, field: elementName,
                                         reason: "imbrication trop profonde (plus de \(limits.maxDepth) niveaux) : lecture arrêtée"))
            }
            return
        }
        stack.append(elementName)
        if depth == 1 {
            sawRoot = true
            if let ns = namespaceURI, ns.hasSuffix("2.3") { version = "2.3" }
            else if let ns = namespaceURI, ns.hasSuffix("2.2") { version = "2.2" }
            else if let ns = namespaceURI, !ns.isEmpty { version = ns }
        }
        if builder == nil {
            guard elementName == "formation" else { return }
            recordIndex += 1
            builder = LHEOOfferBuilder(numero: attributes["numero"], line: parser.lineNumber, index: recordIndex,
                                       file: file, source: source)
            formationDepth = depth
            offerBytes = 0
            offerElements = 0
            oversize = nil
            fieldLine = parser.lineNumber
            return
        }
        guard oversize == nil else { return }
        offerElements += 1
        if offerElements > limits.maxElementsPerOffer {
            // Empty elements carry no text, so the byte bounds alone would let `<session/>` × 10⁷ through.
            oversize = RecordError(code: .tooLarge, file: file, line: builder!.line, record: recordIndex,
                                   field: "formation",
                                   reason: "offre trop volumineuse (plus de \(limits.maxElementsPerOffer) éléments) : ignorée")
            return
        }
        switch elementName {
        case "action" where depth == formationDepth + 1: builder!.beginAction(numero: attributes["numero"])
        case "session" where stack.count >= 2 && stack[stack.count - 2] == "action":
            builder!.beginSession(numero: attributes["numero"])
        default: break
        }
        field = LHEOOfferBuilder.field(elementName, stack: stack[...], attributes: attributes)
        fieldLine = parser.lineNumber
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        characters(parser, string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        characters(parser, String(decoding: CDATABlock, as: UTF8.self))
    }

    private func characters(_ parser: XMLParser, _ string: String) {
        guard builder != nil, oversize == nil else { return }
        let n = string.utf8.count
        offerBytes += n
        fieldBytes += n
        if fieldBytes > limits.maxFieldBytes {
            oversize = RecordError(code: .tooLarge, file: file, line: fieldLine,
                                   record: recordIndex, field: element,
                                   reason: "champ trop volumineux (plus de \(Self.megabytes(limits.maxFieldBytes))) : offre ignorée")
        } else if offerBytes > limits.maxOfferBytes {
            oversize = RecordError(code: .tooLarge, file: file, line: builder!.line, record: recordIndex,
                                   field: "formation",
                                   reason: "offre trop volumineuse (plus de \(Self.megabytes(limits.maxOfferBytes))) : ignorée")
        }
        if oversize != nil { text = ""; field = nil; return }
        if field != nil { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        fieldBytes = 0
        if depth > limits.maxDepth { depth -= 1; return }
        depth -= 1
        stack.removeLast()
        if depth == 0 { rootClosed = true }
        guard builder != nil else { return }
        if depth + 1 == formationDepth {
            finishOffer(parser)
            return
        }
        guard oversize == nil else { return }
        if let f = field {
            builder!.set(f, text, element: elementName, fieldLine: fieldLine)
            field = nil
            text = ""
        }
        switch elementName {
        case "action" where depth == formationDepth: builder!.closeAction()
        case "session": builder!.closeSession()
        default: break
        }
    }

    private func finishOffer(_ parser: XMLParser) {
        var b = builder!
        builder = nil
        field = nil
        text = ""
        let result: Result<TrainingOffer, RecordError>
        if let oversize {
            result = .failure(oversize)
        } else {
            result = b.finish()
            for w in b.warnings where warnings.count < limits.maxWarnings { warnings.append(w) }
            warningCount += b.warnings.count + b.uncountedWarnings
        }
        oversize = nil
        switch result {
        case .success: offers += 1
        case .failure: rejected += 1
        }
        do { try emit(result) } catch {
            bodyError = error
            guardStream.stopped = true
            parser.abortParsing()
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard fatal == nil, bodyError == nil, guardStream.violation == nil, !guardStream.stopped,
              !guardStream.readFailed else { return }
        let code = (parseError as NSError).code
        stop(parser, RecordError(code: .malformedXML, file: file, line: parser.lineNumber,
                                 record: builder != nil ? recordIndex : nil,
                                 reason: "XML mal formé (erreur libxml2 n° \(code)) : lecture arrêtée, les offres déjà lues sont gardées"))
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        // Unreachable behind LHEOGuardStream (no DOCTYPE gets through); kept as a second lock.
        stop(parser, RecordError(code: .unsupported, file: file, line: parser.lineNumber, field: name,
                                 reason: "déclaration d’entité refusée"))
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        nil
    }

    private func stop(_ parser: XMLParser, _ error: RecordError) {
        if fatal == nil { fatal = error }
        guardStream.stopped = true
        parser.abortParsing()
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) Mo" : "\(bytes) octets"
    }
}
