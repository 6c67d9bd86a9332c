import BylineContract
import BylineEngine
import BylineJSON

/// `byline annotate [--format text|json|jsonl] [--date YYYY-MM-DD] [FILE...]`.
enum AnnotateCommand {
    enum Format: String { case text, json, jsonl }

    struct Options {
        var format: Format?
        var date: ArticleDate?
        var files: [String] = []
    }

    static func parse(_ arguments: [String]) throws(UsageError) -> Options {
        var options = Options()
        var index = 0
        func value(_ name: String) throws(UsageError) -> String {
            index += 1
            guard index < arguments.count else { throw UsageError("\(name) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            var name = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            switch name {
            case "--format":
                let text: String
                if let inlineValue { text = inlineValue } else { text = try value(name) }
                guard let format = Format(rawValue: text) else {
                    throw UsageError("--format takes text, json or jsonl, not '\(text)'")
                }
                options.format = format
            case "--date":
                let text: String
                if let inlineValue { text = inlineValue } else { text = try value(name) }
                guard let date = ArticleDate(iso: text), text.utf8.count == 10 else {
                    throw UsageError("--date takes a date as YYYY-MM-DD, not '\(text)'")
                }
                options.date = date
            case "--":
                options.files.append(contentsOf: arguments[(index + 1)...])
                index = arguments.count
                continue
            default:
                if argument.hasPrefix("-"), argument != "-" { throw UsageError("unknown option '\(argument)'") }
                options.files.append(argument)
            }
            index += 1
        }
        return options
    }

    static func run(_ arguments: [String], io: CommandIO) -> Int32 {
        let options: Options
        do {
            options = try parse(arguments)
        } catch {
            io.writeError("byline annotate: \(error.message)\n\(BylineCommand.usageLine)\n")
            return 2
        }
        let format = options.format ?? (io.outputIsTerminal ? .text : .json)
        if format == .jsonl, options.files.isEmpty {
            return BatchMode.run(dateOverride: options.date, io: io)
        }
        var status: Int32 = 0
        var failures: [(path: String, reason: String)] = []
        let inputs = ArticleInput.read(options.files.isEmpty ? ["-"] : options.files, io: io) { path, reason in
            io.writeError("byline annotate: \(path): \(reason)\n")
            failures.append((path, reason))
            status = 1
        }
        let analyzer = Analyzer()
        switch format {
        case .text:
            let renderer = TextRenderer(colour: io.outputIsTerminal && io.environment("NO_COLOR").map(\.isEmpty) ?? true)
            for (index, input) in inputs.enumerated() {
                let article = input.article(dateOverride: options.date)
                if inputs.count > 1 { io.write((index > 0 ? "\n" : "") + renderer.heading(input.displayPath)) }
                io.write(renderer.render(article, analyzer.analyze(article), path: input.displayPath))
            }
        case .json, .jsonl:
            var objects: [JSON] = inputs.map { input in
                let article = input.article(dateOverride: options.date)
                return AnnotationEncoder(text: article.text).encode(analyzer.analyze(article), path: input.path)
            }
            objects += failures.map { ["path": .string($0.path), "error": .string($0.reason)] }
            if format == .jsonl {
                for object in objects { io.write(object.serialized() + [0x0A]) }
            } else if objects.count == 1, options.files.count <= 1 {
                io.write(objects[0].serialized(pretty: true) + [0x0A])
            } else {
                io.write(JSON.array(objects).serialized(pretty: true) + [0x0A])
            }
        }
        return status
    }
}
