import Foundation

/// The 67 lowercase Vietnamese letters with marks and their capitals — 134 in all: the 12 vowels
/// with each of the 5 tone marks (60), the 6 bare vowels with a breve, circumflex or horn
/// (ă â ê ô ơ ư), and đ. Plain a e i o u y are ASCII and need no check.
public enum VietnameseLetters {
    static let vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
    /// none, huyền, hỏi, ngã, sắc, nặng
    static let tones: [String] = ["", "\u{300}", "\u{309}", "\u{303}", "\u{301}", "\u{323}"]

    public static let lowercase: [Unicode.Scalar] = {
        var out: [Unicode.Scalar] = []
        for v in vowels {
            for t in tones {
                let composed = (v + t).precomposedStringWithCanonicalMapping
                if let s = composed.unicodeScalars.first, composed.unicodeScalars.count == 1, !s.isASCII { out.append(s) }
            }
        }
        out.append("đ")
        return out
    }()

    public static let all: [Unicode.Scalar] = lowercase + lowercase.map {
        Character($0).uppercased().unicodeScalars.first!
    }
}
