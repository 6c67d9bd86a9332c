import Foundation

/// Small helpers for timing and reporting.
enum Measure {
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// The value at fraction `p` (0...1) of sorted samples.
    static func percentile(_ samples: [Double], _ p: Double) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return .nan }
        let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))
        return sorted[index]
    }

    static func format(_ value: Double, _ digits: Int = 2) -> String {
        String(format: "%.\(digits)f", value)
    }

    static func report(_ name: String, _ value: String, target: String? = nil) {
        let padded = name.padding(toLength: 60, withPad: " ", startingAt: 0)
        print("  \(padded) \(value)\(target.map { "   (target \($0))" } ?? "")")
    }
}

/// The `byline` executable built beside this benchmark.
func bylineExecutable() -> URL {
    let me = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
    return me.deletingLastPathComponent().appendingPathComponent("byline")
}
