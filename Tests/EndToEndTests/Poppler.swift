import Diagnostics
import Model
import Foundation

/// Runs a command (in `directory`, when given) and returns its standard output (standard error
/// is kept apart).
@discardableResult
func run(_ tool: String, _ arguments: [String], status expected: Int32 = 0, in directory: URL? = nil) throws -> (out: String, err: String, status: Int32) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self), process.terminationStatus)
}

/// The PDF's text layer as poppler reads it in content-stream order (`-raw`: the order the
/// pages draw their text, free of poppler's guesses about columns), NFC, split into words.
func pdfWords(_ pdf: URL, first: Int? = nil, last: Int? = nil) throws -> [String] {
    var args = ["-enc", "UTF-8", "-raw"]
    if let first { args += ["-f", String(first)] }
    if let last { args += ["-l", String(last)] }
    let text = try run("pdftotext", args + [pdf.path, "-"]).out
    return words(text)
}

func words(_ text: String) -> [String] {
    text.precomposedStringWithCanonicalMapping.split(whereSeparator: { $0.isWhitespace }).map(String.init)
}

/// The XMP packet of a PDF (`<x:xmpmeta>` … `</x:xmpmeta>`), read from a copy qpdf writes with
/// its streams uncompressed into `scratch`.
func xmpPacket(of pdf: URL, scratch: URL) throws -> Data? {
    let expanded = scratch.appendingPathComponent("expanded.pdf")
    _ = try run("qpdf", ["--qdf", "--object-streams=disable", pdf.path, expanded.path])
    let bytes = String(decoding: try Data(contentsOf: expanded), as: UTF8.self)
    guard let start = bytes.range(of: "<x:xmpmeta"), let end = bytes.range(of: "</x:xmpmeta>") else { return nil }
    return Data(bytes[start.lowerBound..<end.upperBound].utf8)
}
