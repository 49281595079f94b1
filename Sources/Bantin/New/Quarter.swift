import Foundation
import Model

/// A quarter of a year, as issues are named: `2025-q2` is the second quarter of 2025.
public struct Quarter: Comparable, Hashable, Sendable, CustomStringConvertible {
    public var year: Int
    public var quarter: Int

    public init?(year: Int, quarter: Int) {
        guard (1...4).contains(quarter), (1900...2999).contains(year) else { return nil }
        self.year = year
        self.quarter = quarter
    }

    /// `2025-q2` (lower case, exactly): the name of an issue's folder.
    public init?(id: String) {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCII), let year = Int(parts[0]),
              parts[1].count == 2, parts[1].first == "q", let quarter = Int(parts[1].dropFirst()) else { return nil }
        self.init(year: year, quarter: quarter)
    }

    /// The quarter `date` falls in, on the Gregorian calendar in `timeZone`.
    public init(containing date: Date, timeZone: TimeZone = .current) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month], from: date)
        year = parts.year ?? 2025
        quarter = ((parts.month ?? 1) - 1) / 3 + 1
    }

    public var id: String { "\(year)-q\(quarter)" }
    public var description: String { id }

    /// After Q4 comes the next year's Q1.
    public var next: Quarter { quarter == 4 ? Quarter(year: year + 1, quarter: 1) ?? self : Quarter(year: year, quarter: quarter + 1) ?? self }

    /// The quarter's last day: 2025-06-30 for Q2.
    public var lastDay: ISODate {
        ISODate(year: year, month: quarter * 3, day: [31, 30, 30, 31][quarter - 1])!
    }

    /// "Quý II/2025", as the issue prints it.
    public var vietnamese: String { "Quý \(["I", "II", "III", "IV"][quarter - 1])/\(year)" }

    public static func < (a: Quarter, b: Quarter) -> Bool { (a.year, a.quarter) < (b.year, b.quarter) }
}
