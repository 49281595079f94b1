import Foundation
import Output

/// The search index under `search/`, split so that a query loads only what it needs:
///
/// - `docs.json`: per article its title, address, issue, date and where its title and lead end
///   among its words; the issues' lines; the list of term shards; a version of the index;
/// - `terms/<key>.json`: the terms (words folded: no tones, đ → d, lowercase) whose folded form
///   begins with `key`, each with the forms it was written in (lowercase, with tones), and per
///   form the articles and word positions where it occurs: `{"nguyen":{"nguyên":[[5,140,3]],
///   "nguyễn":[[0,61,420]]}}` — article 5 at word 140 and 143 (positions after the first are
///   differences). A key is one letter; a shard larger than `shardLimit` is split by the next
///   letter, up to three, so a query for "nghi" loads the terms beginning "ngh", not every "n";
/// - `text/<n>.json`: article n's passages (summary and text, a sentence or so each), fetched only
///   for the results shown, for the snippet.
///
/// Positions run through the title, then the lead (subtitle, summary, tags), then the body
/// (authors, text, footnotes), one apart within a text and two between texts, so a phrase never
/// spans two of them. Everything is written in a fixed order: the same site, the same bytes.
struct SearchIndex {
    static let shardLimit = 16 * 1024
    static let maxKeyLength = 3

    /// Paths under `search/` and their bytes, `docs.json` last (it names the others).
    let files: [(path: String, data: Data)]

    init(_ catalogue: Catalogue) {
        var terms: [String: [String: [(doc: Int, positions: [Int])]]] = [:]
        var docs: [[UInt8]] = []
        var issues: [String] = []
        var texts: [(path: String, data: Data)] = []
        for (n, entry) in catalogue.entries.enumerated() {
            let article = entry.article
            var words = DocumentWords()
            words.add([article.title])
            let titleEnd = words.position
            words.add([article.subtitle ?? "", article.summary ?? ""] + article.tags)
            let leadEnd = words.position
            let body = (article.blocks + article.footnotes.flatMap(\.blocks)).map(\.plainText)
            words.add([article.authors.joined(separator: ", ")] + body)
            for (fold, forms) in words.terms {
                for (form, positions) in forms { terms[fold, default: [:]][form, default: []].append((n, positions)) }
            }
            if issues.last != entry.issue.issueLine { issues.append(entry.issue.issueLine) }
            docs.append(Self.doc(entry, issue: issues.count - 1, fields: [titleEnd, leadEnd]))
            let passages = ([article.subtitle ?? "", article.summary ?? ""] + body).flatMap(SearchText.passages)
            texts.append(("text/\(n).json", Data(JSONText.array(of: passages))))
        }
        let shards = Self.shards(terms)
        var files = shards.map { (path: "terms/\($0.key).json", data: $0.data) } + texts
        var version = Digest()
        for file in files { version.add(file.path); version.add(file.data) }
        var out: [UInt8] = Array(#"{"docs":["#.utf8)
        for (n, doc) in docs.enumerated() { out += (n > 0 ? [UInt8(ascii: ",")] : []) + doc }
        out += Array(#"],"issues":"#.utf8) + JSONText.array(of: issues)
        out += Array(#","shards":"#.utf8) + JSONText.array(of: shards.map(\.key))
        out += Array(#","v":"#.utf8)
        JSONText.string(String(version.hex.prefix(12)), into: &out)
        out.append(UInt8(ascii: "}"))
        files.append(("docs.json", Data(out)))
        self.files = files
    }

    /// `{"f":[12,40],"i":0,"n":"2025-01-20","t":"…","u":"2025-q1/hoi-nghi/"}`: the issue by its
    /// place in docs.json's `issues` (their lines, not repeated per article), the address
    /// without `index.html` and one date, which the page writes as 20/01/2025.
    private static func doc(_ entry: Catalogue.Entry, issue: Int, fields: [Int]) -> [UInt8] {
        var out: [UInt8] = Array("{\"f\":[\(fields[0]),\(fields[1])],\"i\":\(issue),\"n\":".utf8)
        JSONText.string(entry.date.iso, into: &out)
        out += Array(#","t":"#.utf8)
        JSONText.string(entry.article.title, into: &out)
        out += Array(#","u":"#.utf8)
        JSONText.string(String(entry.path.dropLast("index.html".count)), into: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// One term's entry in its shard, and the key it is filed under: its folded form with every
    /// character other than a–z and 0–9 as `_` (the page reads the same keys).
    private struct Term {
        var key: [UInt8]
        var json: [UInt8]
    }

    private static func shards(_ terms: [String: [String: [(doc: Int, positions: [Int])]]]) -> [(key: String, data: Data)] {
        var entries: [Term] = []
        for fold in terms.keys.sorted() {
            var json: [UInt8] = []
            JSONText.string(fold, into: &json)
            json += Array(":{".utf8)
            for (m, form) in terms[fold]!.keys.sorted().enumerated() {
                if m > 0 { json.append(UInt8(ascii: ",")) }
                JSONText.string(form, into: &json)
                json += Array(":[".utf8)
                for (k, posting) in terms[fold]![form]!.enumerated() {
                    if k > 0 { json.append(UInt8(ascii: ",")) }
                    var last = 0
                    json += Array("[\(posting.doc)".utf8)
                    for p in posting.positions {
                        json += Array(",\(p - last)".utf8)
                        last = p
                    }
                    json.append(UInt8(ascii: "]"))
                }
                json.append(UInt8(ascii: "]"))
            }
            json.append(UInt8(ascii: "}"))
            entries.append(Term(key: fold.unicodeScalars.map(Self.keyByte), json: json))
        }
        var shards: [[UInt8]: [Term]] = [:]
        for group in Dictionary(grouping: entries, by: { Array($0.key.prefix(1)) }).values {
            place(group, depth: 1, into: &shards)
        }
        return shards.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { key in
            var out: [UInt8] = [UInt8(ascii: "{")]
            for (n, term) in shards[key]!.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                out += term.json
            }
            out.append(UInt8(ascii: "}"))
            return (String(decoding: key, as: UTF8.self), Data(out))
        }
    }

    /// Files `terms` (which share their first `depth` key bytes) in one shard, or splits them by
    /// the next byte when they are too many; terms no longer than `depth` keep the short key.
    private static func place(_ terms: [Term], depth: Int, into shards: inout [[UInt8]: [Term]]) {
        let key = Array(terms[0].key.prefix(depth))
        let size = terms.reduce(0) { $0 + $1.json.count }
        if size <= shardLimit || depth >= maxKeyLength {
            shards[key, default: []] += terms
            return
        }
        let short = terms.filter { $0.key.count <= depth }
        if !short.isEmpty { shards[key, default: []] += short }
        let longer = terms.filter { $0.key.count > depth }
        for prefix in Set(longer.map { Array($0.key.prefix(depth + 1)) }).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            place(longer.filter { $0.key.starts(with: prefix) }, depth: depth + 1, into: &shards)
        }
    }

    private static func keyByte(_ scalar: Unicode.Scalar) -> UInt8 {
        let v = scalar.value
        return (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) ? UInt8(v) : UInt8(ascii: "_")
    }
}

/// One article's words as the index files them: folded term → written form → positions.
private struct DocumentWords {
    var terms: [String: [String: [Int]]] = [:]
    var position = 0

    mutating func add(_ texts: [String]) {
        for text in texts {
            for word in SearchText.words(text) {
                let fold = String(word).searchFolded
                guard !fold.isEmpty else { continue }
                terms[fold, default: [:]][word.lowercased(), default: []].append(position)
                position += 1
            }
            position += 1
        }
    }
}
