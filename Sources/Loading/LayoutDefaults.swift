import Model

extension LayoutSpec {
    /// What every layout starts from: A4, 3 mm bleed, two columns, Noto Serif body, Noto Sans
    /// headings. A layout file only says where it differs.
    public static let defaults = LayoutSpec(
        name: "default",
        trim: PaperSize.a4,
        bleed: .mm(3),
        margins: Margins(top: .mm(20), bottom: .mm(22), inside: .mm(20), outside: .mm(16)),
        columns: 2,
        gutter: .mm(6),
        fonts: [
            "serif": FontFamily(regular: "NotoSerif-Regular.ttf", bold: "NotoSerif-Bold.ttf",
                                italic: "NotoSerif-Italic.ttf", boldItalic: "NotoSerif-BoldItalic.ttf"),
            "sans": FontFamily(regular: "NotoSans-Regular.ttf", bold: "NotoSans-Bold.ttf",
                               italic: "NotoSans-Italic.ttf", boldItalic: "NotoSans-BoldItalic.ttf"),
            "mono": FontFamily(regular: "NotoSansMono-Regular.ttf", bold: "NotoSansMono-Bold.ttf"),
        ],
        styles: [
            "body": TextStyle(family: "serif", size: 9.5, leading: 13.2, align: .justify, firstLineIndent: .mm(4)),
            "first": TextStyle(family: "serif", size: 9.5, leading: 13.2, align: .justify),
            "title": TextStyle(family: "sans", bold: true, size: 22, leading: 26, align: .left, spaceAfter: .mm(2)),
            "subtitle": TextStyle(family: "sans", size: 12, leading: 15, align: .left, spaceAfter: .mm(2),
                                  color: Color(red: 0.25, green: 0.25, blue: 0.25)),
            "standfirst": TextStyle(family: "serif", italic: true, size: 11, leading: 15, align: .left, spaceAfter: .mm(2)),
            "byline": TextStyle(family: "sans", size: 8.5, leading: 11, align: .left, spaceAfter: .mm(6),
                                color: Color(red: 0.3, green: 0.3, blue: 0.3)),
            "heading2": TextStyle(family: "sans", bold: true, size: 11, leading: 14, align: .left,
                                  spaceBefore: .mm(3), spaceAfter: .mm(1)),
            "heading3": TextStyle(family: "sans", bold: true, italic: false, size: 9.5, leading: 13, align: .left,
                                  spaceBefore: .mm(2), spaceAfter: .mm(0.5)),
            "quote": TextStyle(family: "serif", italic: true, size: 9.5, leading: 13.2, align: .left,
                               spaceBefore: .mm(2), spaceAfter: .mm(2)),
            "list": TextStyle(family: "serif", size: 9.5, leading: 13.2, align: .left, spaceAfter: .mm(0.5)),
            "code": TextStyle(family: "mono", size: 8, leading: 11, align: .left, spaceBefore: .mm(2), spaceAfter: .mm(2)),
            "caption": TextStyle(family: "sans", size: 8, leading: 10.5, align: .left, spaceAfter: .mm(4)),
            "credit": TextStyle(family: "sans", italic: true, size: 7, leading: 9, align: .left,
                                color: Color(red: 0.35, green: 0.35, blue: 0.35)),
            "running-head": TextStyle(family: "sans", size: 7.5, leading: 9, align: .left,
                                      color: Color(red: 0.3, green: 0.3, blue: 0.3)),
            "folio": TextStyle(family: "sans", bold: true, size: 8.5, leading: 10, align: .left),
            "cover-title": TextStyle(family: "sans", bold: true, size: 30, leading: 35, align: .left),
            "cover-line": TextStyle(family: "sans", size: 14, leading: 18, align: .left),
            "cover-headline": TextStyle(family: "serif", bold: true, size: 20, leading: 25, align: .left),
        ],
        figureMaxHeight: 0.6)
}

/// Paper sizes a designer may name instead of writing millimetres.
public enum PaperSize {
    public static let a4 = Size(width: .mm(210), height: .mm(297))
    public static let a5 = Size(width: .mm(148), height: .mm(210))
    public static let b5 = Size(width: .mm(176), height: .mm(250))
    public static let named: [String: Size] = ["A4": a4, "A5": a5, "B5": b5]
}
