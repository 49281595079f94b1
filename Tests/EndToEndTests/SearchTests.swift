import Bantin
import Diagnostics
import Foundation
import Testing
import TestSupport
@testable import Web

/// Issue 17, item 2: search that finds. The page's own engine (`assets/search-core.js` of the
/// built site) runs under node on the built index, loading what the page would load.
@Suite struct SearchTests {
    /// One query's answer from Tests/WebCheck/search-query.js.
    struct Answer: Decodable {
        struct Result: Decodable { var u: String; var t: String; var exact: Int; var score: Double }
        struct Part: Decodable { var text: String; var mark: Bool }
        var q: String
        var results: [Result]
        var shards: [String]
        var bytes: Int
        var title: [Part]
        var snippet: [Part]

        var urls: [String] { results.map(\.u) }
        /// The marked words of the first result's snippet (or title), as the page shows them.
        func marks(_ parts: KeyPath<Answer, [Part]>) -> [String] { self[keyPath: parts].filter(\.mark).map(\.text) }
    }

    static let runner = projectRoot.appendingPathComponent("Tests/WebCheck/search-query.js").path

    /// Runs `queries` (as submitted, or `typing` with the last word unfinished) on the site in `web`.
    static func ask(_ web: URL, _ queries: [String], typing: Bool = false) throws -> [Answer] {
        let json = try JSONSerialization.data(withJSONObject: queries.map { ["q": $0, "typing": typing] as [String: Any] })
        let result = try run("node", [runner, web.path, String(decoding: json, as: UTF8.self)])
        #expect(result.status == 0, "\(result.err)")
        return try JSONDecoder().decode([Answer].self, from: Data(result.out.utf8))
    }

    static func ask(_ web: URL, _ query: String, typing: Bool = false) throws -> Answer {
        try ask(web, [query], typing: typing)[0]
    }

    // MARK: The sample issue

    var web: URL { sample.out.appendingPathComponent("web") }

    /// Each sample article's address and its words (title, lead, text), folded, in order.
    var articles: [(url: String, title: String, words: [String], text: String)] {
        sample.built.issue.articles.map { a in
            let text = ([a.title, a.subtitle ?? "", a.summary ?? ""] + a.tags + a.authors + a.blocks.map(\.plainText)).joined(separator: " \n ")
            return ("\(sample.built.issue.id)/\(a.slug)/index.html", a.title, SearchText.words(text).map { String($0).searchFolded }, text)
        }
    }

    /// True when the folded words `phrase` stand in a row in `words`.
    static func contains(_ words: [String], _ phrase: [String]) -> Bool {
        words.indices.contains { i in i + phrase.count <= words.count && Array(words[i..<(i + phrase.count)]) == phrase }
    }

    /// Acceptance 3: "hoi nghi" finds the articles with "hội nghị" and only those; the marks are
    /// the words as written, with their tones.
    @Test func hoiNghiFindsOnlyHoiNghi() throws {
        let answer = try Self.ask(web, "hoi nghi")
        let expected = articles.filter { Self.contains($0.words, ["hoi", "nghi"]) }.map(\.url)
        #expect(!expected.isEmpty)
        #expect(Set(answer.urls) == Set(expected), "\(answer.urls)")
        // Every article has "hội" and a whole word "nghị" somewhere (đề nghị, kiến nghị): without
        // reading the two as one word, the query would find more.
        #expect(articles.filter { $0.words.contains("hoi") && $0.words.contains("nghi") }.count > expected.count)
        #expect(!answer.marks(\.snippet).isEmpty && answer.marks(\.snippet).allSatisfy { $0.lowercased() == "hội nghị" }, "\(answer.snippet)")
    }

    /// Acceptance 3: "Nguyễn" typed with tones puts every article with "Nguyễn" before those
    /// with only "nguyên" or "nguyện".
    @Test func tonedQueryRanksExactFormsFirst() throws {
        let answer = try Self.ask(web, "Nguyễn")
        let exact = answer.results.map { r in articles.first { $0.url == r.u }!.text.lowercased().contains("nguyễn") }
        #expect(exact.contains(true) && exact.contains(false), "\(answer.urls)")
        #expect(exact == exact.sorted { $0 && !$1 }, "exact matches are not all first: \(zip(answer.urls, exact).map { "\($0) \($1)" })")
        // Without tones, the same articles, in no such order.
        #expect(Set(try Self.ask(web, "nguyen").urls) == Set(answer.urls))
    }

