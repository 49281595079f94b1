import Foundation
@testable import Loading
import Testing

/// Ingest skips Foundation's normaliser for text whose every scalar NFC leaves alone. The claim
/// is checked here for every scalar the fast path accepts: alone, and after each base letter a
/// mark could compose with.
@Suite struct NFCFastPathTests {
    @Test func everyAcceptedScalarIsLeftAloneByNFC() {
        var wrong: [String] = []
        for value in UInt32(0)...0x20C0 {
            guard let scalar = Unicode.Scalar(value), Unicode.isCertainlyNFC(String(scalar)) else { continue }
            for base in ["", "a", "e", "o", "u", "y", "A", "Ơ", "ư"] {
                let text = base + String(scalar)
                if text.precomposedStringWithCanonicalMapping != text { wrong.append(String(value, radix: 16)) }
            }
        }
        #expect(wrong.isEmpty, "NFC changes: \(wrong.prefix(20))")
    }

    @Test func textNeedingNormalisationIsNotTakenForNFC() {
        #expect(!Unicode.isCertainlyNFC("Vie\u{323}\u{302}t"))      // NFD
        #expect(!Unicode.isCertainlyNFC("Ohm \u{2126}"))            // a singleton (Ω → Ω)
        #expect(Unicode.isCertainlyNFC("Việt Nam — “Số 4” … 10 ₫"))
        #expect(Unicode.ingest("Vie\u{323}\u{302}t") == "Việt")
    }
}
