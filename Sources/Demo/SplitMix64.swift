/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, fast generator whose output depends only on
/// its seed, on every platform and every Swift version. The demo never uses the standard
/// library's `random(in:using:)` either, whose algorithm is not guaranteed to stay the same.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for an independent stream, derived from a seed and a stream name.
    init(seed: UInt64, stream: String) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a over the stream name
        for b in stream.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        state = seed ^ h
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// Uniform integer in `0..<n` (multiply-high reduction; the bias is below 2⁻⁵⁰ for our sizes).
    mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        return Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// Uniform integer in a closed range.
    mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + below(r.count) }

    /// Uniform double in `[0, 1)`, exact on every platform (53 bits, no libm).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }

    /// Index drawn with probability proportional to `weights`.
    mutating func weighted(_ weights: [Double]) -> Int {
        var total = 0.0
        for w in weights { total += w }
        var x = unit() * total
        for (i, w) in weights.enumerated() {
            if x < w { return i }
            x -= w
        }
        return weights.count - 1
    }

    /// `k` distinct elements in random order (all of them when `k >= xs.count`).
    mutating func sample<T>(_ xs: [T], _ k: Int) -> [T] {
        var a = xs
        let n = min(k, a.count)
        for i in 0..<n { a.swapAt(i, i + below(a.count - i)) }
        return Array(a[0..<n])
    }

    mutating func shuffled<T>(_ xs: [T]) -> [T] { sample(xs, xs.count) }
}
