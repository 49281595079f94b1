import Foundation
import Model

/// The characters the web fonts keep: Latin and Vietnamese whole (the ranges Google Fonts
/// serves as `latin` and `vietnamese`), so that an article added later or a query typed into
/// the search box rarely needs a character the fonts lack; and every character of the site's
/// text (all issues on the site, the templates, the stylesheet and scripts), so that none is
/// drawn from a fallback font. Characters a font does not have are simply left out of it.
enum SiteCharacters {
    static let ranges: [ClosedRange<UInt32>] = [
        0x20...0x7E, 0xA0...0xFF, 0x131...0x131, 0x152...0x153, 0x2BB...0x2BC, 0x2C6...0x2C6, 0x2DA...0x2DA,
        0x2DC...0x2DC, 0x2000...0x206F, 0x2074...0x2074, 0x20AC...0x20AC, 0x2122...0x2122, 0x2190...0x2193,
        0x21A9...0x21A9, 0x2212...0x2212, 0x2215...0x2215, 0xFEFF...0xFEFF, 0xFFFD...0xFFFD,
        // Vietnamese: Ă ă Đ đ Ĩ ĩ Ũ ũ Ơ ơ Ư ư, the combining tone marks (text pasted in NFD), ₫, Ạ…ỹ.
        0x102...0x103, 0x110...0x111, 0x128...0x129, 0x168...0x169, 0x1A0...0x1A1, 0x1AF...0x1B0,
        0x300...0x301, 0x303...0x304, 0x308...0x309, 0x323...0x323, 0x329...0x329, 0x20AB...0x20AB, 0x1EA0...0x1EF9,
    ]

    static var base: Set<Unicode.Scalar> {
        Set(ranges.flatMap { $0.compactMap(Unicode.Scalar.init) })
    }

    /// The base set and the characters of `texts` and of everything the catalogue shows.
    static func of(_ catalogue: Catalogue, publication: Publication, texts: [String]) -> Set<Unicode.Scalar> {
        var seen = Characters()
        for field in [publication.title, publication.publisher, publication.issn, publication.address, publication.contact,
                      publication.license, publication.printer] + publication.board { seen.add(field) }
        for issue in catalogue.issues {
            seen.add(issue.issueLine)
            seen.add(issue.cover?.headline)
            for section in issue.sections { seen.add(section.title) }
        }
        for entry in catalogue.entries {
            let article = entry.article
            for field in [article.title, article.subtitle, article.summary, entry.excerpt] + article.authors + article.tags { seen.add(field) }
            for block in article.blocks + article.footnotes.flatMap(\.blocks) { seen.add(block.plainText) }
            for figure in article.figures { seen.add(figure.credit) }
        }
        texts.forEach { seen.add($0) }
        return base.union(seen.scalars)
    }

    /// The characters met, as one bit each for the Basic Multilingual Plane: a set insertion
    /// per character of every article would cost a large issue a noticeable part of its build.
    private struct Characters {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        var beyond: Set<Unicode.Scalar> = []

        mutating func add(_ text: String?) {
            for scalar in text?.unicodeScalars ?? "".unicodeScalars where scalar.value >= 0x20 {
                if scalar.value < 0x10000 {
                    bits[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63)
                } else {
                    beyond.insert(scalar)
                }
            }
        }

        var scalars: Set<Unicode.Scalar> {
            var result = beyond
            for (i, word) in bits.enumerated() where word != 0 {
                for bit in 0..<64 where word & (1 << UInt64(bit)) != 0 {
                    if let scalar = Unicode.Scalar(UInt32(i * 64 + bit)) { result.insert(scalar) }
                }
            }
            return result
        }
    }
}
