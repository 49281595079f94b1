import Foundation
import Output
import Testing

/// The digest names cache entries: equal input, equal name; any changed byte, a new name.
struct DigestTests {
    private func hex(_ bytes: [UInt8]) -> String {
        var digest = Digest()
        digest.add(Data(bytes))
        return digest.hex
    }

    @Test func sameBytesSameDigestAnyChangedByteANewOne() {
        // 8 whole words and 5 bytes of tail, so both the word steps and the byte steps are hit.
        let bytes = (0..<69).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        let original = hex(bytes)
        #expect(hex(bytes) == original)
        var seen: Set<String> = [original]
        for i in bytes.indices {
            for flip: UInt8 in [0x01, 0x80] {
                var changed = bytes
                changed[i] ^= flip
                seen.insert(hex(changed))
            }
        }
        #expect(seen.count == 1 + bytes.count * 2)
    }

    @Test func fieldsAreDelimited() {
        var ab = Digest(), a = Digest()
        ab.add("ab")
        ab.add("c")
        a.add("a")
        a.add("bc")
        #expect(ab.hex != a.hex)
        #expect(ab.hex.count == 32)
    }
}
