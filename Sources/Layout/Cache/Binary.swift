/// The article cache's binary primitives: fixed-width little-endian values copied in whole
/// (doubles by their bits, so a value read back is the value written), LEB128 varints for
/// counts and small numbers, and a checksum over the whole entry. `BinaryReader` throws on
/// anything short or out of place, and the store then simply typesets the article again.
struct BinaryWriter: ~Copyable {
    /// Memory of its own, grown by doubling: every write checks room once and stores its value
    /// whole, where appending to an array checks uniqueness and capacity byte by byte.
    private var base: UnsafeMutableRawPointer
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(byteCount: self.capacity, alignment: 8)
    }

    deinit {
        base.deallocate()
    }

    @inline(__always)
    mutating func byte(_ v: UInt8) { fixed(v) }
    @inline(__always)
    mutating func uint16(_ v: UInt16) { fixed(v) }
    @inline(__always)
    mutating func uint32(_ v: UInt32) { fixed(v) }
    @inline(__always)
    mutating func double(_ v: Double) { fixed(v.bitPattern) }
    @inline(__always)
    mutating func fixed<T: FixedWidthInteger>(_ v: T) { unchecked(atMost: MemoryLayout<T>.size) { $0.fixed(v) } }
    @inline(__always)
    mutating func varint(_ v: UInt64) { unchecked(atMost: 10) { $0.varint(v) } }
    @inline(__always)
    mutating func count(_ n: Int) { varint(UInt64(n)) }
    @inline(__always)
    mutating func signed(_ v: Int) { unchecked(atMost: 10) { $0.signed(v) } }

    /// Lets `fill` write at most `most` bytes with no check of room for each value (a run's
    /// glyphs, where checking each would cost about as much as writing it).
    @inline(__always)
    mutating func unchecked(atMost most: Int, _ fill: (inout Cursor) -> Void) {
        room(most)
        var cursor = Cursor(at: base + count)
        fill(&cursor)
        count = cursor.at - base
        precondition(count <= capacity, "wrote more than it said it would")
    }

    /// Where the next byte goes.
    struct Cursor {
        fileprivate(set) var at: UnsafeMutableRawPointer

        @inline(__always)
        mutating func fixed<T: FixedWidthInteger>(_ v: T) {
            at.storeBytes(of: v.littleEndian, as: T.self)
            at += MemoryLayout<T>.size
        }

        @inline(__always)
        mutating func double(_ v: Double) { fixed(v.bitPattern) }

        /// LEB128: seven bits a byte, low first; the high bit says more follow (ten at most).
        @inline(__always)
        mutating func varint(_ v: UInt64) {
            var v = v
            while v >= 0x80 {
                at.storeBytes(of: UInt8(truncatingIfNeeded: v) | 0x80, as: UInt8.self)
                at += 1
                v >>= 7
            }
            at.storeBytes(of: UInt8(v), as: UInt8.self)
            at += 1
        }

        /// Zigzag: small magnitudes of either sign take one byte.
        @inline(__always)
        mutating func signed(_ v: Int) { varint(UInt64(bitPattern: Int64((v << 1) ^ (v >> 63)))) }
    }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            count(utf8.count)
            append(UnsafeRawBufferPointer(utf8))
        }
    }

    mutating func append(_ raw: UnsafeRawBufferPointer) {
        guard let from = raw.baseAddress else { return }
        room(raw.count)
        (base + count).copyMemory(from: from, byteCount: raw.count)
        count += raw.count
    }

    /// Overwrites four bytes written before (a length known only later).
    mutating func patch(_ v: UInt32, at offset: Int) {
        precondition(offset + 4 <= count)
        base.storeBytes(of: v.littleEndian, toByteOffset: offset, as: UInt32.self)
    }

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Ends the entry with the checksum of everything before it.
    mutating func seal() {
        let sum = withUnsafeBytes { Checksum.of($0) }
        fixed(sum)
    }

    @inline(__always)
    private mutating func room(_ n: Int) {
        if count &+ n > capacity { grow(count + n) }
    }

    private mutating func grow(_ needed: Int) {
        capacity = max(needed, capacity * 2)
        let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        bigger.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = bigger
    }
}

