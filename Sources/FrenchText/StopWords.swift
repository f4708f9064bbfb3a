/// French stop words (with the English ones that French IT postings mix in): words that carry
/// no competency by themselves. Used to trim candidate terms and to skip words in windows.
public enum StopWords {
    /// Folded forms (no accents, lower case).
    public static let french: [String] = """
    a ai aie aient aies ait afin ainsi alors apres au aucun aucune aupres auquel aussi autre autres aux avaient avais \
    avait avant avec avez aviez avions avoir avons ayant c ca car ce ceci cela celle celles celui cependant certain \
    certaine certaines certains ces cet cette ceux chacun chacune chaque chez ci comme comment d dans de des deja \
    depuis dont du donc dès duquel e elle elles en encore entre es est et etaient etais etait etant ete etes etre eu \
    eux fait faites font hors ici il ils j je jusqu l la laquelle le lequel les lesquelles lesquels leur leurs lors \
    lorsqu lui m ma mais me meme memes mes moi mon moins n ne ni nos notre nous on or ou par parce pas peu peut \
    plus plutot pour pourquoi pres qu quand que quel quelle quelles quels qui quoi s sa sans se selon ses si soi \
    soit son sont sous sur t ta tandis te tes toi ton tous tout toute toutes tres tu un une unes uns vers via voici \
    voila vos votre vous y
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    public static let english: [String] = """
    a an and are as at be by for from has have in is it its of on or our that the their this to we were will with you your
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    static let set = ShortKeySet(french + english)

    /// Whether a folded key is a stop word.
    public static func contains(_ key: String) -> Bool { set.contains(Array(key.utf8)) }

    @inline(__always) static func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        set.contains(key)
    }
}
