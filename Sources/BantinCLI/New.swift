import ArgumentParser
import Bantin
import Foundation
import Loading

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scaffold the next issue, or an article listed in an issue.",
        subcommands: [IssueCommand.self, ArticleCommand.self])

    struct IssueCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "issue",
            abstract: "Make the next issue's folder under issues/: issue.yaml numbered after the latest issue, with its layout and section titles, and empty articles/ and images/.")

        @Argument(help: "The issue's id, its year and quarter, e.g. 2025-q2 (default: the quarter after the latest issue's).")
        var id: String?

        @OptionGroup var common: CommonOptions

        func validate() throws {
            if let id, Quarter(id: id) == nil {
                throw ValidationError("'\(id)' is not an issue id: issues are named by year and quarter, YYYY-qN (e.g. 2025-q2, 2026-q1)")
            }
        }

        func run() throws {
            let pipeline = try common.pipeline()
            let workspace = pipeline.workspace
            if let made = NewIssue(workspace: workspace, engine: pipeline.engine).make(id: id, layout: common.layout) {
                let folder = workspace.displayPath(made.folder)
                let count = made.sections.count == 1 ? "1 section" : "\(made.sections.count) sections"
                let from = made.previous.map { "\(count) from \($0)" } ?? "a first section"
                print("created \(folder): Số \(made.number), \(made.quarter.vietnamese), date \(made.quarter.lastDay), layout \(made.layout); \(from), no articles yet")
                for file in ["issue.yaml", "articles/", "images/"] { print("  \(folder)/\(file)") }
                print("next: bantin new article \(folder) \"Tiêu đề bài\" --section \"\(made.sections[0])\"")
            }
            try finish(pipeline, format: common.diagnosticsFormat)
        }
    }

    struct ArticleCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "article",
            abstract: "Write ISSUE/articles/NN-slug.md with its front matter and list it at the end of a section of issue.yaml.")

        @Argument(help: "The issue folder (or its id, for an issue under issues/).")
        var issue: String

        @Argument(help: "The article's title.")
        var title: String

        @Option(name: .long, help: "The section to list it in, by title (any case, tones optional; default: the last section).")
        var section: String?

        @Option(name: .long, help: "An author (repeat for several).")
        var author: [String] = []

        @OptionGroup var common: CommonOptions

        func validate() throws {
            if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw ValidationError("the title is empty: write it in quotes, e.g. bantin new article \(issue) \"Hội nghị tổng kết năm 2025\"")
            }
        }

        func run() throws {
            let pipeline = try common.pipeline()
            let workspace = pipeline.workspace
            if let made = NewArticle(workspace: workspace, engine: pipeline.engine)
                .make(issue: folder(workspace), title: title, section: section, authors: author) {
                let issueFolder = made.file.deletingLastPathComponent().deletingLastPathComponent()
                print("created \(workspace.displayPath(made.file)), listed in \(workspace.displayPath(issueFolder.appendingPathComponent("issue.yaml"))) under '\(made.section ?? "")'")
                print("next: write the article, then bantin check \(workspace.displayPath(issueFolder))")
            }
            try finish(pipeline, format: common.diagnosticsFormat)
        }

        /// The folder as given or, when it is not one and names an issue under issues/, that issue.
        private func folder(_ workspace: Workspace) -> URL {
            let given = URL(fileURLWithPath: issue).standardized
            let underIssues = workspace.root.appendingPathComponent("issues").appendingPathComponent(issue)
            if !workspace.fileExists(given.appendingPathComponent("issue.yaml")), !issue.contains("/"),
               workspace.fileExists(underIssues.appendingPathComponent("issue.yaml")) {
                return underIssues
            }
            return given
        }
    }
}
