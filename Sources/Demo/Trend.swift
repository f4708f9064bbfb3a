/// A relative demand curve over the demo period, piecewise linear between knots.
///
/// Months are counted from January 2023 (0) to December 2025 (35). Only `+ - * /` are used, so the
/// values, and therefore the generated data, are the same on every machine.
struct Trend: Sendable {
    /// `(month, value)` knots in increasing month order.
    let knots: [(Int, Double)]

    init(_ knots: [(Int, Double)]) { self.knots = knots }

    func value(at month: Int) -> Double {
        guard let first = knots.first, let last = knots.last else { return 1 }
        if month <= first.0 { return first.1 }
        if month >= last.0 { return last.1 }
        for i in 1..<knots.count where month <= knots[i].0 {
            let (m0, v0) = knots[i - 1], (m1, v1) = knots[i]
            return v0 + (v1 - v0) * Double(month - m0) / Double(m1 - m0)
        }
        return last.1
    }

    static let flat = Trend([(0, 1)])
    static let slightlyUp = Trend([(0, 0.9), (35, 1.15)])
    static let steadyUp = Trend([(0, 0.7), (35, 1.5)])
    /// Generative AI: almost nothing before spring 2023, then a steep rise.
    static let generative = Trend([(0, 0.03), (3, 0.08), (6, 0.45), (12, 1.0), (24, 1.9), (35, 2.8)])
    /// Emerging jobs and terms: absent until 2024, rising through 2025.
    static let emerging = Trend([(0, 0), (12, 0), (15, 0.15), (24, 0.6), (35, 1.4)])
    /// Public digital-mediation programmes: a bump in 2023–2024, then funding drops in 2025.
    static let publicProgramme = Trend([(0, 0.9), (6, 1.35), (15, 1.4), (21, 1.1), (25, 0.55), (35, 0.3)])
    /// Immersive: small but growing.
    static let growing = Trend([(0, 0.5), (18, 0.9), (35, 1.6)])
}
