internal import CLittleCMS
internal import CTurboJPEG
import Dispatch
import Foundation
import Output

/// RGB to the printing condition's CMYK with Little CMS (issue 14, item 1): relative
/// colorimetric with black-point compensation by default, perceptual on request; then the
/// shop's rules that a profile alone does not keep —
/// - a neutral (R = G = B) goes on the black plate only, as the K tint that prints the grey's
///   own lightness (a profile would make it four-colour, and chart text rich black);
/// - no pixel carries more ink than the limit (300 % by default): cyan, magenta and yellow are
///   taken back together until it fits, black kept.
public final class CMYKConversion: @unchecked Sendable {
    public enum Intent: Sendable {
        case relativeColorimetric, perceptual
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    private let transform: cmsHTRANSFORM
    /// The K tint (0–255) printing sRGB grey level `v` at its lightness, for each `v`.
    private let blackForGrey: [UInt8]
    /// The total ink allowed, in 0–255 units per plate summed (300 % = 765).
    private let limit: Int
    /// Names this conversion (both profiles, intent, compensation, limit, and the version of
    /// the code below): what a cache of converted images is keyed by, beside the image's bytes.
    public let fingerprint: String
    static let version = "cmyk-1"

    public init(output: Data, rgb: Data, intent: Intent = .relativeColorimetric, blackPointCompensation: Bool = true,
                inkLimit: Double = 3.0) throws {
        guard let cmyk = output.withUnsafeBytes({ cmsOpenProfileFromMem($0.baseAddress, cmsUInt32Number($0.count)) }) else {
            throw Failure(description: "the output profile cannot be read")
        }
        defer { cmsCloseProfile(cmyk) }
        guard let srgb = rgb.withUnsafeBytes({ cmsOpenProfileFromMem($0.baseAddress, cmsUInt32Number($0.count)) }) else {
            throw Failure(description: "the RGB profile cannot be read")
        }
        defer { cmsCloseProfile(srgb) }
        guard cmsGetColorSpace(cmyk) == cmsSigCmykData else { throw Failure(description: "the output profile is not CMYK") }
        guard cmsGetColorSpace(srgb) == cmsSigRgbData else { throw Failure(description: "the RGB profile is not RGB") }
        let flags = blackPointCompensation ? cmsUInt32Number(cmsFLAGS_BLACKPOINTCOMPENSATION) : 0
        // No one-pixel cache in the transform: stripes of an image are converted on several threads at once.
        let transformFlags = flags | cmsUInt32Number(cmsFLAGS_NOCACHE)
        let code = intent == .perceptual ? cmsUInt32Number(INTENT_PERCEPTUAL) : cmsUInt32Number(INTENT_RELATIVE_COLORIMETRIC)
        guard let transform = cmsCreateTransform(srgb, BANTIN_TYPE_RGB_8, cmyk, BANTIN_TYPE_CMYK_8, code, transformFlags) else {
            throw Failure(description: "Little CMS cannot make the RGB to CMYK transform")
        }
        self.transform = transform
        limit = Int((inkLimit * 255).rounded())
        var digest = Digest()
        for part in [Self.version, "\(code)", "\(flags)", "\(limit)"] { digest.add(part) }
        digest.add(output)
        digest.add(rgb)
        fingerprint = digest.hex
        blackForGrey = try Self.greyRamp(cmyk: cmyk, srgb: srgb, intent: code, flags: flags)
    }

    deinit {
        cmsDeleteTransform(transform)
    }

    /// Each sRGB grey's lightness (L*), and the K tint of the output condition nearest it.
    private static func greyRamp(cmyk: cmsHPROFILE, srgb: cmsHPROFILE, intent: cmsUInt32Number, flags: cmsUInt32Number) throws -> [UInt8] {
        guard let lab = cmsCreateLab4Profile(nil) else { throw Failure(description: "Little CMS cannot make a Lab profile") }
        defer { cmsCloseProfile(lab) }
        guard let fromRGB = cmsCreateTransform(srgb, BANTIN_TYPE_RGB_8, lab, BANTIN_TYPE_Lab_DBL, intent, flags),
              let fromCMYK = cmsCreateTransform(cmyk, BANTIN_TYPE_CMYK_8, lab, BANTIN_TYPE_Lab_DBL, intent, flags) else {
            throw Failure(description: "Little CMS cannot measure the greys")
        }
        defer {
            cmsDeleteTransform(fromRGB)
            cmsDeleteTransform(fromCMYK)
        }
        func lightness(_ transform: cmsHTRANSFORM, _ pixel: [UInt8]) -> Double {
            var out = cmsCIELab()
            pixel.withUnsafeBufferPointer { cmsDoTransform(transform, $0.baseAddress, &out, 1) }
            return out.L
        }
        let black = (0...255).map { lightness(fromCMYK, [0, 0, 0, UInt8($0)]) }
        // K's lightness falls as the tint grows; white paper is K 0, and nothing is darker than K 100 %.
        return (0...255).map { v in
            let target = lightness(fromRGB, [UInt8(v), UInt8(v), UInt8(v)])
            return UInt8(black.indices.min { abs(black[$0] - target) < abs(black[$1] - target) }!)
        }
    }

