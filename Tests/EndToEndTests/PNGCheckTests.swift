import Foundation
import Imaging
import Testing
import TestSupport

/// The build's PNG check (`PNGCheck`: chunks, CRCs and the zlib stream, without decoding to
/// pixels) beside libpng (through cairo), the decoder it stands in for: every kind of PNG that
/// libpng decodes passes, and every kind of damage is caught.
@Suite struct PNGCheckTests {
    /// PNGs written by a small encoder of Python's: every colour type and bit depth, plain and
    /// Adam7-interlaced, odd sizes (passes without pixels), IDAT in one chunk or many; then the
    /// damaged ones, named by what is wrong.
    static let maker = #"""
    import struct, zlib, sys, os
    out = sys.argv[1]
    def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    def raw(w, h, depth, ctype, interlace):
        ch = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[ctype]
        passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)] if interlace else [(0, 0, 1, 1)]
        data = b""
        for x0, y0, dx, dy in passes:
            xs, ys = range(x0, w, dx), range(y0, h, dy)
            if not xs or not ys: continue
            for y in ys:
                s = [(x * 7 + y * 3 + c * 5) % (1 << depth) for x in xs for c in range(ch)]
                if depth == 16: row = b"".join(struct.pack(">H", v) for v in s)
                elif depth == 8: row = bytes(s)
                else:
                    bits = "".join(format(v, "0%db" % depth) for v in s); bits += "0" * (-len(bits) % 8)
                    row = bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))
                data += b"\0" + row
        return data
    def png(w, h, depth, ctype, interlace, data=None, split=1, between=b"", extra=b""):
        data = raw(w, h, depth, ctype, interlace) if data is None else data
        z = zlib.compress(data)
        parts = [z[i * len(z) // split:(i + 1) * len(z) // split] for i in range(split)]
        body = chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, ctype, 0, 0, interlace))
        if ctype == 3: body += chunk(b"PLTE", bytes(i % 256 for i in range(3 * (1 << depth))))
        body += extra
        for i, p in enumerate(parts):
            body += chunk(b"IDAT", p)
            if i == 0: body += between
        return b"\x89PNG\r\n\x1a\n" + body + chunk(b"IEND", b"")
    def save(name, b): open(os.path.join(out, name), "wb").write(b)
    for ctype, depths in {0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16]}.items():
        for depth in depths:
            for interlace in (0, 1):
                for w, h in ((1, 1), (3, 2), (37, 23)):
                    save(f"good-{ctype}-{depth}-{interlace}-{w}x{h}.png", png(w, h, depth, ctype, interlace))
    save("good-split-idat.png", png(40, 30, 8, 2, 0, split=4))
    save("good-text-before-idat.png", png(40, 30, 8, 6, 1, extra=chunk(b"tEXt", b"Title\0Bieu do")))
    good = png(40, 30, 8, 2, 0)
    idat = good.index(b"IDAT")
    flipped = bytearray(good); flipped[idat + 20] ^= 0xFF
    save("bad-crc.png", bytes(flipped))
    rows = raw(40, 30, 8, 2, 0)
    z = bytearray(zlib.compress(rows)); z[len(z) // 2] ^= 0xFF
    save("bad-stream.png", png(40, 30, 8, 2, 0).replace(chunk(b"IDAT", zlib.compress(rows)), chunk(b"IDAT", bytes(z))))
    save("bad-cut-short.png", good[:len(good) * 6 // 10])
    save("bad-no-iend.png", good[:-12])
    save("bad-rows-missing.png", png(40, 30, 8, 2, 0, data=rows[:-(1 + 40 * 3) * 3]))
    save("bad-filter.png", png(40, 30, 8, 2, 0, data=b"\x07" + rows[1:]))
    save("bad-idat-split.png", png(40, 30, 8, 2, 0, split=2, between=chunk(b"tEXt", b"a\0b")))
    save("bad-critical-chunk.png", png(40, 30, 8, 2, 0, extra=chunk(b"ABCD", b"x")))
    save("bad-palette-missing.png", png(8, 8, 8, 3, 0).replace(chunk(b"PLTE", bytes(i % 256 for i in range(768))), b""))
    save("bad-depth.png", png(8, 8, 8, 2, 0).replace(struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0), struct.pack(">IIBBBBB", 8, 8, 4, 2, 0, 0, 0)))
    save("bad-not-png.png", b"GIF89a" + good[6:])
    """#

    @Test func everyKindOfPNGThatLibpngDecodesPassesAndEveryDamageIsCaught() throws {
        let folder = try temporaryFolder("png-kinds")
        let made = try run("/usr/bin/python3", ["-c", Self.maker, folder.path])
        #expect(made.status == 0, "\(made.out)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files.filter { $0.hasPrefix("good-") }.count == 2 * 3 * 15 + 2 && files.filter { $0.hasPrefix("bad-") }.count == 11)
        for name in files {
            let url = folder.appendingPathComponent(name)
            let ours = ImageCheck.damage(url, isJPEG: false)
            if name.hasPrefix("good-") {
                #expect(ours == nil, "\(name): \(ours ?? "")")
                #expect((try? DecodedImage(url)) != nil, "\(name): libpng refuses a file the maker meant as good")
            } else {
                #expect(ours != nil, "\(name) passed the check")
            }
        }
        // The sample's own charts, as drawn by cairo.
        for chart in ["cam-bien.png", "giai-thuong.png"] {
            #expect(ImageCheck.damage(projectRoot.appendingPathComponent("issues/2025-q1/images/\(chart)"), isJPEG: false) == nil)
        }
    }
}
