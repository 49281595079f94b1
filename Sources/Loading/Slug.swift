import Foundation
import Model

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

/// The page addresses of an issue's articles: unique in the issue, the same on every build.
public enum Slugs {
    /// Names the web folder already uses for itself.
    public static let reserved: Set<String> = ["images"]

    /// Gives every article an address of its own. A slug set in the front matter is kept (two
    /// articles pinning the same one is the loader's error); the others, in manifest order, take
    /// their title's slug or, when an article before them has it, the first free `-2`, `-3` … —
    /// so an article added after the others never renames one of them. Returns the articles whose
    /// title's slug was taken, with that slug.
    public static func assign(_ articles: inout [Article]) -> [(index: Int, wanted: String)] {
        var taken = reserved.union(articles.filter(\.slugIsPinned).map(\.slug))
        var renamed: [(Int, String)] = []
        for i in articles.indices where !articles[i].slugIsPinned {
            let wanted = articles[i].slug
            var slug = wanted, n = 1
            while taken.contains(slug) {
                n += 1
                slug = "\(wanted)-\(n)"
            }
            taken.insert(slug)
            articles[i].slug = slug
            if slug != wanted { renamed.append((i, wanted)) }
        }
        return renamed
    }
}
