/// Bounds applied to untrusted input, so that one hostile record can neither exhaust memory
/// nor slip an absurd value into the store. A value over a bound rejects the record with
/// `trop-volumineux` and the field's name; nothing is truncated silently.
///
/// Character counts are Unicode scalars.
public struct ReaderLimits: Sendable, Hashable {
    /// Largest raw record in bytes: a JSON Lines line, one element of a JSON array, a whole
    /// JSON document that is not streamed, one CSV record, one `<script>` block. Longer ones
    /// are skipped without being buffered.
    public var maxRecordBytes: Int = 10 * 1024 * 1024
    public var maxTitleCharacters: Int = 1_000
    public var maxDescriptionCharacters: Int = 200_000
    /// `id`, `location`, `company`, `url` and other short fields.
    public var maxFieldCharacters: Int = 2_000
    /// Number of source skills per record, and characters per skill.
    public var maxSkills: Int = 500
    public var maxSkillCharacters: Int = 1_000
    /// JSON nesting depth.
    public var maxDepth: Int = 128

    public init() {}

    /// A copy with one change, for call sites that tweak a single bound.
    public func with(_ change: (inout ReaderLimits) -> Void) -> ReaderLimits {
        var copy = self
        change(&copy)
        return copy
    }
}
