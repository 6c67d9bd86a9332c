import Testing
@testable import BylineJSON

@Suite struct JSONParsingTests {
    @Test func parsesEveryKindOfValue() throws {
        let json = try JSON.parse(#"{"a": [1, -2, 3.5, 1e3, true, false, null, "x"], "b": {}}"#)
        #expect(json["a"] == [1, -2, 3.5, 1000.0, true, false, nil, "x"])
        #expect(json["b"] == .object(JSONObject()))
    }

    @Test func keepsIntegersExactAndTellsThemFromDoubles() throws {
        #expect(try JSON.parse("9007199254740993") == .int(9_007_199_254_740_993))
        #expect(try JSON.parse("-9223372036854775808") == .int(Int.min))
        #expect(try JSON.parse("9223372036854775808") == .double(9_223_372_036_854_775_808.0))
        #expect(try JSON.parse("2.0").intValue == 2)
        #expect(try JSON.parse("2.5").intValue == nil)
    }

    @Test func comparesObjectsWithRepeatedKeysAsReadersSeeThem() throws {
        // Invalid UTF-8 is repaired, so two different keys on the wire can become one
        // ("\u{FFFD}id" twice): the round trip must still compare equal (found by fuzzing).
        let body: [UInt8] = Array("{\"".utf8) + [0xED] + Array("id\":\"2.0\",\"".utf8) + [0xEE] + Array("id\":1}".utf8)
        let json = try JSON.parse(body)
        var written: [UInt8] = []
        json.write(to: &written)
        #expect(try JSON.parse(written) == json)
        #expect(json["\u{FFFD}id"] == 1)  // the last of a repeated key wins
        #expect(try JSON.parse(Array("{\"a\":1,\"a\":2}".utf8)) == JSON.object(["a": 2]))
        #expect(try JSON.parse(Array("{\"a\":1,\"b\":2}".utf8)) != JSON.object(["a": 1]))
    }

    @Test func refusesNumbersBeyondDoubleRange() throws {
        // Found by fuzz-transport: -55e555 became -infinity, and was written back as null.
        for text in ["-55e555", "1e400", "[1, 2e999]"] {
            #expect(throws: JSONParseError.self) { try JSON.parse(text) }
        }
        #expect(try JSON.parse("1.7e308") == .double(1.7e308))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let json = try JSON.parse(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00""#)
        #expect(json == .string("a\"b\\c/d\n\té😀"))
    }

    @Test func replacesLoneSurrogatesInsteadOfFailing() throws {
        #expect(try JSON.parse(#""\ud800x""#) == .string("\u{FFFD}x"))
        #expect(try JSON.parse(#""\udc00""#) == .string("\u{FFFD}"))
    }

    @Test func repairsInvalidUTF8InsideStrings() throws {
        let bytes: [UInt8] = [0x22, 0x61, 0xFF, 0xC3, 0x22]  // "a<FF><C3>"
        #expect(try JSON.parse(bytes) == .string("a\u{FFFD}\u{FFFD}"))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "tru", "01", "1.", "-", "\"abc", "\"a\u{01}\"", "{} x", "[1 2]", "\"\\q\"",
        "{\"a\":1,}", "nul",
    ])
    func rejectsMalformedText(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSON.parse(text) }
    }

    @Test func limitsNestingDepth() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSON.parse(deep) }
    }

    @Test func lastOfRepeatedKeysWins() throws {
        #expect(try JSON.parse(#"{"a":1,"a":2}"#)["a"] == 2)
    }

    @Test func objectEqualityIgnoresOrder() throws {
        #expect(try JSON.parse(#"{"a":1,"b":2}"#) == JSON.parse(#"{"b":2,"a":1}"#))
    }
}

@Suite struct JSONWritingTests {
    @Test func writesCompactJSONInMemberOrder() {
        let json: JSON = ["z": 1, "a": [true, nil, "é\n\"\\"], "m": 2.5]
        #expect(json.text() == #"{"z":1,"a":[true,null,"é\n\"\\"],"m":2.5}"#)
    }

    @Test func escapesControlCharacters() {
        #expect(JSON.string("\u{01}\u{1F}\t").text() == #""\u0001\u001f\t""#)
    }

    @Test func writesNonFiniteNumbersAsNull() {
        #expect(JSON.double(.nan).text() == "null")
        #expect(JSON.double(.infinity).text() == "null")
    }

    @Test func prettyPrintsWithTwoSpaces() {
        let json: JSON = ["a": [1, 2], "b": [:]]
        #expect(json.text(pretty: true) == "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {}\n}")
    }

    @Test func roundTripsRandomValues() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let value = randomJSON(depth: 0, using: &generator)
            #expect(try JSON.parse(value.serialized()) == value)
            #expect(try JSON.parse(value.serialized(pretty: true)) == value)
        }
    }

    private func randomJSON(depth: Int, using generator: inout SystemRandomNumberGenerator) -> JSON {
        let pieces = ["a", "é", "😀", "\"", "\\", "\n", "中", "\u{0301}", "\u{7F}", " ", "\u{1}"]
        switch Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &generator) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .int(Int.random(in: Int.min...Int.max, using: &generator))
        case 3: return .double(Double.random(in: -1e9...1e9, using: &generator))
        case 4:
            return .string((0..<Int.random(in: 0..<8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        case 5: return .array((0..<Int.random(in: 0..<4, using: &generator)).map { _ in randomJSON(depth: depth + 1, using: &generator) })
        default:
            var object = JSONObject()
            for index in 0..<Int.random(in: 0..<4, using: &generator) {
                object["k\(index)\(pieces.randomElement(using: &generator)!)"] = randomJSON(depth: depth + 1, using: &generator)
            }
            return .object(object)
        }
    }
}

@Suite struct JSONReaderTests {
    @Test func namesTheFieldThatIsWrong() throws {
        let json = try JSON.parse(#"{"textDocument": {"uri": 5}, "changes": [{"range": {"start": {"line": -1}}}]}"#)
        let reader = JSONReader(json)
        #expect(throws: JSONShapeError(path: "textDocument.uri", reason: "expected a string, found a number")) {
            try reader["textDocument"]["uri"].string()
        }
        #expect(throws: JSONShapeError(path: "textDocument.version", reason: "missing (expected an integer)")) {
            try reader["textDocument"]["version"].int()
        }
        let change = try reader["changes"].array()[0]
        #expect(throws: JSONShapeError(path: "changes[0].range.start.line", reason: "expected a non-negative integer, found -1")) {
            try change["range"]["start"]["line"].uint()
        }
    }

    @Test func treatsNullAsAbsentForOptionals() throws {
        let reader = JSONReader(try JSON.parse(#"{"a": null}"#))
        #expect(try reader["a"].optional { r throws(JSONShapeError) in try r.string() } == nil)
        #expect(try reader["b"].optional { r throws(JSONShapeError) in try r.string() } == nil)
    }
}
