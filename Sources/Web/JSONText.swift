/// JSON strings written straight into bytes, as `JSONEncoder` with `.withoutEscapingSlashes`
/// writes them (`"` `\` and control characters escaped), and with `<`, `>` and `&` as `\u003c`,
/// `\u003e`, `\u0026`, so no markup survives even as data. For the search index: thousands of
/// terms and passages.
enum JSONText {
    /// `["a","b",…]`.
    static func array(of strings: [String]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (n, text) in strings.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            string(text, into: &out)
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    static func string(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        // Runs of bytes that need no escape are copied whole.
        text.withUTF8 { bytes in
            var start = 0
            for (i, byte) in bytes.enumerated() where needsEscape(byte) {
                out.append(contentsOf: bytes[start..<i])
                escape(byte, into: &out)
                start = i + 1
            }
            out.append(contentsOf: bytes[start...])
        }
        out.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<")
            || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
    }

    private static func escape(_ byte: UInt8, into out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): out += [0x5C, 0x22]
        case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
        case 0x08: out += [0x5C, UInt8(ascii: "b")]
        case 0x0C: out += [0x5C, UInt8(ascii: "f")]
        case 0x0A: out += [0x5C, UInt8(ascii: "n")]
        case 0x0D: out += [0x5C, UInt8(ascii: "r")]
        case 0x09: out += [0x5C, UInt8(ascii: "t")]
        default: unicodeEscape(byte, into: &out)
        }
    }

    /// `\u00XX`, lowercase hex.
    private static func unicodeEscape(_ byte: UInt8, into out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out += [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
    }
}
