import Diagnostics
import Model
import Pages
import Typesetting
import Bantin
import Layout
import Testing

/// Checks on the sample's pages, read from the page IR (what the PDF writer receives).
@Suite struct PageGeometryTests {
    let pages = sample.built.pages.map(\.page)

    /// The shop's safe zone: text at least 5 mm inside the trim, on every page.
    @Test func textStaysInsideTheSafeZone() {
        for page in pages {
            let safe = page.trimBox.insetBy(.mm(5))
            for case .text(let run, let origin) in page.items {
                let right = origin.x + run.width
                #expect(origin.x >= safe.x && right <= safe.maxX + 0.01,
                        "page \(page.number): “\(run.text)” spans x \(origin.x.formatted)–\(right.formatted)")
                #expect(origin.y - run.size >= safe.y && origin.y <= safe.maxY,
                        "page \(page.number): “\(run.text)” at y \(origin.y.formatted)")
            }
        }
    }

    /// Figures sit inside the type area of their page (the cover's image alone fills the bleed).
    @Test func figuresStayInTheirColumns() {
        for page in pages where page.kind == .article {
            for case .image(let image, let frame, _) in page.items {
                let inside = page.trimBox.insetBy(.mm(10))
                #expect(frame.x >= inside.x && frame.maxX <= inside.maxX && frame.y >= inside.y && frame.maxY <= inside.maxY,
                        "page \(page.number): \(image.issuePath) at \(frame)")
            }
        }
        let cover = pages[0]
        #expect(cover.kind == .cover)
        if case .image(_, let frame, _)? = cover.items.first {
            #expect(frame.width >= cover.mediaSize.width && frame.height >= cover.mediaSize.height - 0.2)
        } else {
            Issue.record("the cover has no image first")
        }
    }

    /// Right-hand continuation pages carry their article's title as the running head; every
    /// page but the cover has its folio.
    @Test func runningHeadsAndFolios() {
        for page in sample.built.pages where page.kind != .cover {
            let texts = page.items.compactMap { item -> String? in
                if case .text(let run, _) = item { return run.text }
                return nil
            }
            #expect(texts.last == String(page.number), "page \(page.number) ends with \(texts.last ?? "-")")
            if page.kind == .article, !page.opensArticle, page.isRecto, let title = page.articleTitle {
                // Heads are drawn after the body, just before the folio.
                let head = texts.dropLast().last
                #expect(head.map { !$0.isEmpty && title.hasPrefix($0) } == true, "page \(page.number): head \(head ?? "-")")
            }
        }
        #expect(pages.filter { $0.kind == .blank }.count == sample.built.paddedPages)
    }
}
