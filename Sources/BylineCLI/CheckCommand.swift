import BylineEngine

/// `byline check [FILE...]`: diagnostics as `path:line:column: severity: message [code]`,
/// with 1-based lines and columns counted in Unicode code points. Exit status 1 when any
/// warning or error was printed.
enum CheckCommand {
    static func run(_ arguments: [String], io: CommandIO) -> Int32 {
        if let option = arguments.first(where: { $0.hasPrefix("-") && $0 != "-" && $0 != "--" }) {
            io.writeError("byline check: unknown option '\(option)'\n\(BylineCommand.usageLine)\n")
            return 2
        }
        var seriousFound = false
        let inputs = ArticleInput.read(arguments.isEmpty ? ["-"] : arguments.filter { $0 != "--" }, io: io) { path, reason in
            io.write("\(path):1:1: error: \(reason) [unreadable-file]\n")
            seriousFound = true
        }
        let analyzer = Analyzer()
        for input in inputs {
            let article = input.article(dateOverride: nil)
            let diagnostics = analyzer.analyze(article).diagnostics.sorted { ($0.span.start, $0.span.end) < ($1.span.start, $1.span.end) }
            for diagnostic in diagnostics {
                io.write(format(diagnostic, path: input.displayPath, text: article.text) + "\n")
                if diagnostic.severity == .warning || diagnostic.severity == .error { seriousFound = true }
            }
        }
        return seriousFound ? 1 : 0
    }

    static func format(_ diagnostic: ArticleDiagnostic, path: String, text: IndexedText) -> String {
        let position = text.position(ofByte: diagnostic.span.start, encoding: .utf32)
        return "\(path):\(position.line + 1):\(position.character + 1): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code)]"
    }
}