/// Reads what a `BinaryWriter` wrote, from memory that outlives it (an entry's bytes, held by
/// the caller for the whole decode).
struct BinaryReader {
    struct Damaged: Error {}

    private var bytes: UnsafeRawBufferPointer
    private var offset = 0

    /// A reader of a sealed entry, after checking its checksum: a damaged or truncated entry is
    /// refused here, whatever its bytes would otherwise decode to.
    init(sealed bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count >= 8 else { throw Damaged() }
        let body = UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count - 8)])
        guard Checksum.of(body) == UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: body.count, as: UInt64.self))
        else { throw Damaged() }
        self.bytes = body
    }

    private init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var atEnd: Bool { offset == bytes.count }

    /// A reader of what lies from `end` on; this reader stops there.
    mutating func split(at end: Int) throws -> BinaryReader {
        guard end >= offset, end <= bytes.count else { throw Damaged() }
        let rest = BinaryReader(UnsafeRawBufferPointer(rebasing: bytes[end...]))
        bytes = UnsafeRawBufferPointer(rebasing: bytes[..<end])
        return rest
    }

    @inline(__always)
    mutating func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw Damaged() }
        defer { offset += 1 }
        return bytes[offset]
    }

    @inline(__always)
    mutating func uint16() throws -> UInt16 { try fixed() }
    @inline(__always)
    mutating func uint32() throws -> UInt32 { try fixed() }
    @inline(__always)
    mutating func double() throws -> Double { Double(bitPattern: try fixed()) }

    @inline(__always)
    mutating func varint() throws -> UInt64 {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        var i = offset
        while i < bytes.count, shift < 64 {
            let b = bytes[i]
            i += 1
            v |= UInt64(b & 0x7f) << shift
            if b < 0x80 {
                offset = i
                return v
            }
            shift += 7
        }
        throw Damaged()
    }

    /// A count of things each at least one byte long, so a damaged count cannot ask for more
    /// than is left.
    mutating func count() throws -> Int {
        let n = try varint()
        guard n <= UInt64(bytes.count - offset) else { throw Damaged() }
        return Int(n)
    }

    /// A count written with a flag in its lowest bit (`count << 1 | flag`), checked as `count()`
    /// checks a count.
    mutating func flaggedCount() throws -> (count: Int, flag: Bool) {
        let v = try varint()
        guard v >> 1 <= UInt64(bytes.count - offset) else { throw Damaged() }
        return (Int(v >> 1), v & 1 != 0)
    }

    @inline(__always)
    mutating func signed() throws -> Int {
        let z = try varint()
        return Int(Int64(bitPattern: z >> 1) ^ -Int64(bitPattern: z & 1))
    }

    mutating func string() throws -> String {
        let n = try count()
        defer { offset += n }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n)]), as: UTF8.self)
    }

    @inline(__always)
    mutating func fixed<T: FixedWidthInteger>() throws -> T {
        guard bytes.count - offset >= MemoryLayout<T>.size else { throw Damaged() }
        defer { offset += MemoryLayout<T>.size }
        return T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }
}

/// A 64-bit checksum taken eight bytes at a time (a multiply–rotate mix, as in FNV-1a but by
/// words): fast enough to run over every entry, and any flipped or missing byte changes it.
enum Checksum {
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ w: UInt64) {
            h = (h ^ w) &* 0x9e37_79b9_7f4a_7c15
            h = (h << 31) | (h >> 33)
        }
        let words = bytes.count / 8
        for i in 0..<words { mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))) }
        var tail: UInt64 = 0
        for i in (words * 8)..<bytes.count { tail = tail << 8 | UInt64(bytes[i]) }
        mix(tail)
        mix(UInt64(bytes.count))
        return h
    }
}
