import BylineEngine
import BylineJSON
import JSONRPC

/// `textDocument/codeAction`:
/// - for `unattributed-quote`, an attribution template after the quotation;
/// - for `inconsistent-spelling`, the usual spelling of the name;
/// - on any quotation with straight marks, curly ones (and for the whole document, as a
///   source action).
extension LanguageServer {
    static let quickFix = "quickfix"
    static let rewrite = "refactor.rewrite"
    static let sourceCurlyQuotes = "source.fixAll.byline.curlyQuotes"

    func codeActions(_ request: CodeActionRequest, _ context: RequestContext) {
        answer(about: request.document.uri, context) { view in
            let lower = view.byteOffset(request.range.start)
            let upper = view.byteOffset(request.range.end)
            func wanted(_ kind: String) -> Bool { request.only.map { $0.contains { kind == $0 || kind.hasPrefix($0 + ".") } } ?? true }
            func touches(_ span: TextSpan) -> Bool { span.start <= upper && lower <= span.end }
            var actions: [JSON] = []
            let shown = self.settings.withLock { $0 }.apply(to: view.annotations.diagnostics)
            let diagnostics = self.diagnosticsJSON(view.analysis, encoding: view.encoding, client: view.client)
            for (index, diagnostic) in shown.enumerated() where touches(diagnostic.span) && wanted(Self.quickFix) {
                switch diagnostic.code {
                case "unattributed-quote":
                    let edit = Self.attributionTemplate(after: diagnostic.span, view)
                    actions.append(Self.action("Add an attribution (“…,” [Who] said.)", Self.quickFix, view, [edit], diagnostic: diagnostics[index], preferred: true))
                case "inconsistent-spelling":
                    if let replacement = diagnostic.replacement {
                        let edit: JSON = ["range": view.range(diagnostic.span).json, "newText": .string(replacement)]
                        actions.append(Self.action("Change to “\(replacement)”", Self.quickFix, view, [edit], diagnostic: diagnostics[index], preferred: true))
                    }
                default:
                    break
                }
            }
            if wanted(Self.rewrite) {
                for quote in view.annotations.quotes where touches(quote.span) {
                    let edits = Self.curlyQuoteEdits(in: quote.span, view)
                    if !edits.isEmpty { actions.append(Self.action("Use curly quotation marks in this quotation", Self.rewrite, view, edits)) }
                }
            }
            if wanted(Self.sourceCurlyQuotes) {
                let edits = Self.curlyQuoteEdits(in: TextSpan(start: view.analysis.article.bodyStart, end: view.text.utf8Count), view)
                if !edits.isEmpty { actions.append(Self.action("Use curly quotation marks throughout", Self.sourceCurlyQuotes, view, edits)) }
            }
            return .success(.array(actions))
        }
    }

    static func action(_ title: String, _ kind: String, _ view: DocumentView, _ edits: [JSON], diagnostic: JSON? = nil, preferred: Bool = false) -> JSON {
        var object: JSONObject = ["title": .string(title), "kind": .string(kind), "edit": ["changes": [view.uri: .array(edits)]]]
        if let diagnostic { object["diagnostics"] = [diagnostic] }
        if preferred { object["isPreferred"] = true }
        return .object(object)
    }

    /// “We will win.” → “We will win,” [Who] said. — the final full stop moves out of the
    /// quotation, as news style writes an attribution.
    static func attributionTemplate(after span: TextSpan, _ view: DocumentView) -> JSON {
        let bytes = view.text.bytes
        var end = span.end
        var closeLength = 0
        for mark in ["”", "\"", "»", "“"] where end >= mark.utf8.count && Array(bytes[(end - mark.utf8.count)..<end]) == Array(mark.utf8) {
            closeLength = mark.utf8.count
            break
        }
        let beforeClose = end - closeLength
        if closeLength > 0, beforeClose > span.start, bytes[beforeClose - 1] == UInt8(ascii: ".") {
            let close = view.text.substring(beforeClose..<end)
            let range = view.range(TextSpan(start: beforeClose - 1, end: end))
            return ["range": range.json, "newText": .string(",\(close) [Who] said.")]
        }
        end = span.end
        return ["range": view.range(TextSpan(start: end, end: end)).json, "newText": " [Who] said"]
    }

    /// Straight double quotes and apostrophes inside a span, turned curly: a mark opens after
    /// a space, a line start or an opening bracket, and closes otherwise.
    static func curlyQuoteEdits(in span: TextSpan, _ view: DocumentView) -> [JSON] {
        let bytes = view.text.bytes
        var edits: [JSON] = []
        var index = span.start
        while index < span.end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                let previous: UInt8 = index > 0 ? bytes[index - 1] : 0x20
                let afterDash = index >= 3 && Array(bytes[(index - 3)..<index]) == Array("—".utf8)
                let opens = previous == 0x20 || previous == 0x0A || previous == 0x0D || previous == 0x09
                    || previous == UInt8(ascii: "(") || previous == UInt8(ascii: "[") || afterDash
                let replacement = byte == UInt8(ascii: "\"") ? (opens ? "“" : "”") : (opens ? "‘" : "’")
                edits.append(["range": view.range(TextSpan(start: index, end: index + 1)).json, "newText": .string(replacement)])
            }
            index += 1
        }
        return edits
    }
}
