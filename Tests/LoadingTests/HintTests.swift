@testable import Loading
import Model
import Testing

/// The hints that write the fix out (the corpus checks one case of each end to end; these,
/// the edges): quoting a value with a colon, and what a date that is not YYYY-MM-DD was meant to be.
@Suite struct HintTests {
    @Test func aValueWithAColonIsQuotedAsWritten() {
        #expect(YAMLDocument.quotingHint("title: Hội nghị: tổng kết năm", column: 16)
            == "put the value in quotes: title: \"Hội nghị: tổng kết năm\"")
        // In a list, after a comment's `#`, with a quote and a backslash inside.
        #expect(YAMLDocument.quotingHint("  - title: Tin: ngắn   # ghi chú", column: 15) == "put the value in quotes: title: \"Tin: ngắn\"")
        #expect(YAMLDocument.quotingHint("summary: Báo \"Nhân dân\": a\\b", column: 23)
            == "put the value in quotes: summary: \"Báo \\\"Nhân dân\\\": a\\\\b\"")
        // Not that slip: the value is quoted or a flow collection, or the error is at the first colon.
        #expect(YAMLDocument.quotingHint("title: \"Tin\": ngắn", column: 13) == nil)
        #expect(YAMLDocument.quotingHint("page: { trim: A4 }: x", column: 19) == nil)
        #expect(YAMLDocument.quotingHint("  tổng kết: năm", column: 11) == nil)
    }

    @Test func aDateInAnotherOrderIsReadAsMeant() {
        #expect(ISODate.misreading("26/12/2024") == .writtenAs(ISODate(year: 2024, month: 12, day: 26)!))
        #expect(ISODate.misreading("26.12.2024") == .writtenAs(ISODate(year: 2024, month: 12, day: 26)!))
        #expect(ISODate.misreading("2025-3-5") == .writtenAs(ISODate(year: 2025, month: 3, day: 5)!))
        #expect(ISODate.misreading("2025-13-01") == .noSuchMonth(13))
        #expect(ISODate.misreading("31/04/2025") == .noSuchDay(day: 31, month: 4, year: 2025))
        for text in ["hôm qua", "2025-03", "12/2024/01", "2025-03-31T10:00", "+1/02/2025", ""] {
            #expect(ISODate.misreading(text) == .notADate, "\(text)")
        }
    }

    @Test func anImpossibleDateSaysWhy() {
        #expect(MappingReader.dateProblem("date", "2024-02-30")
            == ("'date' is not a date: February 2024 has 29 days", "the last day of February 2024 is 2024-02-29"))
        #expect(MappingReader.dateProblem("date", "2025-03-00")
            == ("'date' is not a date: there is no day 0", "the first day of March 2025 is 2025-03-01"))
        #expect(MappingReader.dateProblem("date", "0/13/2025")
            == ("'date' is not a date: there is no month 13", "write YYYY-MM-DD, with the month from 01 to 12"))
        #expect(MappingReader.dateProblem("date", "hôm qua") == ("'date' must be a date written YYYY-MM-DD", "for example `date: 2025-03-31`"))
    }
}
