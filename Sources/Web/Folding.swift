import Foundation

extension String {
    /// For search: lowercase, tones and other marks dropped, đ → d. "Việt Nam" → "viet nam".
    /// The search page's script folds queries the same way.
    public var searchFolded: String {
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
