import Foundation

/// A calendar day in Vietnam (Asia/Ho_Chi_Minh: UTC+7 all year, no daylight saving), as
/// `YYYY-MM-DD`: the unit the counters count visits by and the salt lives for. Readers and the
/// association are in Vietnam, so "today" turns at their midnight, not at UTC's.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 in Vietnam.
    public let number: Int

    public static let offset = 7 * 3600

    public init(number: Int) { self.number = number }

    public init(_ date: Date) {
        number = Int(((date.timeIntervalSince1970 + Double(Self.offset)) / 86400).rounded(.down))
    }

    public static var today: Day { Day(Date()) }

    public func adding(_ days: Int) -> Day { Day(number: number + days) }

    /// `YYYY-MM-DD`: sorts as the days do, in SQLite and PostgreSQL alike.
    public var description: String {
        // Howard Hinnant's days-to-civil (proleptic Gregorian), for a fixed zone without Foundation's calendars.
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    public static func < (a: Day, b: Day) -> Bool { a.number < b.number }
}
