/// A plain binary form for the article cache: little-endian integers, doubles by their bits,
/// strings as length and UTF-8. `BinaryReader` throws on anything short or out of place, and
/// the store then simply typesets the article again.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ v: Int) { append(UInt64(bitPattern: Int64(v))) }
    mutating func uint32(_ v: UInt32) { append(UInt64(v)) }
    mutating func double(_ v: Double) { append(v.bitPattern) }
    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }

    mutating func string(_ s: String) {
        int(s.utf8.count)
        bytes += s.utf8
    }

    mutating func optional<T>(_ v: T?, _ write: (inout BinaryWriter, T) -> Void) {
        bool(v != nil)
        if let v { write(&self, v) }
    }

    mutating func array<T>(_ items: [T], _ write: (inout BinaryWriter, T) -> Void) {
        int(items.count)
        for item in items { write(&self, item) }
    }

    private mutating func append(_ v: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(shift))) }
    }
}

struct BinaryReader {
    struct Damaged: Error {}

    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { offset == bytes.count }

    mutating func int() throws -> Int { Int(Int64(bitPattern: try word())) }
    mutating func uint32() throws -> UInt32 {
        let v = try word()
        guard v <= UInt64(UInt32.max) else { throw Damaged() }
        return UInt32(v)
    }
    mutating func double() throws -> Double { Double(bitPattern: try word()) }

    mutating func bool() throws -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Damaged() }
        defer { offset += 1 }
        return bytes[offset] == 1
    }

    mutating func string() throws -> String {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw Damaged() }
        defer { offset += count }
        return String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
    }

    mutating func optional<T>(_ read: (inout BinaryReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout BinaryReader) throws -> T) throws -> [T] {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw Damaged() }
        var out: [T] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try read(&self)) }
        return out
    }

    private mutating func word() throws -> UInt64 {
        guard bytes.count - offset >= 8 else { throw Damaged() }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[offset + i]) << UInt64(8 * i) }
        offset += 8
        return v
    }
}
