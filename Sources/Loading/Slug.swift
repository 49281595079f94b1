import Foundation

extension String {
    /// The URL segment for a title: tones and marks dropped, đ→d, lowercase ASCII words
    /// joined by hyphens (`Hội nghị tổng kết năm 2024` → `hoi-nghi-tong-ket-nam-2024`).
    public var slug: String {
        var out = ""
        var pendingHyphen = false
        for scalar in self.decomposedStringWithCanonicalMapping.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }
            var c = scalar
            if scalar == "đ" || scalar == "Đ" { c = "d" }
            let lower = Character(c).lowercased()
            if lower.count == 1, let ascii = lower.unicodeScalars.first, ascii.isASCII,
               ascii.properties.isAlphabetic || ("0"..."9").contains(Character(ascii)) {
                if pendingHyphen && !out.isEmpty { out += "-" }
                pendingHyphen = false
                out += lower
            } else {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "bai-viet" : out
    }
}
