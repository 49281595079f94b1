import Diagnostics
import Layout
import Model
import Pages
import Typesetting
import Bantin
import Foundation
import Testing
import TestSupport

/// Nothing lost: a build killed at any point of its writing leaves every output either as it
/// was or complete and new, never truncated, and the next build leaves exactly what a clean one
/// does — no stray file, dotfiles included. The kills are placed, not timed: the test hook
/// `BANTIN_TEST_ABORT=before:N` / `after:N` sends the build SIGKILL just before or after its
/// N-th rename of a finished file, for every N the build has.
@Suite(.serialized) struct KillTests {
    var bantin: String { projectRoot.appendingPathComponent(".build/debug/bantin").path }

    /// A copy of the sample issue as issue `x`, with one sentence that `variant` changes.
    func project(_ variant: String) throws -> URL {
        let project = try TestProject()
        try project.copyFromProject("issues/publication.yaml")
        try project.copySample(as: "x")
        let article = "issues/x/articles/09-tin-ngan.md"
        try project.write(article, try project.read(article) + "\nPhiên bản \(variant).\n")
        return project.root
    }

    func build(_ root: URL, out: URL, abort: String? = nil) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: bantin)
        p.arguments = ["build", root.appendingPathComponent("issues/x").path, "--root", root.path, "--out", out.path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        environment["BANTIN_TEST_ABORT"] = abort
        p.environment = environment
        try p.run()
        return p
    }

    /// Every file under `out`, dotfiles and temporaries included, by path.
    func snapshot(_ out: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let paths = FileManager.default.enumerator(atPath: out.path)?.allObjects as? [String] ?? []
        for path in paths {
            var folder: ObjCBool = false
            let url = out.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &folder), !folder.boolValue else { continue }
            files[path] = FileManager.default.contents(atPath: url.path)
        }
        return files
    }

    static func isTemporary(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return name.hasPrefix(".") && name.hasSuffix(".tmp")
    }

    @Test func killedAtEveryRenameLeavesOldOrNewFilesAndTheNextBuildAClean() throws {
        let old = try project("cũ"), new = try project("mới")
        let refOld = try temporaryFolder("ref-old"), refNew = try temporaryFolder("ref-new")
        for (root, out) in [(old, refOld), (new, refNew)] {
            let p = try build(root, out: out)
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
        }
        let a = snapshot(refOld), b = snapshot(refNew)
        #expect(a["x/print.pdf"] != nil && a["x/print.pdf"] != b["x/print.pdf"], "the two versions must differ for the test to mean anything")
        #expect(a.keys.allSatisfy { !Self.isTemporary($0) } && b.keys.allSatisfy { !Self.isTemporary($0) })

        var kills = 0, mixed = 0
        for phase in ["before", "after"] {
            for n in 1...64 {
                let out = try temporaryFolder("killed")
                try FileManager.default.removeItem(at: out)
                try FileManager.default.copyItem(at: refOld, to: out)
                let p = try build(new, out: out, abort: "\(phase):\(n)")
                p.waitUntilExit()
                // Past the build's last rename the hook never fires: every point has been tried.
                if p.terminationReason == .exit {
                    #expect(p.terminationStatus == 0)
                    #expect(n > 3, "a build renames more than three files")
                    break
                }
                kills += 1
                let now = snapshot(out)
                var changed = 0
                for (path, data) in now where !Self.isTemporary(path) {
                    #expect(data == a[path] || data == b[path], "killed \(phase) rename \(n): \(path) is neither the old nor the new file")
                    if data != a[path] { changed += 1 }
                }
                for path in a.keys where now[path] == nil && b[path] != nil {
                    Issue.record("killed \(phase) rename \(n): \(path) is gone")
                }
                if changed > 0 && now.contains(where: { !Self.isTemporary($0.key) && $0.value == a[$0.key] && a[$0.key] != b[$0.key] }) { mixed += 1 }
                // The next build finishes the job and leaves exactly the clean build's files.
                let again = try build(new, out: out)
                again.waitUntilExit()
                let after = snapshot(out)
                #expect(Set(after.keys) == Set(b.keys), "killed \(phase) rename \(n), then built: stray or missing files \(Set(after.keys).symmetricDifference(b.keys).sorted())")
                #expect(after == b, "killed \(phase) rename \(n), then built: a file differs from a clean build's")
            }
        }
        #expect(kills >= 8)
        #expect(mixed >= 1, "no kill left old and new files side by side")
    }

    /// Two builds of different inputs at once into one folder: every file is complete, one
    /// build's or the other's, and print.pdf reads back whole.
    @Test func twoBuildsAtOnceDoNotCorruptEachOther() throws {
        let one = try project("một"), two = try project("hai")
        let refOne = try temporaryFolder("once-1"), refTwo = try temporaryFolder("once-2")
        for (root, out) in [(one, refOne), (two, refTwo)] {
            let p = try build(root, out: out)
            p.waitUntilExit()
        }
        let a = snapshot(refOne), b = snapshot(refTwo)
        #expect(a["x/print.pdf"] != b["x/print.pdf"])
        let out = try temporaryFolder("twice")
        let first = try build(one, out: out), second = try build(two, out: out)
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(first.terminationStatus == 0 && second.terminationStatus == 0)
        let both = snapshot(out)
        // The article cache keeps both builds' entries of the article they set differently.
        func outputs(_ files: [String: Data]) -> Set<String> { Set(files.keys.filter { !$0.hasPrefix("x/.cache/") }) }
        #expect(outputs(both) == outputs(a), "stray or missing files: \(outputs(both).symmetricDifference(outputs(a)).sorted())")
        #expect(Set(both.keys).isSubset(of: Set(a.keys).union(b.keys)), "stray files: \(Set(both.keys).subtracting(a.keys).subtracting(b.keys).sorted())")
        for (path, data) in both {
            #expect(data == a[path] || data == b[path], "\(path) is neither build's")
        }
        let check = try run("qpdf", ["--check", out.appendingPathComponent("x/print.pdf").path])
        #expect(check.status == 0, "\(check.out)")
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