    /// Pixels of three bytes (R, G, B) to pixels of four (C, M, Y, K), in stripes on every core.
    public func convert(rgb: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let count = rgb.count / 3
        var out = [UInt8](repeating: 0, count: count * 4)
        out.withUnsafeMutableBufferPointer { cmyk in
            let output = UnsafeMutableBufferPointer(start: cmyk.baseAddress, count: cmyk.count)
            Self.stripes(count) { range in
                cmsDoTransform(transform, rgb.baseAddress! + range.lowerBound * 3, output.baseAddress! + range.lowerBound * 4,
                               cmsUInt32Number(range.count))
                for i in range {
                    let r = rgb[i * 3], g = rgb[i * 3 + 1], b = rgb[i * 3 + 2]
                    if r == g && g == b {
                        output[i * 4] = 0
                        output[i * 4 + 1] = 0
                        output[i * 4 + 2] = 0
                        output[i * 4 + 3] = blackForGrey[Int(r)]
                        continue
                    }
                    Self.limit(output, pixel: i, to: limit)
                }
            }
        }
        return out
    }

    /// Runs `body` over `count` pixels in stripes of at least 64k pixels, side by side.
    /// The stripes write disjoint parts of one buffer, which is why `body` may run on several
    /// threads though the compiler cannot see it.
    static func stripes(_ count: Int, _ body: (Range<Int>) -> Void) {
        let size = 65_536, n = (count + size - 1) / size
        guard n > 1 else { return body(0..<count) }
        withoutActuallyEscaping(body) { body in
            let work = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: n) { k in work.value((k * size)..<min(count, (k + 1) * size)) }
        }
    }

    /// Takes cyan, magenta and yellow back together until the pixel's ink is at most `limit`.
    private static func limit(_ out: UnsafeMutableBufferPointer<UInt8>, pixel i: Int, to limit: Int) {
        let c = Int(out[i * 4]), m = Int(out[i * 4 + 1]), y = Int(out[i * 4 + 2]), k = Int(out[i * 4 + 3])
        let colour = c + m + y
        guard colour + k > limit, colour > 0 else { return }
        let room = max(0, limit - k)
        out[i * 4] = UInt8(c * room / colour)
        out[i * 4 + 1] = UInt8(m * room / colour)
        out[i * 4 + 2] = UInt8(y * room / colour)
    }

    /// Converted pixels as a CMYK JPEG whose decoded pixels keep the ink limit: JPEG's rounding
    /// and ringing lift dark pixels by up to a few per cent, so the encoding is decoded and
    /// measured. The first try aims 3 % under the limit (most photos fit at once); a try that
    /// overshoots takes twice its overshoot back, and the last is encoded at quality 97, whose
    /// ringing is smaller; nil when none keeps the limit (the caller then uses Flate).
    public func jpeg(_ cmyk: [UInt8], width: Int, height: Int, name: String) throws -> Data? {
        var target = limit - 8
        for attempt in 0..<3 {
            var inks = cmyk
            let aim = target
            inks.withUnsafeMutableBufferPointer { out in
                let buffer = UnsafeMutableBufferPointer(start: out.baseAddress, count: out.count)
                Self.stripes(buffer.count / 4) { range in for i in range { Self.limit(buffer, pixel: i, to: aim) } }
            }
            let data = try Self.jpeg(cmyk: inks, width: width, height: height, quality: attempt == 2 ? 97 : 92, name: name)
            let most = try Self.mostInk(data, name: name)
            if most <= limit { return data }
            target -= 2 * (most - limit) + 2
        }
        return nil
    }

    /// The most ink (0–1020) at any pixel of a CMYK JPEG written by `jpeg(cmyk:…)`, decoded
    /// as stored (inverted: 255 is no ink, so a pixel's ink is 1020 less its four bytes).
    static func mostInk(_ data: Data, name: String) throws -> Int {
        try mostInk(jpeg: data, inverted: true, name: name)
    }

