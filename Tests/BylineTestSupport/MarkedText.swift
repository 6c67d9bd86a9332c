import BylineEngine
import BylineJSON

/// Text with positions marked inline, as sourcekit-lsp's tests do, so that no test counts
/// columns by hand: `"Mr. 1️⃣Putin2️⃣ said"` gives the text without the markers and the byte
/// offset of each marker.
public struct MarkedText: Sendable {
    public static let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    public let text: String
    public let indexed: IndexedText
    /// Byte offsets by marker, "1️⃣" → offset.
    public let offsets: [String: Int]

    public init(_ marked: String) {
        var text = ""
        var offsets: [String: Int] = [:]
        var rest = Substring(marked)
        outer: while !rest.isEmpty {
            for marker in Self.markers where rest.hasPrefix(marker) {
                offsets[marker] = text.utf8.count
                rest = rest.dropFirst(marker.count)
                continue outer
            }
            text.append(rest.removeFirst())
        }
        self.text = text
        self.indexed = IndexedText(text)
        self.offsets = offsets
    }

    public func offset(_ marker: String) -> Int { offsets[marker]! }

    /// The LSP position of a marker in the given encoding.
    public func position(_ marker: String, _ encoding: PositionEncoding = .utf16) -> TextPosition {
        indexed.position(ofByte: offset(marker), encoding: encoding)
    }

    /// The LSP range between two markers.
    public func range(_ from: String, _ to: String, _ encoding: PositionEncoding = .utf16) -> JSON {
        ["start": position(from, encoding).jsonValue, "end": position(to, encoding).jsonValue]
    }

    /// The code-point offset of a marker, as the CLI reports offsets.
    public func scalarOffset(_ marker: String) -> Int { indexed.scalarOffset(ofByte: offset(marker)) }
}

extension TextPosition {
    /// The position as an LSP `Position` object.
    public var jsonValue: JSON { ["line": .int(line), "character": .int(character)] }
}

/// A small deterministic random generator, so that a failing random test can be replayed.
public struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    public init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
    public mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
