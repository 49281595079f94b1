import Mustache
import Testing
@testable import Web

/// The web theme escapes `{{value}}` on bytes (`MustacheEscaping`); a page must come out as
/// Mustache's own escaping makes it, graphemes included ("<" + U+0338 is one grapheme, "≮",
/// and Mustache leaves it alone).
@Suite struct MustacheEscapingTests {
    static let samples = [
        "", "plain", "Việt Nam", "a < b > c & d \"e\" 'f'", "<&>\"'", "Tiếng <Việt>", "“Số 4” & ‘x’ — ₫",
        "<\u{338} >\u{338}", "x<\u{301}y", "\"\u{323}", "é&é", "Việt&Nam", "a\u{600}<b", "<\u{200D}>", "&\u{FE0F}",
        "\r\n<\r\n", "😀<😀", "'\u{1F3FB}", "<<>>&&", "tab\t<\n>",
    ]

    @Test func bytesEscapeAsMustacheDoes() throws {
        let template = try MustacheTemplate(string: "[{{x}}]")
        let ours = try MustacheTemplate(string: MustacheEscaping.pragma + "[{{x}}]")
        for text in Self.samples {
            #expect(ours.render(["x": text]) == template.render(["x": text]), "\(text.unicodeScalars.map(\.value))")
            #expect(MustacheEscaping.escape(text) == MustacheEscaping.escapeGraphemes(text))
        }
    }

    /// The pragma line renders as nothing, whatever the template's first line holds.
    @Test func pragmaLineLeavesTheTemplateAsWritten() throws {
        let templates = ["{{#a}}\n  x\n{{/a}}\n", "  {{b}}\n", "\n\n{{! note }}\nz", "{{=<% %>=}}\n<%b%>\n", "{{^c}}none{{/c}}", ""]
        let context: [String: Any] = ["a": [["k": 1]], "b": "<b>", "c": false]
        for text in templates {
            let plain = try MustacheTemplate(string: text).render(context)
            let ours = try MustacheTemplate(string: MustacheEscaping.pragma + text).render(context)
            #expect(ours == plain, "\(text)")
        }
    }
}