    /// Acceptance 3: "sat lo" puts the article titled "Phòng, chống sạt lở đất…" first, its title's
    /// "sạt lở" marked.
    @Test func satLoRanksTheArticleAboutItFirst() throws {
        let answer = try Self.ask(web, "sat lo")
        #expect(answer.results.first?.t.hasPrefix("Phòng, chống sạt lở đất") == true, "\(answer.results.map(\.t))")
        #expect(answer.marks(\.title) == ["sạt lở"], "\(answer.title)")
        #expect(answer.results.count >= 2, "the other article with “sạt lở” is found too")
    }

    /// Acceptance 3: a quoted phrase finds only the articles where its words stand in a row.
    @Test func quotedPhraseMatchesOnlyThePhrase() throws {
        for phrase in ["công nghệ cao", "khoa học và công nghệ", "người dân"] {
            let folded = SearchText.words(phrase).map { String($0).searchFolded }
            let answer = try Self.ask(web, "\"\(phrase)\"")
            let expected = articles.filter { Self.contains($0.words, folded) }.map(\.url)
            let anywhere = articles.filter { a in folded.allSatisfy(a.words.contains) }.map(\.url)
            #expect(!expected.isEmpty && Set(answer.urls) == Set(expected), "\(phrase): \(answer.urls)")
            if phrase == "công nghệ cao" { #expect(anywhere.count > expected.count, "the test needs articles with the words apart") }
        }
    }

    /// Held-out queries (Tests/Fixtures/search-queries.tsv): each finds its article first.
    @Test func heldOutQueriesRankTheirArticleFirst() throws {
        let table = try String(contentsOf: projectRoot.appendingPathComponent("Tests/Fixtures/search-queries.tsv"), encoding: .utf8)
        let rows = table.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t").map(String.init) }
        #expect(rows.count >= 10)
        let answers = try Self.ask(web, rows.map { $0[0] })
        for (row, answer) in zip(rows, answers) {
            let article = try #require(sample.built.issue.articles.first { $0.path.hasSuffix(row[1]) }, "\(row[1])")
            #expect(answer.results.first?.u == "2025-q1/\(article.slug)/index.html",
                    "“\(row[0])” → \(answer.results.prefix(3).map { "\($0.t) (\(String(format: "%.2f", $0.score)))" })")
        }
    }

