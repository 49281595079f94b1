import Foundation

/// What a layout needs to know of an ICC profile before it embeds it as the PDF/X-4 output
/// intent (ICC.1:2010 §7.2 and §10): that it is one (`acsp` at byte 36, a size that fits the
/// file), its device class (`prtr` for a printing condition, `mntr` for a monitor…), its colour
/// space (`CMYK`, `RGB `) and its description, which names the printing condition.
public struct ICCProfile: Sendable {
    public var deviceClass: String
    public var colourSpace: String
    public var description: String?

    /// Nil and a reason when the bytes are not an ICC profile.
    public static func read(_ data: Data) -> Result<ICCProfile, Failure> {
        let bytes = [UInt8](data)
        func u32(_ at: Int) -> Int { at + 4 <= bytes.count ? Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3]) : -1 }
        func tag(_ at: Int) -> String { String(decoding: bytes[at..<(at + 4)], as: UTF8.self) }
        guard bytes.count >= 132, tag(36) == "acsp" else { return .failure(Failure("it is not an ICC profile (no 'acsp' signature)")) }
        let size = u32(0)
        guard size >= 132, size <= bytes.count else {
            return .failure(Failure("its header says \(size) bytes but the file has \(bytes.count): it is cut short or damaged"))
        }
        var profile = ICCProfile(deviceClass: tag(12), colourSpace: tag(16), description: nil)
        let count = u32(128)
        if count > 0, 132 + count * 12 <= size {
            for i in 0..<count where tag(132 + i * 12) == "desc" {
                profile.description = Self.text(bytes, at: u32(132 + i * 12 + 4), length: u32(132 + i * 12 + 8))
            }
        }
        return .success(profile)
    }

    /// A `desc` (ICC v2 textDescriptionType: ASCII) or `mluc` (v4: UTF-16BE, the first record).
    private static func text(_ bytes: [UInt8], at offset: Int, length: Int) -> String? {
        guard offset >= 0, length >= 12, offset + length <= bytes.count else { return nil }
        let body = Array(bytes[offset..<(offset + length)])
        func u32(_ at: Int) -> Int { at + 4 <= body.count ? Int(body[at]) << 24 | Int(body[at + 1]) << 16 | Int(body[at + 2]) << 8 | Int(body[at + 3]) : 0 }
        let type = String(decoding: body[0..<4], as: UTF8.self)
        var text: String?
        if type == "desc" {
            let n = u32(8)
            if n > 0, 12 + n <= body.count { text = String(decoding: body[12..<(12 + n)].prefix { $0 != 0 }, as: UTF8.self) }
        } else if type == "mluc", u32(8) > 0 {
            let n = u32(20), at = u32(24)
            if n > 0, at + n <= body.count {
                let units = stride(from: at, to: at + n - 1, by: 2).map { UInt16(body[$0]) << 8 | UInt16(body[$0 + 1]) }
                text = String(decoding: units, as: UTF16.self)
            }
        }
        let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed?.isEmpty == false ? trimmed : nil
    }

    /// "a monitor RGB profile (sRGB IEC61966-2.1)": what the profile is, for a message.
    public var summary: String {
        let kind = ["prtr": "an output (printer)", "mntr": "a monitor", "scnr": "an input (scanner)", "spac": "a colour space",
                    "link": "a device link", "abst": "an abstract", "nmcl": "a named colour"][deviceClass] ?? "a '\(deviceClass)'"
        let space = colourSpace.trimmingCharacters(in: .whitespaces)
        return "\(kind) \(space) profile" + (description.map { " (\($0))" } ?? "")
    }

    public struct Failure: Error, Sendable {
        public var reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
