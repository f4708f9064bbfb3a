/// One word of a text: where it is in the original bytes and its folded and stemmed keys.
public struct Token: Sendable, Hashable {
    /// UTF-8 byte offsets of the word in the tokenized text.
    public var start: Int32
    public var end: Int32
    /// Range of the folded key (lower case, no accents, ligatures expanded) in `TokenBuffer.folded`.
    public var keyStart: Int32
    public var keyEnd: Int32
    /// Range of the light-stemmed key in `TokenBuffer.stems`.
    public var stemStart: Int32
    public var stemEnd: Int32
    public var flags: Flags
    /// Id of the stem in the tokenizer's `vocabulary`, -1 when absent or without vocabulary.
    public var word: Int32 = -1

    /// Facts about a token's position and shape.
    public struct Flags: OptionSet, Sendable, Hashable {
        public var rawValue: UInt16
        @inlinable public init(rawValue: UInt16) { self.rawValue = rawValue }
        /// First word of a line.
        @inlinable public static var lineStart: Flags { Flags(rawValue: 1 << 0) }
        /// First word after clause punctuation (`.` `;` `:` `!` `?`), a bullet or a line break.
        @inlinable public static var clauseStart: Flags { Flags(rawValue: 1 << 1) }
        /// Starts where a glued word was split on a case change (`posteNumberly`).
        @inlinable public static var camelStart: Flags { Flags(rawValue: 1 << 2) }
        /// Begins with an upper-case letter.
        @inlinable public static var capitalized: Flags { Flags(rawValue: 1 << 3) }
        /// At least two letters, all upper case (`RGPD`, `SOC`).
        @inlinable public static var allUpper: Flags { Flags(rawValue: 1 << 4) }
        /// Contains a digit.
        @inlinable public static var hasDigit: Flags { Flags(rawValue: 1 << 5) }
        /// An elided particle (`l'`, `d'`, `qu'`).
        @inlinable public static var elision: Flags { Flags(rawValue: 1 << 6) }
        /// A function word the matcher steps over (`de`, `la`, `des`, elisions).
        @inlinable public static var skip: Flags { Flags(rawValue: 1 << 7) }
        /// A French or English stop word.
        @inlinable public static var stop: Flags { Flags(rawValue: 1 << 8) }
        /// Followed directly by `:` or `?` (headings such as `Vos missions :`).
        @inlinable public static var beforeColon: Flags { Flags(rawValue: 1 << 9) }
    }
}
