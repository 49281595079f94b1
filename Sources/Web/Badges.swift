import Foundation
import Imaging
import Model

/// The pictures the web edition draws: the site's icons (from the publication's initials, or
/// its `web: { favicon: … }` file) and a thumbnail per section for the related-article cards of
/// articles that have no picture, in an issue that has no cover.
enum Badges {
    /// The icons, from the site's root, and their sizes: a browser tab, a phone's home screen.
    static let icons = [("favicon.png", 32), ("apple-touch-icon.png", 180)]
    /// A section's thumbnail, 4 : 3 like the photos beside it.
    static let sectionSize = (width: 400, height: 300)
    /// The letters are white on these (contrast 4.5 : 1 or more).
    static let palette: [Badge.Colour] = [
        (0.059, 0.420, 0.361), (0.118, 0.306, 0.545), (0.525, 0.161, 0.318), (0.600, 0.255, 0.047),
        (0.333, 0.251, 0.561), (0.196, 0.369, 0.180), (0.424, 0.275, 0.157), (0.294, 0.333, 0.388),
    ]
    /// The face the letters are drawn in, from `fonts/`.
    static let font = "NotoSans-Bold.ttf"

    /// "BT" for "Bản tin Khoa học…", "HĐ" for "Hoạt động Liên hiệp Hội": the first letters of
    /// the first two words, in capitals.
    static func initials(_ title: String) -> String {
        let words = title.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        return String(words.prefix(2).compactMap(\.first)).uppercased()
    }

    /// `sections/hoat-dong-lien-hiep-hoi.png`: a section's thumbnail from the site's root (not under
    /// `assets/`, whose files are named by their content and pruned at every build).
    static func sectionPath(_ title: String) -> String {
        let slug = title.searchFolded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
        return "sections/\(slug.isEmpty ? "section" : slug).png"
    }

    /// A colour of the palette picked by the title (FNV-1a of its UTF-8: the same every build,
    /// unlike Swift's seeded hash).
    static func colour(_ title: String) -> Badge.Colour {
        var hash: UInt32 = 2_166_136_261
        for byte in title.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return palette[Int(hash % UInt32(palette.count))]
    }

    /// Writes the icons (PNG, and `favicon.ico` holding the 32-pixel PNG for clients that ask
    /// for it without reading the page) and the thumbnails of `sections`.
    static func write(_ writer: FileWriter, publication: Publication, sections: Set<String>, fonts: URL) throws {
        let font = fonts.appendingPathComponent(Self.font)
        for (name, side) in icons {
            let png: Data
            if let file = publication.favicon {
                let url = URL(fileURLWithPath: file)
                png = try Badge.png(scaling: url, isJPEG: url.pathExtension.lowercased() != "png", side: side)
            } else {
                png = try Badge.png(initials(publication.title), width: side, height: side, background: palette[0], font: font)
            }
            try writer.write(png, to: name)
            if side == 32 { try writer.write(ico(png, side: side), to: "favicon.ico") }
        }
        for title in sections.sorted() {
            let png = try Badge.png(initials(title), width: sectionSize.width, height: sectionSize.height,
                                    background: colour(title), font: font)
            try writer.write(png, to: sectionPath(title))
        }
    }

    /// An ICO file of one PNG image (allowed since Windows Vista, read by every browser).
    static func ico(_ png: Data, side: Int) -> Data {
        var out = Data([0, 0, 1, 0, 1, 0])
        func le16(_ v: Int) { out += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func le32(_ v: Int) { le16(v & 0xFFFF); le16(v >> 16) }
        out += [UInt8(side % 256), UInt8(side % 256), 0, 0]
        le16(1); le16(32); le32(png.count); le32(6 + 16)
        return out + png
    }
}
