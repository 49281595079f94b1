import Model
import Pages
import Typesetting

/// The cover: the issue's image across the whole sheet (into the bleed), the publication's
/// title, the issue line and the headline set over its quiet upper part.
struct CoverPage {
    let issue: Issue
    let layout: LayoutSpec
    let typesetter: Typesetter
    let geometry: PageGeometry

    func page() throws -> Page {
        var page = geometry.blankPage(1, kind: .cover)
        let media = Rect(x: 0, y: 0, width: geometry.mediaSize.width, height: geometry.mediaSize.height)
        if let image = issue.cover?.image {
            page.items.append(.image(image, frame: coverFrame(image, media), clip: media))
        }
        let trim = geometry.trimBox
        let cover = layout.cover
        let x = trim.x + cover.inset
        let width = trim.width - cover.inset * 2
        var y = trim.y + cover.top
        y = ColumnFlow.draw(try set(issue.publication.title, .coverTitle, width), x: x, y: y, into: &page) + cover.ruleAbove
        page.items.append(.rule(from: Point(x: x, y: y), to: Point(x: x + cover.ruleLength, y: y), width: cover.ruleWidth, color: .black))
        y = y + cover.ruleBelow
        y = ColumnFlow.draw(try set(issue.issueLine, .coverLine, width), x: x, y: y, into: &page)
        y = ColumnFlow.draw(try set(issue.publication.publisher, .coverLine, width), x: x, y: y, into: &page) + cover.headlineAbove
        if let headline = issue.cover?.headline {
            _ = ColumnFlow.draw(try set(headline, .coverHeadline, width * cover.headlineWidth), x: x, y: y, into: &page)
        }
        return page
    }

    /// Scales the image to cover the whole media, centred; the clip trims what spills over.
    private func coverFrame(_ image: ImageRef, _ media: Rect) -> Rect {
        let scale = max(media.width.value / Double(image.pixelWidth), media.height.value / Double(image.pixelHeight))
        let w = Pt(Double(image.pixelWidth) * scale), h = Pt(Double(image.pixelHeight) * scale)
        return Rect(x: (media.width - w) / 2, y: (media.height - h) / 2, width: w, height: h)
    }

    private func set(_ text: String, _ style: StyleName, _ width: Pt) throws -> [SetLine] {
        try typesetter.set(text, style: layout.style(style), width: width)
    }
}
