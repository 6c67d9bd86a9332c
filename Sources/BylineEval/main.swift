import Foundation

// Byline's evaluation against the shared corpora. Build in release mode and run:
//
//     swift run -c release byline-eval wikigold [--spaced] [--errors N]
//     swift run -c release byline-eval polnear [dev|train] [--errors N]
//     swift run -c release byline-eval seed
//
// The corpora are read from ../shared/corpus (or BYLINE_CORPUS); nothing is copied.

let arguments = Array(CommandLine.arguments.dropFirst())
let corpus = ProcessInfo.processInfo.environment["BYLINE_CORPUS"]
    ?? FileManager.default.currentDirectoryPath + "/../shared/corpus"
var errorsToShow = 0
if let index = arguments.firstIndex(of: "--errors"), index + 1 < arguments.count { errorsToShow = Int(arguments[index + 1]) ?? 0 }

switch arguments.first {
case "wikigold":
    WikigoldEvaluation.run(path: corpus + "/wikigold.conll", errorsToShow: errorsToShow, spaced: arguments.contains("--spaced"))
case "polnear":
    let split = arguments.dropFirst().first { !$0.hasPrefix("--") && Int($0) == nil } ?? "dev"
    PolNeAREvaluation.run(path: corpus + "/polnear-\(split).jsonl", showErrors: errorsToShow)
case "seed":
    SeedListing.run(path: corpus + "/seed-article.txt")
default:
    FileHandle.standardError.write(Data("usage: byline-eval wikigold [--spaced]|polnear [dev|train]|seed [--errors N]\n".utf8))
    exit(2)
}
