import Foundation
import Model

/// Reads an image file's header — format and pixel size — without decoding it.
/// JPEG: the SOFn marker; PNG: the IHDR chunk. Anything else is refused.
enum ImageProbe {
    enum Failure: Error {
        case unreadable
        case unsupported(String)
        case corrupt(String)
        case tooLarge(Int, Int)
        case tooLong(Int, Int)
        case cmyk
        case truncated(String)
    }

    /// Images above this many pixels are refused (a decompression bomb or a camera RAW export).
    static let maximumPixels = 100_000_000
    /// The longest side the image libraries scale (cairo's limit): a 1 × 100,000 strip is refused
    /// at its figure rather than failing later in the web edition or a preview.
    static let maximumSide = 32_767

    static func probe(_ url: URL, issuePath: String) -> Result<ImageRef, Failure> {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return .failure(.unreadable) }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 1 << 16)) ?? Data()
        let bytes = [UInt8](head)
        // The end of the file: a JPEG ends with EOI (FF D9), a PNG with its IEND chunk.
        let end = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: end > 12 ? end - 12 : 0)
        let tail = [UInt8]((try? handle.read(upToCount: 12)) ?? Data())
        let size: Result<(Int, Int, ImageRef.Format), Failure>
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            size = png(bytes)
        } else if bytes.starts(with: [0xFF, 0xD8]) {
            size = jpeg(bytes)
        } else {
            size = .failure(.unsupported(bytes.isEmpty ? "the file is empty" : sniff(bytes)))
        }
        return size.flatMap { w, h, format in
            guard w > 0, h > 0 else { return .failure(.corrupt("its header gives a size of \(w)×\(h)")) }
            guard w * h <= maximumPixels else { return .failure(.tooLarge(w, h)) }
            guard max(w, h) <= maximumSide else { return .failure(.tooLong(w, h)) }
            if format == .jpeg, jpegComponents(bytes) == 4 { return .failure(.cmyk) }
            if format == .jpeg, !(tail.count >= 2 && tail[tail.count - 2] == 0xFF && tail[tail.count - 1] == 0xD9) {
                return .failure(.truncated("the JPEG has no end marker"))
            }
            if format == .png, !(tail.count == 12 && Array(tail[4..<8]) == Array("IEND".utf8)) {
                return .failure(.truncated("the PNG has no IEND chunk at its end"))
            }
            // A phone photo is stored as the sensor saw it; EXIF says how to turn it upright.
            let orientation = format == .jpeg ? exifOrientation(bytes) : 1
            let turned = orientation >= 5
            return .success(ImageRef(file: url.path, issuePath: issuePath, format: format, pixelWidth: turned ? h : w,
                                     pixelHeight: turned ? w : h, orientation: orientation))
        }
    }

    private static func png(_ b: [UInt8]) -> Result<(Int, Int, ImageRef.Format), Failure> {
        guard b.count >= 24, Array(b[12..<16]) == Array("IHDR".utf8) else { return .failure(.corrupt("the PNG has no IHDR header")) }
        return .success((be32(b, 16), be32(b, 20), .png))
    }

    /// A JPEG's marker segments in the bytes read, up to the image data (SOS) or the end: each
    /// segment's marker, where its `FF` is and its length; `damaged` when a segment does not
    /// start with `FF`. The one walk the frame size, the components and the orientation share.
    private static func segments(_ b: [UInt8]) -> (list: [(marker: UInt8, at: Int, length: Int)], damaged: Bool) {
        var list: [(UInt8, Int, Int)] = [], i = 2
        while i + 3 < b.count {
            guard b[i] == 0xFF else { return (list, true) }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            list.append((marker, i, length))
            if marker == 0xDA || marker == 0xD9 { break }  // the image data: no more headers
            i += 2 + length
        }
        return (list, false)
    }

    /// SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) do not. The segment
    /// must lie within the bytes read up to its component count.
    private static func frame(_ b: [UInt8]) -> (at: Int?, damaged: Bool) {
        let (list, damaged) = segments(b)
        let sof = list.first { (0xC0...0xCF).contains($0.marker) && ![0xC4, 0xC8, 0xCC].contains($0.marker) && $0.at + 9 < b.count }
        return (sof?.at, damaged)
    }

    private static func jpeg(_ b: [UInt8]) -> Result<(Int, Int, ImageRef.Format), Failure> {
        let (at, damaged) = frame(b)
        guard let i = at else {
            return .failure(.corrupt(damaged ? "the JPEG markers are damaged" : "no frame header was found in the first 64 KB of the JPEG"))
        }
        let height = Int(b[i + 5]) << 8 | Int(b[i + 6])
        let width = Int(b[i + 7]) << 8 | Int(b[i + 8])
        return .success((width, height, .jpeg))
    }

    /// The number of colour components in the JPEG's frame header (3 RGB/YCbCr, 4 CMYK).
    private static func jpegComponents(_ b: [UInt8]) -> Int? {
        frame(b).at.map { Int(b[$0 + 9]) }
    }

    /// The EXIF orientation (1–8) of a JPEG's APP1 segment, 1 when it has none or it is unreadable.
    static func exifOrientation(_ b: [UInt8]) -> Int {
        for segment in segments(b).list where segment.marker == 0xE1 {
            let start = segment.at + 4, end = min(b.count, segment.at + 2 + segment.length)
            if end - start > 14, Array(b[start..<(start + 6)]) == [0x45, 0x78, 0x69, 0x66, 0, 0] {
                return orientation(inTIFF: Array(b[(start + 6)..<end]))
            }
        }
        return 1
    }

    /// Tag 0x0112 of the first IFD of a TIFF structure (EXIF's), either byte order.
    private static func orientation(inTIFF t: [UInt8]) -> Int {
        guard t.count >= 8 else { return 1 }
        let little = t[0] == 0x49 && t[1] == 0x49
        guard little || (t[0] == 0x4D && t[1] == 0x4D) else { return 1 }
        func u16(_ o: Int) -> Int? { o + 2 <= t.count ? (little ? Int(t[o]) | Int(t[o + 1]) << 8 : Int(t[o]) << 8 | Int(t[o + 1])) : nil }
        func u32(_ o: Int) -> Int? {
            guard o + 4 <= t.count, let a = u16(o), let b = u16(o + 2) else { return nil }
            return little ? a | b << 16 : a << 16 | b
        }
        guard let ifd = u32(4), let count = u16(ifd) else { return 1 }
        for n in 0..<min(count, 512) {
            let entry = ifd + 2 + n * 12
            guard let tag = u16(entry) else { break }
            if tag == 0x0112, let value = u16(entry + 8) { return (1...8).contains(value) ? value : 1 }
        }
        return 1
    }

    private static func sniff(_ b: [UInt8]) -> String {
        if b.starts(with: Array("GIF8".utf8)) { return "it is a GIF" }
        if b.count > 12, Array(b[8..<12]) == Array("WEBP".utf8) { return "it is a WebP" }
        if b.count > 12, Array(b[4..<12]) == Array("ftypheic".utf8) || Array(b[4..<12]) == Array("ftypmif1".utf8) { return "it is a HEIC photo" }
        if b.starts(with: [0x49, 0x49, 0x2A, 0x00]) || b.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return "it is a TIFF" }
        if b.starts(with: Array("<svg".utf8)) || b.starts(with: Array("<?xml".utf8)) { return "it is SVG or XML" }
        return "it is neither JPEG nor PNG"
    }

    private static func be32(_ b: [UInt8], _ i: Int) -> Int {
        Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
    }
}

