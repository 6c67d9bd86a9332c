import BylineContract
import BylineEngine

/// The `byline` executable's commands. `main` returns the exit status.
public enum BylineCommand {
    public static func main(_ arguments: [String], io: CommandIO = ProcessIO()) -> Int32 {
        defer { io.flush() }
        guard let command = arguments.first else {
            io.write(helpText)
            return 0
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "lsp", "--stdio":
            return LSPCommand.run(rest, io: io)
        case "annotate":
            return AnnotateCommand.run(rest, io: io)
        case "check":
            return CheckCommand.run(rest, io: io)
        case "--version", "-V", "version":
            io.write("\(BylineVersion.name) \(BylineVersion.version)\n")
            return 0
        case "help", "--help", "-h":
            io.write(helpText)
            return 0
        default:
            io.writeError("byline: unknown command '\(command)'\n\(usageLine)\n")
            return 2
        }
    }

    static let usageLine = "usage: byline lsp | annotate [--format text|json|jsonl] [--date YYYY-MM-DD] [FILE...] | check [FILE...] | --version | help"

    static let helpText = """
        byline \(BylineVersion.version): a language server for news articles

        usage:
          byline lsp                  run the language server on stdin/stdout (also: byline --stdio)
          byline annotate [options] [FILE...]
                                      annotate articles; FILE '-' is standard input
              --format text|json|jsonl
                                      text (default on a terminal): the article, coloured, with a legend
                                      json (default otherwise): one annotation object (an array for several files)
                                      jsonl: one annotation object per line; with no FILE, batch mode:
                                      each stdin line is {"id": ..., "text": ..., "date"?: "YYYY-MM-DD"}
              --date YYYY-MM-DD       the article date, overriding any date header
          byline check [FILE...]      print diagnostics as path:line:column: severity: message [code];
                                      exit status 1 when a warning or error is printed
          byline --version            print the version
          byline help                 print this help

        Offsets in JSON output are Unicode code points, end exclusive. Colours follow NO_COLOR.

        """
}

/// An error in how a command was called: exit status 2 with a message.
struct UsageError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
