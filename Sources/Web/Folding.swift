import Foundation

extension String {
    /// For search: lowercase, tones and other marks dropped, đ → d. "Việt Nam" → "viet nam".
    /// The search page's script folds queries the same way.
    ///
    /// Text without combining marks whose letters are Latin (NFC Vietnamese, as ingest leaves
    /// it) is folded letter by letter from a table made with `searchFoldedByDecomposition`, one
    /// entry per letter: the same result, without decomposing and lowercasing the whole text.
    public var searchFolded: String {
        var out = [UInt8]()
        out.reserveCapacity(utf8.count)
        let folding = LatinFolding.shared
        for scalar in unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                out.append(v >= 0x41 && v <= 0x5A ? UInt8(v + 0x20) : UInt8(v))
            } else if folding.append(v, to: &out) {
                continue
            } else {
                return searchFoldedByDecomposition
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The definition: canonical decomposition, lowercase, marks U+0300–U+036F dropped, đ → d.
    var searchFoldedByDecomposition: String {
        var out = String.UnicodeScalarView()
        for scalar in decomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }
            out.append(scalar == "đ" ? "d" : scalar)
        }
        return String(out)
    }

    /// The first `limit` characters, cut at a word boundary, with an ellipsis when cut.
    func excerpt(_ limit: Int) -> String {
        guard count > limit else { return self }
        let head = prefix(limit)
        let cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
        return cut.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) + "…"
    }
}

/// The folded form of every precomposed Latin letter and of the punctuation an article uses,
/// each made by the definition. A letter decomposes into a starter and its marks, so with no
/// combining mark in the text nothing reorders across letters, and folding letter by letter is
/// folding the whole.
struct LatinFolding: Sendable {
    static let shared = LatinFolding()
    static let ranges: [ClosedRange<UInt32>] = [0x80...0x2FF, 0x1E00...0x1EFF, 0x2010...0x205E, 0x20A0...0x20C0]

    /// Every folded form's UTF-8, one after another, and per scalar of the ranges (in order)
    /// where its form starts and ends in `bytes`; an empty span for a combining mark, which has
    /// none. Looked up by offset, not hashed, for every letter of every article.
    private let bytes: [UInt8]
    private let spans: [(start: Int32, end: Int32)]

    init() {
        var bytes: [UInt8] = [], spans: [(start: Int32, end: Int32)] = []
        for range in Self.ranges {
            for v in range {
                let start = Int32(bytes.count)
                if let scalar = Unicode.Scalar(v), scalar.properties.canonicalCombiningClass == .notReordered {
                    bytes += String(scalar).searchFoldedByDecomposition.utf8
                    // A letter that folds to nothing still has a form: mark it apart from a mark.
                    spans.append((start, Int32(bytes.count)))
                } else {
                    spans.append((start, start - 1))
                }
            }
        }
        self.bytes = bytes
        self.spans = spans
    }

    /// Appends the folded form of `v` and returns true, or returns false when it has none here.
    @inline(__always)
    func append(_ v: UInt32, to out: inout [UInt8]) -> Bool {
        var base = 0
        for range in Self.ranges {
            if range.contains(v) {
                let span = spans[base + Int(v - range.lowerBound)]
                guard span.end >= span.start else { return false }
                out.append(contentsOf: bytes[Int(span.start)..<Int(span.end)])
                return true
            }
            base += range.count
        }
        return false
    }
}
