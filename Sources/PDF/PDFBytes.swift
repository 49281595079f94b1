/// A growing buffer of PDF syntax: content-stream operators, CMaps, arrays. Numbers are written
/// by hand (at most three decimals, no exponent, no trailing zeros) because `String(Double)`
/// and `String(format:)` are too slow for a few million glyph positions.
struct PDFBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var count: Int { bytes.count }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// A number rounded to `decimals` places (at most 4), then a space.
    mutating func number(_ value: Double, decimals: Int = 3) {
        let scale = PDFBytes.powerOfTen(decimals)
        var scaled = Int((value * Double(scale)).rounded())
        if scaled < 0 {
            bytes.append(UInt8(ascii: "-"))
            scaled = -scaled
        }
        let whole = scaled / scale, fraction = scaled % scale
        integer(whole)
        if fraction != 0 {
            bytes.append(UInt8(ascii: "."))
            var digits = decimals, f = fraction
            while f % 10 == 0 { f /= 10; digits -= 1 }
            var divisor = PDFBytes.powerOfTen(digits - 1)
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(f / divisor % 10))
                divisor /= 10
            }
        }
        bytes.append(UInt8(ascii: " "))
    }

    private static func powerOfTen(_ n: Int) -> Int {
        switch n {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1000
        default: 10000
        }
    }

    /// A non-negative integer, no space after it.
    mutating func integer(_ value: Int) {
        if value >= 10 { integer(value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// Four upper-case hex digits: a glyph id in a `/Identity-H` string or a CMap.
    mutating func hex16(_ value: UInt32) {
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(PDFBytes.hexDigits[Int((value >> UInt32(shift)) & 0xF)])
        }
    }

    /// A glyph id as its two bytes (big-endian) inside a literal string: `(`, `)` and `\\` are
    /// escaped, and so are CR and LF, which a reader would otherwise take for an end of line.
    mutating func glyphCode(_ value: UInt32) {
        stringByte(UInt8(truncatingIfNeeded: value >> 8))
        stringByte(UInt8(truncatingIfNeeded: value))
    }

    private mutating func stringByte(_ byte: UInt8) {
        switch byte {
        case 0x28, 0x29, 0x5C: bytes.append(0x5C); bytes.append(byte)
        case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
        default: bytes.append(byte)
        }
    }

    /// `<FEFF…>`: text as a UTF-16BE hex string with its byte-order mark.
    mutating func utf16Hex(_ text: String, bom: Bool = true) {
        bytes.append(UInt8(ascii: "<"))
        if bom { append("FEFF") }
        for unit in text.utf16 { hex16(UInt32(unit)) }
        bytes.append(UInt8(ascii: ">"))
    }

    static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}