extension ImageProbe.Failure {
    var message: String {
        switch self {
        case .unreadable: "cannot read the image"
        case .unsupported(let what): "unsupported image format: \(what)"
        case .corrupt(let what): "the image is damaged: \(what)"
        case .tooLarge(let w, let h): "the image is too large: \(w)×\(h) pixels (at most \(ImageProbe.maximumPixels / 1_000_000) million)"
        case .tooLong(let w, let h): "the image is too long: \(w)×\(h) pixels (a side may have at most \(ImageProbe.maximumSide))"
        case .cmyk: "the JPEG is in CMYK: its colours would print wrong (cairo cannot embed CMYK JPEGs correctly)"
        case .truncated(let what): "the image is truncated: \(what)"
        }
    }

    var hint: String {
        switch self {
        case .unreadable: "check the file's permissions"
        case .unsupported: "save it as JPEG (photos) or PNG (charts, diagrams)"
        case .corrupt: "open it in an image editor and save it again as JPEG or PNG"
        case .tooLarge: "scale it down: 300 ppi at the printed size is enough (about 2500 px for a full A4 width)"
        case .tooLong: "crop it, or cut it into several images: no page shows a strip that long"
        case .cmyk: "convert it to RGB (sRGB) in an image editor; the PDF/X-4 output is colour-managed"
        case .truncated: "the file was cut off while copying: copy it again from the original"
        }
    }
}
