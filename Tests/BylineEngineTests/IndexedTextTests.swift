import Testing
@testable import BylineEngine

/// A deliberately naive model of positions: walk every scalar, count every unit. The fast
/// block-indexed implementation must agree with it everywhere.
private struct NaivePositions {
    struct Place: Equatable {
        var byte: Int
        var scalar: Int
        var utf16: Int
        var line: Int
        var column8: Int
        var column16: Int
        var column32: Int
    }

    var places: [Place] = []  // one per scalar boundary, including the end
    var lineLengths: [(utf8: Int, utf16: Int, utf32: Int)] = []

    init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var byte = 0, utf16 = 0, line = 0, c8 = 0, c16 = 0, c32 = 0
        var index = 0
        while index <= scalars.count {
            places.append(Place(byte: byte, scalar: index, utf16: utf16, line: line, column8: c8, column16: c16, column32: c32))
            guard index < scalars.count else { break }
            let scalar = scalars[index]
            let width8 = String(scalar).utf8.count
            let width16 = scalar.value > 0xFFFF ? 2 : 1
            byte += width8
            utf16 += width16
            let isCRBeforeLF = scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n"
            if scalar == "\n" || (scalar == "\r" && !isCRBeforeLF) {
                lineLengths.append((c8, c16, c32))
                line += 1
                c8 = 0; c16 = 0; c32 = 0
            } else if isCRBeforeLF {
                // The CR of a CRLF is inside the line break; its column counts on.
                c8 += 1; c16 += 1; c32 += 1
                lineLengths.append((c8 - 1, c16 - 1, c32 - 1))
                index += 1
                places.append(Place(byte: byte, scalar: index, utf16: utf16, line: line, column8: c8, column16: c16, column32: c32))
                byte += 1; utf16 += 1
                line += 1
                c8 = 0; c16 = 0; c32 = 0
            } else {
                c8 += width8; c16 += width16; c32 += 1
            }
            index += 1
        }
        lineLengths.append((c8, c16, c32))
    }
}

private let pieces = ["a", "b", " ", "\n", "\r\n", "\r", "😀", "👩‍👩‍👧", "中", "文", "é", "e\u{0301}", "\t", "𝒳", "Putin", "ß", "\u{FEFF}"]

