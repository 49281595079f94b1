import Diagnostics
import Layout
import Model
import Pages
import Typesetting
import Bantin
import Foundation
import Testing
import TestSupport

/// Nothing lost: a build killed with SIGKILL at any moment leaves every output either as it was
/// or complete and new, never truncated; two builds at once do not corrupt each other.
@Suite(.serialized) struct KillTests {
    var bantin: String { projectRoot.appendingPathComponent(".build/debug/bantin").path }
    let outputs = ["x/print.pdf", "x/screen.pdf", "x/preflight.json", "web/index.html", "web/x/index.html", "web/feed.xml"]

    /// A copy of the sample issue as issue `x`, with one sentence that `variant` changes.
    func project(_ variant: String) throws -> URL {
        let project = try TestProject()
        try project.copyFromProject("issues/publication.yaml")
        try project.copySample(as: "x")
        let article = "issues/x/articles/09-tin-ngan.md"
        try project.write(article, try project.read(article) + "\nPhiên bản \(variant).\n")
        return project.root
    }

    func build(_ root: URL, out: URL) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: bantin)
        p.arguments = ["build", root.appendingPathComponent("issues/x").path, "--root", root.path, "--out", out.path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    func snapshot(_ out: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in outputs { files[path] = FileManager.default.contents(atPath: out.appendingPathComponent(path).path) }
        return files
    }

    @Test func killedBuildsLeaveOldOrNewFilesNeverHalfOnes() throws {
        let old = try project("cũ"), new = try project("mới")
        // Reference outputs of each version.
        let refOld = try temporaryFolder("ref-old"), refNew = try temporaryFolder("ref-new")
        for (root, out) in [(old, refOld), (new, refNew)] {
            let p = try build(root, out: out)
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
        }
        let a = snapshot(refOld), b = snapshot(refNew)
        #expect(a.values.count == outputs.count && b.values.count == outputs.count)
        #expect(a["x/print.pdf"] != b["x/print.pdf"], "the two versions must differ for the test to mean anything")

        for delay in [0.02, 0.08, 0.15, 0.25, 0.35, 0.5, 0.7, 0.9] {
            let out = try temporaryFolder("killed")
            try FileManager.default.removeItem(at: out)
            try FileManager.default.copyItem(at: refOld, to: out)
            let p = try build(new, out: out)
            Thread.sleep(forTimeInterval: delay)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            for path in outputs {
                let now = FileManager.default.contents(atPath: out.appendingPathComponent(path).path)
                #expect(now == a[path] || now == b[path], "after a kill at \(delay) s, \(path) is neither the old nor the new file")
            }
            // The next build finishes the job and cleans up what the killed one left.
            let again = try build(new, out: out)
            again.waitUntilExit()
            #expect(snapshot(out) == b)
            let stray = (FileManager.default.enumerator(atPath: out.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".tmp") }
            #expect(stray.isEmpty, "left-over temporary files: \(stray)")
        }
    }

    @Test func twoBuildsAtOnceDoNotCorruptEachOther() throws {
        let root = try project("song song")
        let out = try temporaryFolder("twice")
        let first = try build(root, out: out), second = try build(root, out: out)
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(first.terminationStatus == 0 && second.terminationStatus == 0)
        let check = try run("qpdf", ["--check", out.appendingPathComponent("x/print.pdf").path])
        #expect(check.status == 0, "\(check.out)")
        let reference = try temporaryFolder("once")
        let once = try build(root, out: reference)
        once.waitUntilExit()
        #expect(snapshot(out) == snapshot(reference))
    }
}

@Suite struct InputsUntouchedTests {
    /// No input file is ever written: the issue, layouts and fonts are byte for byte and date for
    /// date the same after a build.
    @Test func buildWritesNoInputFile() throws {
        func state() throws -> [String: String] {
            var out: [String: String] = [:]
            for folder in ["issues", "layouts", "fonts"] {
                let base = projectRoot.appendingPathComponent(folder)
                for path in try FileManager.default.subpathsOfDirectory(atPath: base.path) {
                    let url = base.appendingPathComponent(path)
                    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
                    guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
                    let data = try Data(contentsOf: url)
                    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                    for byte in data { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                    out[folder + "/" + path] = "\(hash) \((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
                }
            }
            return out
        }
        let before = try state()
        let out = try temporaryFolder("untouched")
        let built = Pipeline(options: BuildOptions(root: projectRoot, outDirectory: out, booklet: true))
            .build([projectRoot.appendingPathComponent("issues/2025-q1")])
        #expect(built.count == 1)
        #expect(try state() == before)
        #expect(before.count > 20)
    }
}
