// Fuzz target: the transport. Arbitrary bytes are fed to the LSP frame splitter in pieces,
// every body is parsed as JSON and classified as a JSON-RPC message, and every JSON value
// that parses is written back and must parse to the same value.
import BylineJSON
import JSONRPC

func check(_ data: UnsafeBufferPointer<UInt8>) {
    var framer = MessageFramer(maxBodyLength: 1 << 20)
    // Split at a point the input chooses, to reach every state of the splitter.
    let split = data.isEmpty ? 0 : Int(data[0]) % (data.count + 1)
    for piece in [UnsafeBufferPointer(rebasing: data[0..<split]), UnsafeBufferPointer(rebasing: data[split...])] {
        framer.append(UnsafeRawBufferPointer(piece))
        framer.drain { event in
            guard case .body(let body) = event, let json = try? JSON.parse(body) else { return }
            _ = try? IncomingMessage(json: json)
            var written: [UInt8] = []
            json.write(to: &written)
            guard let again = try? JSON.parse(written) else { preconditionFailure("written JSON does not parse") }
            precondition(again == json, "JSON changed in a round trip")
        }
    }
    // The whole input as one JSON text too.
    if let json = try? JSON.parse(data) {
        _ = try? IncomingMessage(json: json)
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
