// Fuzz target: the analysis engine on arbitrary bytes (invalid UTF-8 included), as plain
// text and as Markdown. Every span it reports must lie inside the text, in order, on
// scalar boundaries. Built with libFuzzer by Fuzz/run (`-DFUZZING`); without it, the same
// program replays the files given as arguments, which is how a crash becomes a test.
import BylineEngine

func check(_ data: UnsafeBufferPointer<UInt8>) {
    let text = IndexedText(decoding: Array(data))
    for format in [ArticleFormat.plainText, .markdown] {
        let article = Article(text: text, format: format)
        let annotations = Analyzer().analyze(article)
        func valid(_ span: TextSpan) {
            precondition(span.start >= 0 && span.start <= span.end && span.end <= text.utf8Count, "span \(span) outside \(text.utf8Count) bytes")
            for offset in [span.start, span.end] where offset < text.utf8Count {
                precondition(text.bytes[offset] & 0xC0 != 0x80, "span \(span) splits a character")
            }
        }
        for entity in annotations.entities { entity.mentions.forEach { valid($0.span) } }
        for quote in annotations.quotes {
            valid(quote.span)
            quote.speaker.map { valid($0.span) }
            quote.cue.map(valid)
        }
        annotations.diagnostics.forEach { valid($0.span) }
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    check(UnsafeBufferPointer(start: data, count: size))
    return 0
}
#else
import FuzzSupport

@main struct Replay {
    static func main() { replay(CommandLine.arguments.dropFirst(), check) }
}
#endif
