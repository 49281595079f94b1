/// Web: the web edition from the document IR — no layout engine involved.
///
/// Steps: `BodyRenderer` turns blocks and inlines into HTML (escaped; only safe link schemes)
/// → `PageTemplates` wrap them into the archive, issue and article pages → `WebEdition`
/// writes them with the stylesheet, fonts and images beside them.
import Foundation
import Model
import Output

package enum HTML {
    /// Escapes text for element content and attribute values (the desk's pages use it too).
    package static func escape(_ text: String) -> String { HTMLText.escape(text) }

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
