import BylineContract
import BylineEngine
import BylineJSON

/// `byline annotate --format jsonl` with no FILE: one article per stdin line, one annotation
/// object per stdout line, in input order. A bad line gets an `error` line and the run goes
/// on; the exit status is 1 at the end if any line failed.
enum BatchMode {
    static func run(dateOverride: ArticleDate?, io: CommandIO) -> Int32 {
        let analyzer = Analyzer()
        var failures = 0
        var lineNumber = 0
        io.forEachInputLine { rawLine in
            lineNumber += 1
            var line = rawLine[...]
            if line.last == 0x0D { line = line.dropLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }  // blank lines separate nothing
            switch annotate(Array(line), dateOverride: dateOverride, analyzer: analyzer) {
            case .success(let object):
                io.write(object.serialized() + [0x0A])
            case .failure(let failure):
                failures += 1
                io.write(JSON.object(["id": failure.id, "error": .string("line \(lineNumber): \(failure.message)")]).serialized() + [0x0A])
            }
        }
        return failures > 0 ? 1 : 0
    }

    struct LineFailure: Error {
        var id: JSON
        var message: String
    }

    static func annotate(_ line: [UInt8], dateOverride: ArticleDate?, analyzer: Analyzer) -> Result<JSON, LineFailure> {
        let json: JSON
        do {
            json = try JSON.parse(line)
        } catch {
            return .failure(LineFailure(id: .null, message: "not JSON: \(error)"))
        }
        guard case .object(let object) = json else {
            return .failure(LineFailure(id: .null, message: "expected an object with \"id\" and \"text\", found \(json.kindName)"))
        }
        let id = object["id"] ?? .null
        switch id {
        case .string, .int: break
        case .null: return .failure(LineFailure(id: .null, message: "missing \"id\" (a string)"))
        default: return .failure(LineFailure(id: .null, message: "\"id\" must be a string, found \(id.kindName)"))
        }
        guard case .string(let text)? = object["text"] else {
            let found = object["text"].map { "found \($0.kindName)" } ?? "missing"
            return .failure(LineFailure(id: id, message: "\"text\" must be a string (\(found))"))
        }
        var date = dateOverride
        if let dateValue = object["date"], dateValue != .null {
            guard case .string(let dateText) = dateValue, dateText.utf8.count == 10, let parsed = ArticleDate(iso: dateText) else {
                return .failure(LineFailure(id: id, message: "\"date\" must be a date as YYYY-MM-DD"))
            }
            date = parsed
        }
        let article = Article(text, dateOverride: date)
        return .success(AnnotationEncoder(text: article.text).encode(analyzer.analyze(article), id: id))
    }
}
