/// A calendar date without time or zone, as editors write it in YAML (`2025-03-31`).
/// Dates come only from the input, never from the clock, so builds are reproducible.
public struct ISODate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= ISODate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil for anything else or an impossible date.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (a: ISODate, b: ISODate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public var description: String { iso }
    public var iso: String { "\(year)-\(pad(month))-\(pad(day))" }

    /// `26/12/2024`, the numeric form used on cards and bylines.
    public var numeric: String { "\(pad(day))/\(pad(month))/\(year)" }

    /// `ngày 05 tháng 01 năm 2025`, `ngày 15 tháng 3 năm 2025`: the official long form
    /// (days below 10 and months 1–2 padded), a fixed template rather than Foundation's style.
    public var vietnameseLong: String {
        let m = month <= 2 ? pad(month) : String(month)
        return "ngày \(pad(day)) tháng \(m) năm \(year)"
    }

    private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