    /// The index is split: docs.json names the shards that exist; each term is in the shard its
    /// key says; a first query loads a small part of it; no single file holds it all.
    @Test func indexIsSplitIntoShards() throws {
        let folder = web.appendingPathComponent("search")
        let docs = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("docs.json"))) as? [String: Any])
        let keys = try #require(docs["shards"] as? [String])
        #expect((docs["docs"] as? [Any])?.count == sample.built.issue.articles.count)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("terms").path).sorted()
        #expect(files == keys.map { "\($0).json" }.sorted())
        var total = try Data(contentsOf: folder.appendingPathComponent("docs.json")).count
        for key in keys {
            let data = try Data(contentsOf: folder.appendingPathComponent("terms/\(key).json"))
            total += data.count
            let terms = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: [[Int]]]])
            #expect(data.count <= SearchIndex.shardLimit || key.count == SearchIndex.maxKeyLength || terms.count == 1, "\(key): \(data.count) bytes")
            for term in terms.keys {
                // The longest key that begins the term is this one.
                let mapped = String(term.unicodeScalars.map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? Character($0) : "_" })
                #expect(keys.filter { mapped.hasPrefix($0) }.max { $0.count < $1.count } == key, "\(term) in \(key)")
            }
        }
        let texts = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("text").path)
        #expect(texts.count == sample.built.issue.articles.count)
        #expect(!FileManager.default.fileExists(atPath: web.appendingPathComponent("search.json").path))
        let first = try Self.ask(web, "hoi nghi")
        #expect(first.bytes * 3 < total, "a first query loads \(first.bytes) of \(total) bytes")
        print("search index: \(total) bytes in docs.json and \(keys.count) shards (+ \(texts.count) passage files); “hoi nghi” loads \(first.bytes) (\(first.shards))")
    }

    // MARK: Articles written for the case

    /// Six short articles: "hội nghị" in a title and in a text; "hội" and "nghị" apart;
    /// "nghiên", "nghĩa", "nghiệm" but no "nghị"; "Nguyễn" in a text, "nguyên" in a title;
    /// "Hội nghiên cứu" in a title.
    static func project() throws -> TestProject {
        let project = try TestProject()
        func article(_ title: String, _ date: String, _ summary: String, _ body: String) -> String {
            "---\ntitle: \"\(title)\"\ndate: \(date)\nsummary: \"\(summary)\"\n---\n\n\(body)\n"
        }
        try project.issue([
            ("a.md", article("Hội nghị tổng kết công tác năm 2024", "2025-01-20", "Liên hiệp Hội tỉnh tổng kết một năm hoạt động.",
                             "Sáng ngày 16 tháng 01, hội nghị đã đánh giá kết quả công tác của các hội thành viên.")),
            ("b.md", article("Hội viên góp ý về đề tài nghiên cứu", "2025-02-10", "Các nhà khoa học đề nghị mở rộng nghiên cứu giống lúa chịu mặn.",
                             "Hội Khoa học Nông nghiệp đã tổ chức buổi góp ý. Nhiều ý kiến đề nghị nghiệm thu sớm đề tài. Ý nghĩa của kết quả nghiên cứu rất lớn.")),
            ("c.md", article("Tin ngắn tháng ba", "2025-03-28", "Điểm lại các hoạt động trong tháng.",
                             "Ngày 12 tháng 3, Hội Tin học tổ chức hội nghị chuyên đề về chuyển đổi số. Ông Nguyễn Văn Tâm trình bày tham luận.")),
            ("d.md", article("Ý nghĩa của nghiên cứu ứng dụng", "2025-03-05", "Nghiên cứu gắn với sản xuất.",
                             "Kết quả nghiên cứu được nghiệm thu và chuyển giao cho nông dân. Nguyên tắc là làm thật, dùng thật.")),
            ("e.md", article("Nguyên liệu sạch cho bếp ăn trường học", "2025-03-20", "Nguồn nguyên liệu an toàn được kiểm soát từ nông trại.",
                             "Các trường đã ký hợp đồng với hợp tác xã để có nguyên liệu sạch; tình nguyện viên kiểm tra hằng tuần.")),
            ("f.md", article("Hội nghiên cứu lịch sử địa phương ra mắt", "2025-03-25", "Các nhà giáo về hưu lập hội để sưu tầm tư liệu về làng xã.",
                             "Buổi ra mắt có 40 hội viên. Hội sẽ in cuốn sách đầu tiên vào cuối năm.")),
        ])
        let (pdf, diagnostics) = project.build()
        #expect(pdf != nil, "\(diagnostics)")
        return project
    }

    /// The address of the article whose title begins `title`.
    static func url(_ answer: Answer, _ title: String) -> String? {
        answer.results.first { $0.t.hasPrefix(title) }?.u
    }

    @Test func wholeWordsPhrasesAndTones() throws {
        let project = try Self.project()
        let web = project.url("out/web")
        let titles = { (a: Answer) in a.results.map(\.t) }

        // "hoi nghi": the article with it in its title, then the one with it in its text; not
        // the one with "hội" and "đề nghị" apart. Its title's marks are the words as written.
        let hoiNghi = try Self.ask(web, "hoi nghi")
        #expect(titles(hoiNghi) == ["Hội nghị tổng kết công tác năm 2024", "Tin ngắn tháng ba"])
        #expect(hoiNghi.marks(\.title) == ["Hội nghị"] && hoiNghi.marks(\.snippet) == ["hội nghị"], "\(hoiNghi.title) \(hoiNghi.snippet)")

        // "nghi" is a whole word: nghị, not nghiên, nghĩa or nghiệm.
        let nghi = try Self.ask(web, "nghi")
        #expect(Set(titles(nghi)) == ["Hội nghị tổng kết công tác năm 2024", "Hội viên góp ý về đề tài nghiên cứu", "Tin ngắn tháng ba"])
        // While it is being typed, the last word matches the words it begins.
        let typing = try Self.ask(web, "nghie", typing: true)
        #expect(Set(titles(typing)) == ["Hội viên góp ý về đề tài nghiên cứu", "Ý nghĩa của nghiên cứu ứng dụng",
                                        "Hội nghiên cứu lịch sử địa phương ra mắt"], "\(titles(typing))")
        #expect(try Self.ask(web, "nghie").results.isEmpty, "a submitted query matches whole words")
        // The word being typed pairs too, and a whole word comes before a longer one it begins:
        // "hội nghị" in a text before "Hội nghiên" in a title.
        #expect(titles(try Self.ask(web, "hoi nghi", typing: true))
                == ["Hội nghị tổng kết công tác năm 2024", "Tin ngắn tháng ba", "Hội nghiên cứu lịch sử địa phương ra mắt"])

        // "Nguyễn" in one text comes before "nguyên" in a title; "nguyen" finds all three.
        let nguyen = try Self.ask(web, "Nguyễn")
        #expect(titles(nguyen).first == "Tin ngắn tháng ba" && nguyen.results.first?.exact == 1, "\(titles(nguyen))")
        #expect(Set(titles(nguyen)) == Set(titles(try Self.ask(web, "nguyen"))) && nguyen.results.count == 3)
        #expect(nguyen.marks(\.snippet) == ["Nguyễn"])

        // A quoted phrase: its words in a row and in its order.
        #expect(titles(try Self.ask(web, "\"đề tài nghiên cứu\"")) == ["Hội viên góp ý về đề tài nghiên cứu"])
        #expect(titles(try Self.ask(web, "“đề tài nghiên cứu”")) == ["Hội viên góp ý về đề tài nghiên cứu"], "a phone's quotes")
        #expect(try Self.ask(web, "\"nghiên cứu đề tài\"").results.isEmpty)
        #expect(titles(try Self.ask(web, "nghiên cứu đề tài")).contains("Hội viên góp ý về đề tài nghiên cứu"))
    }

    /// The index files are the same bytes from another process (the command line), and a build
    /// of other articles leaves none of the first one's shards behind.
    @Test func indexFilesAreReproducible() throws {
        let project = try Self.project()
        let other = try temporaryFolder("search-cli")
        let cli = try run(projectRoot.appendingPathComponent(".build/debug/bantin").path,
                          ["build", project.url("issues/x").path, "--root", project.root.path, "--out", other.path])
        #expect(cli.status == 0, "\(cli.err)")
        let mine = project.url("out/web/search"), theirs = other.appendingPathComponent("web/search")
        let files = try #require(FileManager.default.subpaths(atPath: mine.path)).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count > 5 && files == (FileManager.default.subpaths(atPath: theirs.path) ?? []).filter { $0.hasSuffix(".json") }.sorted())
        for file in files {
            #expect(try Data(contentsOf: mine.appendingPathComponent(file)) == Data(contentsOf: theirs.appendingPathComponent(file)), "\(file)")
        }

        try project.write("issues/x/articles/a.md", "---\ntitle: \"Zô\"\n---\n\nZô zô.\n")
        try project.write("issues/x/issue.yaml", "number: 1\nyear: 2025\nquarter: 1\ndate: 2025-03-31\nsections:\n  - title: Tin\n    articles: [articles/a.md]\n")
        try? project.remove("issues/x/articles/b.md")
        for name in ["c.md", "d.md", "e.md", "f.md"] { try? project.remove("issues/x/articles/\(name)") }
        _ = project.build()
        let docs = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: mine.appendingPathComponent("docs.json"))) as? [String: Any])
        let keys = try #require(docs["shards"] as? [String])
        #expect(try FileManager.default.contentsOfDirectory(atPath: mine.appendingPathComponent("terms").path).sorted() == keys.map { "\($0).json" }.sorted())
        #expect(try FileManager.default.contentsOfDirectory(atPath: mine.appendingPathComponent("text").path) == ["0.json"])
    }
}
