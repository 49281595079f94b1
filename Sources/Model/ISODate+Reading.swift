/// Why a text an editor wrote as a date is not one, for a diagnostic that says what to write.
extension ISODate {
    public enum Misreading: Equatable, Sendable {
        /// A real date in another order or without padding (`26/12/2024`, `2025-3-5`).
        case writtenAs(ISODate)
        /// `2025-13-01`: there is no month 13.
        case noSuchMonth(Int)
        /// `2025-02-30`, `31/04/2025`, `2025-04-00`: the day is not in the month.
        case noSuchDay(day: Int, month: Int, year: Int)
        /// Not a date in any form Bantin recognizes.
        case notADate
    }

    /// What `text` (not `YYYY-MM-DD`, or an impossible one) was meant to be: year, month and day
    /// as `YYYY-M-D`, or day, month and year as `D/M/YYYY`, `D-M-YYYY` or `D.M.YYYY`.
    public static func misreading(_ text: String) -> Misreading {
        let parts = text.split(whereSeparator: { "/-.".contains($0) }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return .notADate }
        let numbers = parts.compactMap { Int($0) }
        let year, month, day: Int
        if parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2 {
            (year, month, day) = (numbers[0], numbers[1], numbers[2])
        } else if parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 {
            (year, month, day) = (numbers[2], numbers[1], numbers[0])
        } else {
            return .notADate
        }
        guard (1...12).contains(month) else { return .noSuchMonth(month) }
        guard let date = ISODate(year: year, month: month, day: day) else { return .noSuchDay(day: day, month: month, year: year) }
        return .writtenAs(date)
    }

    /// The days of `month` (1–12) in `year`.
    public static func days(inMonth month: Int, year: Int) -> Int { daysIn(month: month, year: year) }

    /// `January` … `December`, for messages (which are in English).
    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                    "October", "November", "December"]
}
