import Pages

/// Which text each glyph of a face stands for in the ToUnicode map, decided once per document
/// before any page is written: the first text a glyph is seen drawing alone (one glyph, one
/// cluster) in page order — one character if it ever stands for one, else the first longer text
/// (a ligature's "fi"). So a glyph that stands once for two characters (a drop cap's first line
/// reads "Sá" on its "á") does not map every other "á" of the document to them. A cluster that is not one glyph ↔ that text — several glyphs, or a
/// glyph already mapped to other text (a `.VN` variant drawn for two letters) — is wrapped in
/// `/ActualText` by `PageContent`.
struct GlyphTexts: Sendable {
    /// By glyph id: the cluster's UTF-8 bytes packed into an integer (`Cluster.pack`), 0 when
    /// the glyph never stood alone for some text.
    private(set) var texts: [UInt64] = []
    /// By glyph id: the first text of more than one character it stood for alone, used when it
    /// never stood for a single one.
    private(set) var longer: [UInt64] = []
    /// By glyph id: drawn at all (to be kept in the subset).
    private(set) var used: [Bool] = []

    /// Records the glyphs of `run` (its UTF-8 bytes in `utf8`).
    mutating func record(_ run: GlyphRun, utf8: UnsafeBufferPointer<UInt8>) {
        Cluster.each(run, byteCount: utf8.count) { glyphs, bytes in
            for g in glyphs { markUsed(run.glyphs[g].id) }
            guard glyphs.count == 1, let packed = Cluster.pack(utf8, bytes) else { return }
            let id = Int(run.glyphs[glyphs.lowerBound].id)
            guard texts[id] == 0 else { return }
            if String(decoding: UnsafeBufferPointer(rebasing: utf8[bytes]), as: UTF8.self).count == 1 {
                texts[id] = packed
            } else if longer[id] == 0 {
                longer[id] = packed
            }
        }
    }

    /// Adds what `later` recorded, from pages after these: glyphs drawn there are drawn, and a
    /// glyph's text stays the one these pages gave it, if any.
    mutating func merge(_ later: GlyphTexts) {
        if later.used.count > used.count {
            used += [Bool](repeating: false, count: later.used.count - used.count)
            texts += [UInt64](repeating: 0, count: later.texts.count - texts.count)
            longer += [UInt64](repeating: 0, count: later.longer.count - longer.count)
        }
        for i in later.used.indices where later.used[i] {
            used[i] = true
            if texts[i] == 0 { texts[i] = later.texts[i] }
            if longer[i] == 0 { longer[i] = later.longer[i] }
        }
    }

    /// The text that glyph `id` extracts as without help, if any.
    func text(_ id: UInt32) -> UInt64 {
        guard Int(id) < texts.count else { return 0 }
        return texts[Int(id)] != 0 ? texts[Int(id)] : longer[Int(id)]
    }

    /// The glyphs drawn, in order of their ids.
    var usedGlyphs: [UInt32] {
        used.indices.filter { used[$0] }.map { UInt32($0) }
    }

    /// Each mapped glyph with its text, in order of their ids (the ToUnicode map).
    var mappings: [(glyph: UInt32, text: String)] {
        texts.indices.compactMap { i in
            let text = text(UInt32(i))
            return text == 0 ? nil : (UInt32(i), Cluster.unpack(text))
        }
    }

    private mutating func markUsed(_ id: UInt32) {
        let i = Int(id)
        if i >= used.count {
            used += [Bool](repeating: false, count: i + 1 - used.count)
            texts += [UInt64](repeating: 0, count: i + 1 - texts.count)
            longer += [UInt64](repeating: 0, count: i + 1 - longer.count)
        }
        used[i] = true
    }
}

/// HarfBuzz clusters of a glyph run: consecutive glyphs with the same byte offset form one
/// cluster, which stands for the bytes up to the next cluster's offset.
enum Cluster {
    /// Calls `body` with each cluster's glyph indices and byte range, in order. Offsets that
    /// are not increasing (no LTR cluster map) give one cluster: all glyphs, all the text.
    static func each(_ run: GlyphRun, byteCount: Int, _ body: (Range<Int>, Range<Int>) -> Void) {
        let glyphs = run.glyphs
        guard !glyphs.isEmpty else { return }
        guard isMonotone(run, byteCount: byteCount) else {
            body(0..<glyphs.count, 0..<byteCount)
            return
        }
        var i = 0
        while i < glyphs.count {
            var j = i + 1
            while j < glyphs.count, glyphs[j].cluster == glyphs[i].cluster { j += 1 }
            let start = i == 0 ? 0 : glyphs[i].cluster
            let end = j < glyphs.count ? glyphs[j].cluster : byteCount
            body(i..<j, start..<end)
            i = j
        }
    }

    /// Whether cluster offsets never decrease and stay inside the text.
    static func isMonotone(_ run: GlyphRun, byteCount: Int) -> Bool {
        var last = 0
        for g in run.glyphs {
            guard g.cluster >= last, g.cluster < max(byteCount, 1) else { return false }
            last = g.cluster
        }
        return true
    }

    /// Up to eight UTF-8 bytes packed into an integer (none is 0 in text, so it is reversible);
    /// nil for an empty or longer stretch.
    static func pack(_ utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64? {
        guard !range.isEmpty, range.count <= 8 else { return nil }
        var value: UInt64 = 0
        for i in range {
            guard utf8[i] != 0 else { return nil }
            value = value << 8 | UInt64(utf8[i])
        }
        return value
    }

    static func unpack(_ value: UInt64) -> String {
        var bytes: [UInt8] = []
        var v = value
        while v != 0 {
            bytes.append(UInt8(v & 0xFF))
            v >>= 8
        }
        return String(decoding: bytes.reversed(), as: UTF8.self)
    }
}
