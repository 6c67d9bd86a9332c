import BylineJSON
import Foundation
import JSONRPC

// Byline's benchmarks. Build and run in release mode:
//
//     swift run -c release byline-bench [engine|transport|features|stress|all]
//
// `stress` (not part of `all`) checks as it measures, and exits 1 when a check fails.
//
// Every figure the README quotes comes from here. Timings are wall-clock on this machine;
// the report prints the machine's core count and the toolchain so results can be compared.

let arguments = Array(CommandLine.arguments.dropFirst())
let suites = arguments.isEmpty ? ["all"] : arguments
let known = ["transport", "engine", "features", "incremental", "stress", "all"]
if let unknown = suites.first(where: { !known.contains($0) }) {
    FileHandle.standardError.write(Data("byline-bench: unknown suite '\(unknown)'; choose from \(known.joined(separator: ", "))\n".utf8))
    exit(2)
}

print("byline-bench on \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.operatingSystemVersionString)")
if suites.contains("engine") || suites.contains("all") {
    EngineBenchmarks.run()
}
if suites.contains("transport") || suites.contains("all") {
    TransportBenchmarks.run()
}
if suites.contains("features") || suites.contains("all") {
    FeatureBenchmarks.run()
}
if suites.contains("incremental") {
    // The 1 MB edit loop alone, for profiling.
    FeatureBenchmarks.incrementalInProcess(FeatureBenchmarks.longArticle(words: 170_000))
}
if suites.contains("stress") {
    StressRuns.run()
}
