import Foundation

/// The documented test that calls a count "rising": enough support in the recent window, and a
/// recent rate clearly above the earlier one.
///
/// With `r` postings containing the item among `nr` in the recent window and `e` among `ne` in the
/// earlier window, add-one smoothing gives the earlier rate `p0 = (e + 1) / (ne + 1)`; under "no
/// change", `r` is Poisson with mean `λ = nr × p0`. The item rises when
/// `r ≥ minimumSupport`, `z = (r − λ) / √λ ≥ minimumZ` and the log-ratio
/// `ln(((r + 1) / (nr + 1)) / p0) ≥ minimumLogRatio`.
/// The smoothing keeps an item unseen before (`e = 0`) from getting an infinite ratio: it must
/// still reach the support and the z-score.
public struct GrowthRule: Sendable, Hashable {
    public var minimumSupport: Int
    public var minimumZ: Double
    public var minimumLogRatio: Double

    public init(minimumSupport: Int = 10, minimumZ: Double = 2, minimumLogRatio: Double = log(1.5)) {
        self.minimumSupport = minimumSupport; self.minimumZ = minimumZ; self.minimumLogRatio = minimumLogRatio
    }

    /// The statistics of one item.
    public struct Score: Sendable, Hashable {
        public var recent: Int, earlier: Int
        public var z: Double, logRatio: Double
        public var rises: Bool
    }

    /// Scores `recent` of `recentTotal` against `earlier` of `earlierTotal`.
    public func score(recent: Int, recentTotal: Int, earlier: Int, earlierTotal: Int) -> Score {
        let p0 = Double(earlier + 1) / Double(earlierTotal + 1)
        let lambda = max(Double(recentTotal) * p0, 1e-9)
        let z = (Double(recent) - lambda) / lambda.squareRoot()
        let logRatio = log((Double(recent + 1) / Double(recentTotal + 1)) / p0)
        let rises = recent >= minimumSupport && z >= minimumZ && logRatio >= minimumLogRatio
        return Score(recent: recent, earlier: earlier, z: z, logRatio: logRatio, rises: rises)
    }
}
