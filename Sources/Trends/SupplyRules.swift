/// The rules of the supply side (training offers against postings), in one place so that pages,
/// exports and `observatoire match` quote the same ones.
///
/// **Supply is what is taught.** A training offer supplies a competency only when the competency
/// is *taught* (`training_competencies.taught = 1`: non-negated evidence in the title, objectives,
/// expected results or content). A competency found only in the prerequisites (what the learner
/// must already know) or only negated never counts as supply, never scores a match.
///
/// **Window.** Demand is counted over the filter's months, by default the last `windowMonths`
/// months with data; unique dated postings (duplicates counted once, see `TrendRules`). Supply is
/// the training sessions starting on or after the first day of that window (sessions already
/// planned after the window count: they answer the same demand); undated sessions are not counted.
/// Region and département filters apply to both sides (a session's place is its action's);
/// sector, ROME domain, contract and source filters apply to postings only.
///
/// **Gap ratio.** For a competency with `d` of the `D` postings of the window and `s` of the `S`
/// sessions: `ratio = (d / D) / ((s + 1) / (S + 1))`, demand share over supply share with +1
/// smoothing on supply (no division by zero, and a competency with no session is not infinitely
/// under-supplied). A competency is *under-supplied* when `d ≥ minimumDemand` and
/// `ratio > underSupplyRatio`; the list is sorted by decreasing ratio, then decreasing `d`.
///
/// **Matching score.** For a posting asking for competencies `P` and an offer teaching `T`:
/// `score = Σ w(c) for c ∈ P ∩ T ÷ Σ w(c) for c ∈ P`, where `w(c)` is 1 for a *core* competency
/// and 0.5 for a *support* one (the taxonomy's weights; 1 when unknown). Offers sharing no taught
/// competency are not listed. Ties are broken by: an action in the posting's region first, then
/// more upcoming sessions (starting on or after `reference day`: the first day after the last
/// month of postings, the observatory's « now »), then the offer's number.
public enum SupplyRules {
    /// Months of demand by default (the last twelve months with data).
    public static let windowMonths = 12
    /// Postings a competency needs in the window to be listed as under-supplied (10).
    public static let minimumDemand = 10
    /// Ratio above which a competency with enough demand is under-supplied.
    public static let underSupplyRatio = 1.0
    /// Weight of a *support* competency in the matching score (core: 1).
    public static let supportWeight = 0.5

    /// `(d / D) / ((s + 1) / (S + 1))`; 0 when there is no posting at all.
    public static func ratio(demand d: Int, demandTotal bigD: Int, supply s: Int, supplyTotal bigS: Int) -> Double {
        guard bigD > 0 else { return 0 }
        return (Double(d) / Double(bigD)) / (Double(s + 1) / Double(bigS + 1))
    }

    /// Whether a competency is listed as under-supplied.
    public static func isUnderSupplied(demand d: Int, ratio: Double) -> Bool {
        d >= minimumDemand && ratio > underSupplyRatio
    }

    /// The gap rule as French sentences, for pages and exports.
    public static let frenchGapRule = """
    Demande : offres d’emploi uniques de la fenêtre (par défaut les \(windowMonths) derniers mois de données). \
    Offre de formation : sessions qui commencent dans la fenêtre ou après, des formations qui enseignent \
    la compétence (les prérequis ne comptent jamais). Rapport = part de la demande ÷ part de l’offre lissée, \
    la part lissée valant (sessions + 1) ÷ (sessions au total + 1). Sous-dotée : au moins \(minimumDemand) \
    offres d’emploi et un rapport supérieur à 1, classées par rapport décroissant.
    """

    /// The matching rule in French.
    public static let frenchMatchRule = """
    Score = somme des poids des compétences du poste enseignées par la formation ÷ somme des poids des \
    compétences du poste (poids 1 pour une compétence cœur, 0,5 pour une compétence d’appui ; les \
    prérequis ne comptent pas). À score égal : d’abord une action dans la région du poste, puis le plus \
    de sessions à venir.
    """
}
