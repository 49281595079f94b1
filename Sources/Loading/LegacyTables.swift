import Foundation

/// Decoding tables for the two Vietnamese encodings glibc does not have.
enum LegacyTables {
    /// TCVN3 (TCVN 5712:1993 VN3, the ABC `.VnTime` fonts): one byte a letter; the capitals with
    /// tones have no codes of their own (ABC set them in separate `.VnTimeH` fonts).
    static let tcvn3: [UInt8: String] = [
        0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
        0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
        0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
        0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
        0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
        0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
        0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
        0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
        0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
        0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
        0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
        0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
        0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
        0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
    ]

    static func decodeTCVN3(_ data: Data) -> String? {
        var out = ""
        for byte in data {
            if byte < 0x80 { out.unicodeScalars.append(Unicode.Scalar(byte)) } else if let s = tcvn3[byte] { out += s } else { return nil }
        }
        return out
    }

    /// VNI-Windows: an ASCII base letter followed by a byte for its marks (`e` + `á` = ế).
    /// The mark bytes differ for lowercase and capital letters.
    static let vniMarks: [UInt8: (lower: String, upper: String)] = [
        // tone on a plain vowel: sắc, huyền, hỏi, ngã, nặng
        0xF9: ("\u{301}", ""), 0xF8: ("\u{300}", ""), 0xFB: ("\u{309}", ""), 0xF5: ("\u{303}", ""), 0xEF: ("\u{323}", ""),
        0xD9: ("", "\u{301}"), 0xD8: ("", "\u{300}"), 0xDB: ("", "\u{309}"), 0xD5: ("", "\u{303}"), 0xCF: ("", "\u{323}"),
        // circumflex, alone and with a tone
        0xE2: ("\u{302}", ""), 0xE1: ("\u{302}\u{301}", ""), 0xE0: ("\u{302}\u{300}", ""), 0xE5: ("\u{302}\u{309}", ""),
        0xE3: ("\u{302}\u{303}", ""), 0xE4: ("\u{302}\u{323}", ""),
        0xC2: ("", "\u{302}"), 0xC1: ("", "\u{302}\u{301}"), 0xC0: ("", "\u{302}\u{300}"), 0xC5: ("", "\u{302}\u{309}"),
        0xC3: ("", "\u{302}\u{303}"), 0xC4: ("", "\u{302}\u{323}"),
        // breve, alone and with a tone
        0xEA: ("\u{306}", ""), 0xE9: ("\u{306}\u{301}", ""), 0xE8: ("\u{306}\u{300}", ""), 0xFA: ("\u{306}\u{309}", ""),
        0xFC: ("\u{306}\u{303}", ""), 0xEB: ("\u{306}\u{323}", ""),
        0xCA: ("", "\u{306}"), 0xC9: ("", "\u{306}\u{301}"), 0xC8: ("", "\u{306}\u{300}"), 0xDA: ("", "\u{306}\u{309}"),
        0xDC: ("", "\u{306}\u{303}"), 0xCB: ("", "\u{306}\u{323}"),
    ]

    /// Letters that stand alone in VNI: ơ, ư, đ, the i's with tones, ỵ.
    static let vniLetters: [UInt8: String] = [
        0xF4: "ơ", 0xF6: "ư", 0xF1: "đ", 0xED: "í", 0xEC: "ì", 0xE6: "ỉ", 0xF3: "ĩ", 0xF2: "ị", 0xEE: "ỵ",
        0xD4: "Ơ", 0xD6: "Ư", 0xD1: "Đ", 0xCD: "Í", 0xCC: "Ì", 0xC6: "Ỉ", 0xD3: "Ĩ", 0xD2: "Ị", 0xCE: "Ỵ",
    ]

    static func decodeVNI(_ data: Data) -> String? {
        var out = ""
        var previousIsLetter = false
        var previousIsUpper = false
        for byte in data {
            if byte < 0x80 {
                out.unicodeScalars.append(Unicode.Scalar(byte))
                let c = Character(Unicode.Scalar(byte))
                previousIsLetter = c.isLetter
                previousIsUpper = c.isUppercase
                continue
            }
            // A mark byte after a letter (including ơ/ư) is that letter's marks; otherwise a letter of its own.
            if previousIsLetter, let marks = vniMarks[byte] {
                let mark = previousIsUpper ? marks.upper : marks.lower
                if !mark.isEmpty {
                    out += mark
                    previousIsLetter = false
                    continue
                }
            }
            if let letter = vniLetters[byte] {
                out += letter
                previousIsLetter = true
                previousIsUpper = letter.first?.isUppercase == true
                continue
            }
            return nil
        }
        return out
    }
}
