import Model
import Pages

/// The typesetter's output: one line of a paragraph, with glyphs positioned from the line's start.
public struct SetLine: Sendable {
    /// The measure the line was set to.
    public var width: Pt
    /// The width at natural spacing.
    public var naturalWidth: Pt
    /// Knuth–Plass adjustment ratio: > 0 stretched, < 0 shrunk, 0 for ragged lines.
    public var ratio: Double
    /// The fonts' ascender and descender (nominal metrics), which place the baseline in the leading.
    public var ascent: Pt
    public var descent: Pt
    /// How far the glyphs' ink really reaches above and below the baseline: stacked capitals
    /// (Ẫ, Ỗ) rise above the ascender, ỵ and ự go below; used so lines never touch.
    public var inkAscent: Pt = 0
    public var inkDescent: Pt = 0
    /// Distance from this baseline to the next.
    public var leading: Pt
    public var runs: [GlyphRun]
    /// True when the line ends inside a word that no line could hold (a run of non-breaking
    /// spaces, a long URL), cut there as a last resort so that no text leaves the column.
    public var endsInsideWord = false

    /// The text of the line, as a reader sees it.
    public var text: String { runs.map(\.text).joined() }
    public init(width: Pt, naturalWidth: Pt, ratio: Double, ascent: Pt, descent: Pt, leading: Pt, runs: [GlyphRun]) {
        self.width = width
        self.naturalWidth = naturalWidth
        self.ratio = ratio
        self.ascent = ascent
        self.descent = descent
        self.leading = leading
        self.runs = runs
    }

    /// True when the glyphs do not fit the measure, or fit only because a word was cut.
    public var isOverfull: Bool { (naturalWidth.value - width.value > 0.5 && ratio <= -1) || endsInsideWord }
}
