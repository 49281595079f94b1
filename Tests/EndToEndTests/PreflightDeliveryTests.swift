import Bantin
import Diagnostics
import Foundation
import Testing
import TestSupport

/// Issue 12, item 4: preflight findings are located, and a print PDF that fails preflight never
/// takes the name print.pdf.
@Suite struct PreflightDeliveryTests {
    @Test func aFailingPrintPDFKeepsTheLastGoodOneAndIsLocated() throws {
        let project = try TestProject()
        let good = "---\ntitle: Ảnh thử\n---\n\nĐoạn văn đầu tiên của bài.\n\nĐoạn văn thứ hai của bài.\n"
        try project.issue([("a.md", good)])
        let (first, diagnostics) = project.build()
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let print = try #require(first)
        #expect(print.lastPathComponent == "print.pdf")
        let goodBytes = try Data(contentsOf: print)

        // A 1×1 image as a figure: far below 150 ppi, a preflight error.
        try project.write("issues/x/images/cham.png", TestProject.tinyPNG)
        try project.write("issues/x/articles/a.md", good + "\n![Một chấm](../images/cham.png)\n")
        let (second, failing) = project.build()
        let finding = try #require(failing.first { $0.id == "preflight-image-resolution" })
        #expect(finding.severity == .error)
        #expect(finding.range?.path.hasSuffix("issues/x/articles/a.md") == true && finding.range?.start.line == 9, "\(finding)")
        #expect(second?.lastPathComponent == "print.FAILED-PREFLIGHT.pdf")
        #expect(try Data(contentsOf: project.url("out/x/print.pdf")) == goodBytes)
        #expect(project.exists("out/x/print.FAILED-PREFLIGHT.pdf"))
        let json = try project.read("out/x/preflight.json")
        #expect(json.contains("\"source\" : \"") && json.contains("a.md:9:1\""), "\(json.prefix(600))")

        // Fixed: print.pdf is the new file, and the failed one is gone.
        try project.write("issues/x/articles/a.md", good + "\nĐoạn văn thứ ba.\n")
        let (third, fixed) = project.build()
        #expect(fixed.filter { $0.severity == .error }.isEmpty)
        #expect(third?.lastPathComponent == "print.pdf")
        #expect(try Data(contentsOf: project.url("out/x/print.pdf")) != goodBytes)
        #expect(!project.exists("out/x/print.FAILED-PREFLIGHT.pdf"))
    }
}