private func randomText(maxPieces: Int, using generator: inout some RandomNumberGenerator) -> String {
    (0..<Int.random(in: 0...maxPieces, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
}

@Suite struct IndexedTextTests {
    @Test func matchesTheNaiveModelOnRandomTexts() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<400 {
            let text = randomText(maxPieces: round < 200 ? 40 : 400, using: &generator)
            verify(IndexedText(text), against: text)
        }
    }

    @Test func survivesRandomEditsLikeAStringDoes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<60 {
            var reference = randomText(maxPieces: 100, using: &generator)
            var indexed = IndexedText(reference)
            for _ in 0..<25 {
                let scalars = Array(reference.unicodeScalars)
                // LSP positions cannot point between the CR and LF of a CRLF, so edits never start there.
                func boundary(_ offset: Int) -> Int {
                    offset > 0 && offset < scalars.count && scalars[offset - 1] == "\r" && scalars[offset] == "\n" ? offset - 1 : offset
                }
                let a = boundary(Int.random(in: 0...scalars.count, using: &generator))
                let b = boundary(Int.random(in: a...scalars.count, using: &generator))
                let insertion = randomText(maxPieces: 5, using: &generator)
                var newScalars = String.UnicodeScalarView()
                newScalars.append(contentsOf: scalars[0..<a])
                newScalars.append(contentsOf: insertion.unicodeScalars)
                newScalars.append(contentsOf: scalars[b...])
                // The edit is made through LSP positions, as a client would send it.
                let encoding = PositionEncoding.allCases.randomElement(using: &generator)!
                let start = indexed.position(ofByte: indexed.byteOffset(ofScalar: a), encoding: encoding)
                let end = indexed.position(ofByte: indexed.byteOffset(ofScalar: b), encoding: encoding)
                let lower = indexed.byteOffset(of: start, encoding: encoding)
                let upper = indexed.byteOffset(of: end, encoding: encoding)
                #expect(!lower.outOfRange && !upper.outOfRange)
                indexed = indexed.replacing(lower.offset..<upper.offset, with: insertion)
                reference = String(newScalars)
                #expect(indexed.string == reference)
            }
            verify(indexed, against: reference)
        }
    }

    /// `replacing` rescans only around the edit and shifts the rest of its tables; the result
    /// must be indistinguishable from indexing the new text from scratch. Line breaks are
    /// dense here so that CRs and LFs keep landing on the seams of the rescanned stretch.
    @Test func incrementalReindexingEqualsAFreshIndex() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "\n", "\r\n", "\r", "😀", "中", String(repeating: "b", count: 35)]
        for _ in 0..<1500 {
            var text = IndexedText((0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
            for _ in 0..<6 {
                let scalarCount = text.scalarOffset(ofByte: text.utf8Count)
                let a = Int.random(in: 0...scalarCount, using: &generator)
                let b = Int.random(in: a...min(scalarCount, a + 4), using: &generator)
                let insertion = (0..<Int.random(in: 0...2, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
                let edited = text.replacing(text.byteOffset(ofScalar: a)..<text.byteOffset(ofScalar: b), with: insertion)
                let fresh = IndexedText(edited.string)
                #expect(edited.lineStarts == fresh.lineStarts)
                #expect(edited.lineContentEnds == fresh.lineContentEnds)
                #expect(zip(edited.checkpoints, edited.checkpoints.dropFirst()).allSatisfy { $0 < $1 && $1 - $0 < 2 * IndexedText.checkpointSpacing })
                for offset in stride(from: 0, through: edited.utf8Count, by: 3) {
                    #expect(edited.scalarOffset(ofByte: offset) == fresh.scalarOffset(ofByte: offset))
                    #expect(edited.utf16Offset(ofByte: offset) == fresh.utf16Offset(ofByte: offset))
                }
                text = edited
            }
        }
    }

    private func verify(_ indexed: IndexedText, against text: String) {
        let model = NaivePositions(text)
        #expect(indexed.lineCount == model.lineLengths.count, "line count of \(text.debugDescription)")
        for place in model.places {
            #expect(indexed.scalarOffset(ofByte: place.byte) == place.scalar)
            #expect(indexed.utf16Offset(ofByte: place.byte) == place.utf16)
            #expect(indexed.byteOffset(ofScalar: place.scalar) == place.byte)
            #expect(indexed.position(ofByte: place.byte, encoding: .utf8) == TextPosition(line: place.line, character: place.column8))
            #expect(indexed.position(ofByte: place.byte, encoding: .utf16) == TextPosition(line: place.line, character: place.column16))
            #expect(indexed.position(ofByte: place.byte, encoding: .utf32) == TextPosition(line: place.line, character: place.column32))
            let lineLength = model.lineLengths[place.line]
            // Positions inside a line break are not addressable as columns; skip the CR of a CRLF.
            guard place.column8 <= lineLength.utf8 else { continue }
            for (encoding, column) in [(PositionEncoding.utf8, place.column8), (.utf16, place.column16), (.utf32, place.column32)] {
                let result = indexed.byteOffset(of: TextPosition(line: place.line, character: column), encoding: encoding)
                #expect(result.offset == place.byte && !result.outOfRange, "\(encoding) \(place.line):\(column) in \(text.debugDescription)")
            }
        }
    }

    @Test func clampsColumnsPastTheEndOfALine() {
        let text = IndexedText("ab\r\ncd")
        #expect(text.byteOffset(of: TextPosition(line: 0, character: 9), encoding: .utf16) == (2, true))
        #expect(text.byteOffset(of: TextPosition(line: 1, character: 2), encoding: .utf16) == (6, false))
        #expect(text.byteOffset(of: TextPosition(line: 1, character: 3), encoding: .utf8) == (6, true))
    }

    @Test func clampsLinesPastTheEndOfTheText() {
        let text = IndexedText("ab\n")
        #expect(text.lineCount == 2)
        #expect(text.byteOffset(of: TextPosition(line: 2, character: 0), encoding: .utf16) == (3, false))
        #expect(text.byteOffset(of: TextPosition(line: 7, character: 4), encoding: .utf16) == (3, true))
    }

    @Test func snapsAColumnInsideASurrogatePairToTheCharacterStart() {
        let text = IndexedText("a😀b")
        #expect(text.byteOffset(of: TextPosition(line: 0, character: 2), encoding: .utf16) == (1, false))
        #expect(text.byteOffset(of: TextPosition(line: 0, character: 3), encoding: .utf16) == (5, false))
        #expect(text.byteOffset(of: TextPosition(line: 0, character: 3), encoding: .utf8) == (1, false))
    }

    @Test func treatsLoneCRAndCRLFAsOneBreakEach() {
        let text = IndexedText("a\rb\r\nc\n\rd")
        #expect(text.lineStarts == [0, 2, 5, 7, 8])
        #expect(text.lineContentEnds == [1, 3, 6, 7, 9])
    }

    @Test func indexesLongSingleLinesWithoutScanningThemWhole() {
        let line = String(repeating: "é😀x", count: 50_000)
        let text = IndexedText(line)
        let byte = text.byteOffset(ofScalar: 90_001)
        #expect(text.position(ofByte: byte, encoding: .utf16) == TextPosition(line: 0, character: 120_001))
        #expect(text.byteOffset(of: TextPosition(line: 0, character: 120_001), encoding: .utf16).offset == byte)
    }

    @Test func repairsInvalidUTF8WithReplacementCharacters() {
        let text = IndexedText(decoding: [0x61, 0xFF, 0x62, 0xE2, 0x82])
        #expect(text.string == "a\u{FFFD}b\u{FFFD}")
        #expect(text.scalarOffset(ofByte: text.utf8Count) == 4)
    }

    @Test func handlesTheEmptyText() {
        let text = IndexedText("")
        #expect(text.lineCount == 1)
        #expect(text.position(ofByte: 0, encoding: .utf16) == TextPosition(line: 0, character: 0))
        #expect(text.byteOffset(of: TextPosition(line: 0, character: 0), encoding: .utf16) == (0, false))
    }
}
