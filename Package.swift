// swift-tools-version: 6.1
// Byline: a language server for news articles. No package dependencies: the Swift
// toolchain (Foundation, Dispatch, Synchronization, Swift Testing) is all there is.
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
]

let package = Package(
    name: "Byline",
    products: [
        .executable(name: "byline", targets: ["byline"]),
        .executable(name: "byline-bench", targets: ["BylineBench"]),
        .executable(name: "byline-eval", targets: ["BylineEval"]),
    ],
    targets: [
        // A value behind a pthread mutex, which ThreadSanitizer understands.
        .target(name: "Locking", swiftSettings: strict),
        // Text in, annotations out. No I/O, no JSON, no Foundation on the analysis path.
        .target(name: "BylineEngine", dependencies: ["Locking"], swiftSettings: strict),
        // A JSON value with a byte-level parser and writer, shared by the transport and the CLI.
        .target(name: "BylineJSON", swiftSettings: strict),
        // JSON-RPC 2.0 with LSP base-protocol framing over file descriptors.
        .target(name: "JSONRPC", dependencies: ["BylineJSON", "Locking"], swiftSettings: strict),
        // The annotation object and other shapes promised by CONTRACT.md.
        .target(name: "BylineContract", dependencies: ["BylineEngine", "BylineJSON"], swiftSettings: strict),
        // The language server: one file per LSP feature.
        .target(
            name: "BylineServer",
            dependencies: ["BylineEngine", "BylineJSON", "JSONRPC", "BylineContract", "Locking"],
            swiftSettings: strict),
        // The `byline` commands (lsp, annotate, check, help, --version).
        .target(
            name: "BylineCLI",
            dependencies: ["BylineEngine", "BylineJSON", "BylineContract", "BylineServer"],
            swiftSettings: strict),
        .executableTarget(name: "byline", dependencies: ["BylineCLI"], swiftSettings: strict),
        .executableTarget(
            name: "BylineBench",
            dependencies: ["BylineEngine", "BylineJSON", "JSONRPC", "BylineContract", "BylineServer", "Locking"],
            swiftSettings: strict),

        // Helpers shared by the test targets: in-memory sinks, marked texts, a spawned-server client.
        .target(
            name: "BylineTestSupport", dependencies: ["BylineEngine", "BylineJSON", "JSONRPC", "Locking"],
            path: "Tests/BylineTestSupport", swiftSettings: strict),
        // Scores the engine on the corpora in ../shared (never copied into the repository).
        .executableTarget(name: "BylineEval", dependencies: ["BylineEngine", "BylineJSON"], swiftSettings: strict),
        // Fuzz targets: libFuzzer entry points when built by Fuzz/run (-DFUZZING), and
        // programs that replay inputs (a crash, the seed corpus) otherwise.
        .target(name: "FuzzSupport", path: "Fuzz/Support", swiftSettings: strict),
        .executableTarget(name: "fuzz-engine", dependencies: ["BylineEngine", "FuzzSupport"], path: "Fuzz/Engine", swiftSettings: strict),
        .executableTarget(name: "fuzz-transport", dependencies: ["BylineJSON", "JSONRPC", "FuzzSupport"], path: "Fuzz/Transport", swiftSettings: strict),
        .executableTarget(name: "fuzz-edits", dependencies: ["BylineEngine", "FuzzSupport"], path: "Fuzz/Edits", swiftSettings: strict),

        .testTarget(name: "BylineEngineTests", dependencies: ["BylineEngine", "BylineTestSupport", "Locking"], swiftSettings: strict),
        .testTarget(name: "BylineJSONTests", dependencies: ["BylineJSON"], swiftSettings: strict),
        .testTarget(name: "JSONRPCTests", dependencies: ["JSONRPC", "BylineJSON", "BylineTestSupport", "Locking"], swiftSettings: strict),
        .testTarget(
            name: "BylineServerTests",
            dependencies: ["BylineServer", "BylineEngine", "BylineJSON", "JSONRPC", "BylineTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "BylineCLITests", dependencies: ["BylineCLI", "BylineJSON", "BylineContract", "BylineTestSupport"],
            swiftSettings: strict),
        // Spawns the built `byline` binary and speaks framed JSON-RPC to it.
        .testTarget(
            name: "EndToEndTests", dependencies: ["byline", "BylineJSON", "JSONRPC", "BylineEngine", "BylineTestSupport"],
            swiftSettings: strict),
    ]
)
