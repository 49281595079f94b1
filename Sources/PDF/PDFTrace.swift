import Model
import Pages

/// What the PDF writer receives, as compact text — in the spirit of SILE's debug outputter:
/// per page its boxes, then each drawing operation in order, naming the font and colour only
/// when they change. A golden of this trace catches a change in what reaches the PDF stage
/// without comparing PDF bytes.
///
///     page 3 article media 612.28×858.9 trim [8.5 8.5 595.28×841.89]
///       font NotoSerif-Regular 9.5
///       text (65.2,120.3) "Sáng ngày 15 tháng 1…"
///       link #hoi-nghi (65.2,140.1) "Hội nghị…"
public enum PDFTrace {
    public static func trace(_ pages: [Page]) -> String {
        pages.map(trace).joined(separator: "\n")
    }

    static func trace(_ page: Page) -> String {
        var out = ["page \(page.number) \(page.kind.rawValue) media \(page.mediaSize.width.formatted)×\(page.mediaSize.height.formatted) trim \(page.trimBox)"]
        for anchor in page.anchors { out.append("  anchor \(anchor.name) \(anchor.at)") }
        var font = "", color = Color.black.hex
        for item in page.items {
            switch item {
            case .text(let run, let origin):
                let face = "\(run.face.name.replacingOccurrences(of: ".ttf", with: "")) \(run.size.formatted)"
                if face != font { out.append("  font \(face)"); font = face }
                if run.color.hex != color { out.append("  color \(run.color.hex)"); color = run.color.hex }
                let verb = run.link.map { "link \($0)" } ?? "text"
                out.append("  \(verb) \(origin) \(run.glyphs.count)g \"\(run.text)\"")
            case .image(let image, let frame, let clip):
                out.append("  image \(frame) \(image.issuePath)" + (clip.map { " clip \($0)" } ?? ""))
            case .rule(let from, let to, let width, let c):
                out.append("  rule \(from)-\(to) w=\(width.formatted) \(c.hex)")
            case .fill(let rect, let c):
                out.append("  fill \(rect) \(c.hex)")
            }
        }
        return out.joined(separator: "\n")
    }
}
