import Testing
@testable import JSONRPC

private func frame(_ body: String, header: String? = nil) -> [UInt8] {
    let bytes = Array(body.utf8)
    return Array((header ?? "Content-Length: \(bytes.count)\r\n\r\n").utf8) + bytes
}

/// Feeds `input` to a framer in pieces of the given sizes and records what it delivers.
private func events(_ input: [UInt8], pieces: [Int]? = nil) -> [String] {
    var framer = MessageFramer()
    var delivered: [String] = []
    var offset = 0
    var sizes = pieces ?? [input.count]
    while offset < input.count {
        let size = min(sizes.isEmpty ? input.count : sizes.removeFirst(), input.count - offset)
        framer.append(Array(input[offset..<(offset + size)]))
        offset += size
        framer.drain { event in
            switch event {
            case .body(let body): delivered.append(String(decoding: body, as: UTF8.self))
            case .malformed: delivered.append("<malformed>")
            }
        }
    }
    return delivered
}

@Suite struct MessageFramerTests {
    let stream = frame(#"{"a":1}"#) + frame(#"{"b":"é😀"}"#) + frame("{}")

    @Test func deliversCoalescedFramesInOrder() {
        #expect(events(stream) == [#"{"a":1}"#, #"{"b":"é😀"}"#, "{}"])
    }

    @Test func deliversFramesSplitAtEveryByte() {
        for split in 1..<stream.count {
            #expect(events(stream, pieces: [split, stream.count]) == [#"{"a":1}"#, #"{"b":"é😀"}"#, "{}"], "split at \(split)")
        }
        #expect(events(stream, pieces: Array(repeating: 1, count: stream.count)) == [#"{"a":1}"#, #"{"b":"é😀"}"#, "{}"])
    }

    @Test func acceptsHeadersInAnyCaseAndOrderWithOptionalContentType() {
        let body = #"{"x":true}"#
        let headers = [
            "content-length: 10\r\n\r\n",
            "CONTENT-LENGTH:10\r\n\r\n",
            "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: 10\r\n\r\n",
            "Content-Length: 10\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n",
            "Content-Length: 10\n\n",
            "Content-Length:   10  \r\n\r\n",
        ]
        for header in headers {
            #expect(events(frame(body, header: header)) == [body], "\(header.debugDescription)")
        }
    }

    @Test(arguments: [
        ("no colon", "Content-Length 7\r\n\r\n"),
        ("no length", "Content-Type: application/json\r\n\r\n"),
        ("non-numeric length", "Content-Length: seven\r\n\r\n"),
        ("negative length", "Content-Length: -7\r\n\r\n"),
        ("empty length", "Content-Length: \r\n\r\n"),
        ("over the limit", "Content-Length: 99999999999999999999\r\n\r\n"),
        ("garbage line", "hello there\r\n\r\n"),
    ])
    func reportsAMalformedHeaderAndResynchronises(_ label: String, _ header: String) {
        let input = frame(#"{"bad":1}"#, header: header) + frame(#"{"good":1}"#) + frame(#"{"also":2}"#)
        #expect(events(input) == ["<malformed>", #"{"good":1}"#, #"{"also":2}"#], "\(label)")
        // And the same when the bytes trickle in.
        #expect(events(input, pieces: Array(repeating: 3, count: input.count)) == ["<malformed>", #"{"good":1}"#, #"{"also":2}"#], "\(label), trickled")
    }

    @Test func reportsAHeaderThatNeverEnds() {
        let garbage = [UInt8](repeating: UInt8(ascii: "x"), count: 40_000)
        #expect(events(garbage + frame("{}")) == ["<malformed>", "{}"])
        // Trickled in, the limit trips before the real header arrives, and the frame still survives.
        #expect(events(garbage + frame("{}"), pieces: Array(repeating: 1000, count: 41)) == ["<malformed>", "{}"])
    }

    @Test func passesBodiesHoldingInvalidUTF8ThroughUntouched() {
        var framer = MessageFramer()
        let body: [UInt8] = [0x7B, 0xFF, 0xC3, 0x7D]
        framer.append(Array("Content-Length: 4\r\n\r\n".utf8) + body)
        var delivered: [[UInt8]] = []
        framer.drain { if case .body(let bytes) = $0 { delivered.append(Array(bytes)) } }
        #expect(delivered == [body])
    }

    @Test func acceptsA64MiBBody() {
        let size = 64 * 1024 * 1024 + 17
        var framer = MessageFramer()
        framer.append(Array("Content-Length: \(size)\r\n\r\n".utf8))
        let chunk = [UInt8](repeating: UInt8(ascii: " "), count: 1 << 20)
        var delivered = 0
        var remaining = size
        while remaining > 0 {
            let piece = min(remaining, chunk.count)
            framer.append(Array(chunk[0..<piece]))
            remaining -= piece
            framer.drain { if case .body(let bytes) = $0 { delivered = bytes.count } }
        }
        #expect(delivered == size)
        #expect(framer.isAtFrameBoundary)
    }

    @Test func knowsWhenTheStreamStopsInsideAFrame() {
        var framer = MessageFramer()
        framer.append(Array("Content-Length: 10\r\n\r\n{\"a\"".utf8))
        framer.drain { _ in }
        #expect(!framer.isAtFrameBoundary)
    }

    @Test func skipsBlankLinesBetweenFrames() {
        #expect(events(frame("{}") + Array("\r\n\r\n".utf8) + frame("[]")) == ["{}", "[]"])
    }
}
