import BylineEngine
import BylineJSON
import JSONRPC

/// `textDocument/inlayHint`: after a quotation, who said it ("— Putin"), wherever the reader
/// cannot see that at a glance: the speaker is a pronoun or a role, was carried over from an
/// earlier quotation, or stands away from the quotation.
extension LanguageServer {
    func inlayHints(_ request: InlayHintRequest, _ context: RequestContext) {
        let enabled = settings.withLock { $0.inlayHints }
        answer(about: request.document.uri, context) { view in
            guard enabled else { return .success(.array([])) }
            let lower = view.byteOffset(request.range.start)
            let upper = view.byteOffset(request.range.end)
            var hints: [JSON] = []
            for quote in view.annotations.quotes where quote.span.end >= lower && quote.span.end <= upper {
                guard let speaker = quote.speaker, let entity = speaker.entityIndex, Self.needsHint(quote, speaker, view) else { continue }
                hints.append([
                    "position": view.text.position(ofByte: quote.span.end, encoding: view.encoding).lspJSON,
                    "label": .string("— \(view.annotations.entities[entity].name)"),
                    "paddingLeft": true,
                    "tooltip": .string("Byline: speaker resolved \(Self.how(speaker.resolution)) from “\(view.string(speaker.span))”"),
                ])
            }
            return .success(.array(hints))
        }
    }

    static func needsHint(_ quote: Quote, _ speaker: Speaker, _ view: DocumentView) -> Bool {
        if speaker.resolution != .named { return true }
        // Adjacent: within a few words of the quotation's start or end.
        let gap = speaker.span.start >= quote.span.end
            ? speaker.span.start - quote.span.end
            : speaker.span.end <= quote.span.start ? quote.span.start - speaker.span.end : 0
        return gap > 40
    }

    static func how(_ resolution: SpeakerResolution) -> String {
        switch resolution {
        case .named: return "by name"
        case .pronoun: return "through a pronoun"
        case .role: return "through a role"
        case .carried: return "carried from the quotation before"
        case .unresolved: return "without an entity"
        }
    }
}
