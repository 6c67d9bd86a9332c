import Foundation

// Byline's evaluation against the shared corpora. Build in release mode and run:
//
//     swift run -c release byline-eval wikigold [--errors N]
//
// The corpora are read from ../shared/corpus (or BYLINE_CORPUS); nothing is copied.

let arguments = Array(CommandLine.arguments.dropFirst())
let corpus = ProcessInfo.processInfo.environment["BYLINE_CORPUS"]
    ?? FileManager.default.currentDirectoryPath + "/../shared/corpus"
var errorsToShow = 0
if let index = arguments.firstIndex(of: "--errors"), index + 1 < arguments.count { errorsToShow = Int(arguments[index + 1]) ?? 0 }

switch arguments.first {
case "wikigold":
    WikigoldEvaluation.run(path: corpus + "/wikigold.conll", errorsToShow: errorsToShow)
default:
    FileHandle.standardError.write(Data("usage: byline-eval wikigold [--errors N]\n".utf8))
    exit(2)
}
