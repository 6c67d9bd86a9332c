// Fuzz target: a document under random edits. The input is read as a script of edits
// (position, length, replacement) applied to an article through `IndexedText.replacing`,
// as the document store applies them, and through a plain byte array. After each edit the
// indexes must agree with the bytes, and an incremental analysis (reusing the previous
// tokens) must equal a fresh one.
import BylineEngine

let pieces: [[UInt8]] = ["", "a", " ", "\n", "\n\n", "\r\n", "“", "”", "\"", "'", "😀", "é", "e\u{301}", "Putin", " said ", "Mr.", "中"].map { Array($0.utf8) }

func check(_ data: UnsafeBufferPointer<UInt8>) {
    var bytes = Array("date 2022-12-30\n\n“We will win,” Mr. Putin said.\n\nHe met Xi Jinping in Moscow on Friday.".utf8)
    var text = IndexedText(validUTF8: bytes)
    var cache: TokenCache?
    var index = 0
    while index + 3 <= data.count {
        // Positions land on scalar boundaries, as the store's conversions guarantee.
        var start = Int(data[index]) * bytes.count / 256
        while start > 0, start < bytes.count, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        var end = min(bytes.count, start + Int(data[index + 1] % 8))
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let piece = pieces[Int(data[index + 2]) % pieces.count]
        bytes.replaceSubrange(start..<end, with: piece)
        text = text.replacing(start..<end, with: String(decoding: piece, as: UTF8.self))
        precondition(text.bytes == bytes, "the indexed text lost track of its bytes")
        let fresh = IndexedText(validUTF8: bytes)
        precondition(text.lineStarts == fresh.lineStarts, "line index differs from a fresh one")
        for probe in stride(from: 0, through: bytes.count, by: max(1, bytes.count / 7)) {
            for encoding in [PositionEncoding.utf8, .utf16, .utf32] {
                let position = text.position(ofByte: probe, encoding: encoding)
                precondition(position == fresh.position(ofByte: probe, encoding: encoding), "position differs at \(probe)")
            }
        }
        let article = Article(text: text)
        let (incremental, next) = Analyzer().analyze(article, reusing: cache)
        cache = next
        let expected = Analyzer().analyze(article)
        precondition(incremental.entities == expected.entities && incremental.quotes == expected.quotes
            && incremental.diagnostics == expected.diagnostics, "incremental analysis differs from a fresh one")
        index += 3
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
