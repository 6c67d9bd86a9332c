extension JSON {
    /// The value as compact UTF-8 JSON, or indented by two spaces when `pretty` is set.
    public func serialized(pretty: Bool = false) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(to: &output, pretty: pretty, indent: 0)
        return output
    }

    /// The value as a compact or indented JSON string.
    public func text(pretty: Bool = false) -> String {
        String(decoding: serialized(pretty: pretty), as: UTF8.self)
    }

    public func write(to output: inout [UInt8], pretty: Bool = false, indent: Int = 0) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let b): output.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): appendInteger(i, to: &output)
        case .double(let d):
            if d.isFinite {
                if d.rounded() == d, abs(d) < 1e15 {
                    appendInteger(Int(d), to: &output)
                } else {
                    output.append(contentsOf: "\(d)".utf8)
                }
            } else {
                output.append(contentsOf: "null".utf8)  // JSON has no NaN or infinity
            }
        case .string(let s): writeJSONString(s, to: &output)
        case .array(let elements):
            if elements.isEmpty {
                output.append(contentsOf: "[]".utf8)
                return
            }
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                if pretty { newline(&output, indent + 1) }
                element.write(to: &output, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(&output, indent) }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.count == 0 {
                output.append(contentsOf: "{}".utf8)
                return
            }
            output.append(UInt8(ascii: "{"))
            var first = true
            for member in object {
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                if pretty { newline(&output, indent + 1) }
                writeJSONString(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                if pretty { output.append(UInt8(ascii: " ")) }
                member.value.write(to: &output, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(&output, indent) }
            output.append(UInt8(ascii: "}"))
        }
    }
}

@inline(__always)
private func newline(_ output: inout [UInt8], _ indent: Int) {
    output.append(0x0A)
    for _ in 0..<(indent * 2) { output.append(0x20) }
}

private func appendInteger(_ value: Int, to output: inout [UInt8]) {
    if value == 0 {
        output.append(UInt8(ascii: "0"))
        return
    }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                 UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var magnitude = value.magnitude
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
        while magnitude > 0 {
            buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            count += 1
        }
        if value < 0 { output.append(UInt8(ascii: "-")) }
        while count > 0 {
            count -= 1
            output.append(buffer[count])
        }
    }
}

private let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

/// Writes a JSON string literal. Non-ASCII text stays as raw UTF-8; only the quote, the
/// backslash and control characters are escaped, which keeps large document texts cheap.
public func writeJSONString(_ string: String, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    var string = string
    string.withUTF8 { bytes in
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            if runStart < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            runStart = index + 1
            output.append(UInt8(ascii: "\\"))
            switch byte {
            case 0x22: output.append(0x22)
            case 0x5C: output.append(0x5C)
            case 0x0A: output.append(UInt8(ascii: "n"))
            case 0x0D: output.append(UInt8(ascii: "r"))
            case 0x09: output.append(UInt8(ascii: "t"))
            case 0x08: output.append(UInt8(ascii: "b"))
            case 0x0C: output.append(UInt8(ascii: "f"))
            default:
                output.append(contentsOf: "u00".utf8)
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0xF)])
            }
        }
        if runStart < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count])) }
    }
    output.append(UInt8(ascii: "\""))
}