    /// The most ink (0–1020) at any pixel of a CMYK JPEG, as preflight measures a finished
    /// file's images: `inverted` when the PDF reads it with `/Decode [1 0 1 0 1 0 1 0]`.
    public static func mostInk(jpeg data: Data, inverted: Bool, name: String) throws -> Int {
        let stored = try decode(data, name: name, inverted: true)
        return stored.withUnsafeBufferPointer { mostInk(samples: $0, inverted: inverted) }
    }

    /// The most ink (0–1020) at any of the CMYK pixels (four bytes each; `inverted`: 255 is no ink).
    public static func mostInk(samples p: UnsafeBufferPointer<UInt8>, inverted: Bool) -> Int {
        let pixels = p.count / 4
        let n = max(1, (pixels + 65_535) / 65_536)
        var extreme = [Int](repeating: inverted ? 1020 : 0, count: n)
        extreme.withUnsafeMutableBufferPointer { extreme in
            let out = UnsafeMutableBufferPointer(start: extreme.baseAddress, count: extreme.count)
            stripes(pixels) { range in
                var value = inverted ? 1020 : 0
                for i in range {
                    let sum = Int(p[i * 4]) + Int(p[i * 4 + 1]) + Int(p[i * 4 + 2]) + Int(p[i * 4 + 3])
                    value = inverted ? min(value, sum) : max(value, sum)
                }
                out[range.lowerBound / 65_536] = value
            }
        }
        return inverted ? 1020 - (extreme.min() ?? 1020) : (extreme.max() ?? 0)
    }

    /// A CMYK JPEG written by `jpeg(cmyk:…)`, back to its inks (0 = none), or as stored.
    static func decode(_ data: Data, name: String, inverted: Bool = false) throws -> [UInt8] {
        guard let handle = tjInitDecompress() else { throw ImagingError.image(name, "cannot start the JPEG decoder") }
        defer { tjDestroy(handle) }
        return try data.withUnsafeBytes { raw -> [UInt8] in
            let bytes = raw.bindMemory(to: UInt8.self)
            var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colorspace: Int32 = 0
            guard tjDecompressHeader3(handle, bytes.baseAddress, UInt(bytes.count), &width, &height, &subsampling, &colorspace) == 0 else {
                throw ImagingError.image(name, String(cString: tjGetErrorStr2(handle)))
            }
            var out = [UInt8](repeating: 0, count: Int(width) * Int(height) * 4)
            let status = tjDecompress2(handle, bytes.baseAddress, UInt(bytes.count), &out, width, 0, height, Int32(TJPF_CMYK.rawValue), 0)
            guard status == 0 else { throw ImagingError.image(name, String(cString: tjGetErrorStr2(handle))) }
            return inverted ? out : out.map { 255 - $0 }
        }
    }

    /// CMYK pixels (four bytes each, 0 = no ink) as a JPEG, quality 92 unless asked, no chroma subsampling,
    /// stored inverted as Adobe's CMYK JPEGs are: the PDF reads it back with
    /// `/Decode [1 0 1 0 1 0 1 0]`. A photo converted to CMYK takes a fifth of its Flate size.
    static func jpeg(cmyk: [UInt8], width: Int, height: Int, quality: Int = 92, name: String) throws -> Data {
        guard let handle = tjInitCompress() else { throw ImagingError.image(name, "cannot start the JPEG encoder") }
        defer { tjDestroy(handle) }
        let inverted = cmyk.map { 255 - $0 }
        var buffer: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        let status = inverted.withUnsafeBufferPointer {
            tjCompress2(handle, $0.baseAddress, Int32(width), Int32(width * 4), Int32(height), Int32(TJPF_CMYK.rawValue),
                        &buffer, &size, Int32(TJSAMP_444.rawValue), Int32(quality), 0)
        }
        defer { tjFree(buffer) }
        guard status == 0, let buffer else { throw ImagingError.image(name, String(cString: tjGetErrorStr2(handle))) }
        return Data(bytes: buffer, count: Int(size))
    }

    /// One colour, components 0–1, as the pages' vector colours need it.
    public func convert(red: Double, green: Double, blue: Double) -> (cyan: Double, magenta: Double, yellow: Double, black: Double) {
        let pixel = [red, green, blue].map { UInt8((min(max($0, 0), 1) * 255).rounded()) }
        let out = pixel.withUnsafeBufferPointer { convert(rgb: $0) }
        return (Double(out[0]) / 255, Double(out[1]) / 255, Double(out[2]) / 255, Double(out[3]) / 255)
    }
}

/// A value handed to other threads where the code around it guarantees they do not race.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
