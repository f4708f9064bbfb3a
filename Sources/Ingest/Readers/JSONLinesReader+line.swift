import Records

extension JSONLinesReader {
    /// Decodes one line of the project schema on its own, so that callers that split lines
    /// themselves can decode them on several threads.
    public static func decode(line bytes: UnsafeBufferPointer<UInt8>, file: String, lineNumber: Int, record: Int,
                              source: String = "", limits: ReaderLimits = ReaderLimits()) -> Result<Posting, RecordError> {
        let context = RecordContext(file: file, line: lineNumber, record: record, excerpt: {
            String(decoding: bytes.prefix(RecordError.excerptLimit), as: UTF8.self)
        })
        guard bytes.count <= limits.maxRecordBytes else {
            return .failure(context.error(.tooLarge, "ligne de \(bytes.count) octets, au-delà de la limite de \(limits.maxRecordBytes) octets"))
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes, maxDepth: limits.maxDepth)
        } catch {
            return .failure(context.jsonError(error, truncated: false))
        }
        guard case .object = value else {
            return .failure(context.error(.malformedJSON, "un objet JSON est attendu sur chaque ligne, trouvé : \(value.typeName)"))
        }
        return map(value, source: source, overrides: false, limits: limits, context: context)
    }
}
