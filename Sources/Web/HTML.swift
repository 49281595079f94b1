/// Web: the web edition from the document IR — no layout engine involved.
///
/// Steps: `BodyRenderer` turns blocks and inlines into HTML (escaped; only safe link schemes)
/// → `PageTemplates` wrap them into the archive, issue and article pages → `WebEdition`
/// writes them with the stylesheet, fonts and images beside them.
import Foundation
import Model

package enum HTML {
    /// Escapes text for element content and attribute values (the desk's pages use it too).
    package static func escape(_ text: String) -> String {
        // On UTF-8 bytes: the five characters are ASCII, and no grapheme breaking is needed.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            case 0x27: out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Only web, mail and relative links reach the page; `javascript:`, `data:` and every other
    /// scheme are dropped (the link text stays).
    static func safeURL(_ url: String) -> String? {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = trimmed.lowercased().filter { !$0.isWhitespace && !$0.isNewline && $0 != "\0" }
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") { return trimmed }
        if let colon = lower.firstIndex(of: ":"), !lower[..<colon].contains("/") { return nil }
        return trimmed
    }
}
