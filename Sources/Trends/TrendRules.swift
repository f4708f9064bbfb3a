/// The statistical rules of the observatory, in one place so that pages and exports quote them.
///
/// **Unique postings.** Every count is a number of unique dated postings: a posting listed in
/// `duplicates` (exact copy, repost, or the same offer on another board) is counted once, through
/// the canonical posting of its cluster.
///
/// **Minimum support.** A share needs at least `minimumSupport` postings in its period, and a
/// growth rate needs at least `minimumSupport` postings both in the period and in its base (the
/// previous period, or the same period a year before). Below that the cell is flagged
/// (« effectif faible ») instead of showing a large, meaningless percentage.
///
/// **Rising and falling competencies.** Over a window of `w` months ending at the last month of
/// the filter, a competency found in `a` of the `A` postings of the window and in `b` of the `B`
/// postings of the `w` months before moves significantly when:
/// 1. `a + b ≥ minimumMoverSupport`, and
/// 2. `|z| ≥ moverZ`, where, given `n = a + b` and `p₀ = A / (A + B)` (the split expected if its share
///    did not change), `z = (a − n·p₀) / √(n·p₀·(1 − p₀))`: the normal approximation of the
///    conditional binomial test of two Poisson rates (equal rates per posting).
///
/// The size of the move is the log ratio of the shares, `ln(((a + ½)/A) / ((b + ½)/B))` (½ avoids
/// infinite ratios for competencies absent from one window). Rising competencies are sorted by
/// decreasing `z`, falling ones by increasing `z`.
///
/// **Co-occurrence.** For a competency `c` and another `d` over the filtered postings (`N`
/// postings, `n_c` with `c`, `n_d` with `d`, `n_cd` with both): `lift = n_cd · N / (n_c · n_d)`;
/// pairs found together fewer than `minimumSupport` times are not listed.
public enum TrendRules {
    /// Minimum postings for a share, a growth rate or a co-occurrence (5).
    public static let minimumSupport = 5
    /// Minimum postings in the two windows together for a rising or falling competency (10).
    public static let minimumMoverSupport = 10
    /// Two-sided 5 % threshold of the standard normal distribution.
    public static let moverZ = 1.96

    /// The rule as one French sentence, for pages and export metadata.
    public static let frenchSummary = """
    Effectifs : offres uniques (les doublons comptent une fois). Part et évolution affichées \
    seulement avec au moins \(minimumSupport) offres dans la période et dans la base de comparaison, \
    sinon « effectif faible ». Compétence en hausse ou en baisse : au moins \(minimumMoverSupport) \
    offres sur les deux fenêtres et |z| ≥ 1,96 (test binomial conditionnel de deux taux de Poisson, \
    seuil de 5 %) ; l’ampleur est le logarithme du rapport des parts.
    """
}
