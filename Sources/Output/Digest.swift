import Foundation

/// FNV-1a in two 64-bit lanes with different offsets: 128 bits, fast, the same in every process
/// (Swift's `Hasher` is seeded per process, so it cannot name files that outlive one).
public struct Digest {
    public init() {}

    private var a: UInt64 = Digest.offset
    private var b: UInt64 = 0x6c62_272e_07bb_0142
    private static let prime: UInt64 = 0x100_0000_01b3
    private static let offset: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Whole files (fonts of a few megabytes each build) go eight bytes a step, little-endian,
    /// then the last few bytes one by one: FNV-1a's multiply chain is the cost, so fewer
    /// steps make it about eight times faster than byte by byte. A multiply carries low bits
    /// up but never high bits down, so each step folds the high half back down; the second
    /// lane takes the word's halves swapped, so the two lanes do not fail together.
    public mutating func add(_ data: Data) {
        data.withUnsafeBytes { raw in
            let words = raw.count / 8
            for i in 0..<words {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))
                a = (a ^ word) &* Self.prime
                a ^= a >> 32
                b = (b ^ (word << 32 | word >> 32)) &* Self.prime
                b ^= b >> 32
            }
            for byte in raw[(words * 8)...] {
                a = (a ^ UInt64(byte)) &* Self.prime
                b = (b ^ UInt64(byte)) &* Self.prime
            }
        }
        end(data.count)
    }

    public mutating func add(_ text: String) {
        for byte in text.utf8 {
            a = (a ^ UInt64(byte)) &* Self.prime
            b = (b ^ UInt64(byte)) &* Self.prime
        }
        end(text.utf8.count)
    }

    /// Ends a field with its length, so `ab` + `c` and `a` + `bc` differ.
    private mutating func end(_ length: Int) {
        var n = UInt64(length)
        for _ in 0..<8 {
            a = (a ^ (n & 0xFF)) &* Self.prime
            b = (b ^ (n & 0xFF)) &* Self.prime
            n >>= 8
        }
    }

    public var hex: String {
        [a, b].map { String($0, radix: 16).leftPadded(to: 16) }.joined()
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
