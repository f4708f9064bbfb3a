import Foundation
import GRDB

extension TrendStore {
    /// Significant risers and fallers over the `windowMonths` months ending at the filter's last
    /// month (or the last month with data), compared with the `windowMonths` months before.
    /// The filter's first month is ignored; `domain` restricts to one domain's competencies.
    public func movers(filter: TrendFilter, windowMonths: Int, domain: String? = nil, limit: Int = 10) async throws -> Movers {
        try await reader.read { db in try Self.movers(db, filter: filter, windowMonths: windowMonths, domain: domain, limit: limit) }
    }

    static func movers(_ db: Database, filter: TrendFilter, windowMonths w: Int, domain: String?, limit: Int) throws -> Movers {
        guard w >= 1, let data = try dataRange(db) else {
            return Movers(windowMonths: w, recentTotal: 0, baseTotal: 0, rising: [], falling: [])
        }
        let end = min(filter.to ?? data.upperBound, data.upperBound)
        let recent = end.adding(-(w - 1))...end
        let base = end.adding(-(2 * w - 1))...end.adding(-w)
        let counts = try MonthlyCounts.fetch(db, kind: .competency, filter: filter, from: base.lowerBound, to: end, group: domain)
        let bigA = counts.total(in: recent), bigB = counts.total(in: base)
        var all: [Movers.Mover] = []
        if bigA > 0, bigB > 0 {
            let p0 = Double(bigA) / Double(bigA + bigB)
            for key in counts.byKey.keys {
                let a = counts.count(key, in: recent), b = counts.count(key, in: base)
                let n = Double(a + b)
                guard n > 0 else { continue }
                let z = (Double(a) - n * p0) / (n * p0 * (1 - p0)).squareRoot()
                let lr = log((Double(a) + 0.5) / Double(bigA)) - log((Double(b) + 0.5) / Double(bigB))
                let significant = a + b >= TrendRules.minimumMoverSupport && abs(z) >= TrendRules.moverZ
                all.append(.init(key: key, group: counts.group[key] ?? "", recent: a, base: b,
                                 recentShare: Double(a) / Double(bigA), baseShare: Double(b) / Double(bigB),
                                 logRatio: lr, z: z, significant: significant))
            }
        }
        let rising = all.filter { $0.significant && $0.z > 0 }.sorted { $0.z != $1.z ? $0.z > $1.z : $0.key < $1.key }
        let falling = all.filter { $0.significant && $0.z < 0 }.sorted { $0.z != $1.z ? $0.z < $1.z : $0.key < $1.key }
        return Movers(windowMonths: w, recentMonths: recent, baseMonths: base, recentTotal: bigA, baseTotal: bigB,
                      rising: Array(rising.prefix(limit)), falling: Array(falling.prefix(limit)))
    }
}
