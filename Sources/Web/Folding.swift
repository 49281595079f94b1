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
        for scalar in unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                out.append(v >= 0x41 && v <= 0x5A ? UInt8(v + 0x20) : UInt8(v))
            } else if let folded = LatinFolding.table[scalar] {
                out += folded.utf8
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
enum LatinFolding {
    static let table: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        let ranges: [ClosedRange<UInt32>] = [0x80...0x2FF, 0x1E00...0x1EFF, 0x2010...0x205E, 0x20A0...0x20C0]
        for range in ranges {
            for v in range {
                guard let scalar = Unicode.Scalar(v), scalar.properties.canonicalCombiningClass == .notReordered else { continue }
                table[scalar] = String(scalar).searchFoldedByDecomposition
            }
        }
        return table
    }()
}
