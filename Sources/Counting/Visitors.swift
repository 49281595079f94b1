import Crypto
import Foundation

/// Who has been counted today, without knowing who anyone is (as GoatCounter and Plausible
/// count): a visitor is SHA-256(salt ‖ IP ‖ User-Agent ‖ page). The salt is 32 random bytes
/// kept only in this object, never written anywhere, and replaced, with every hash made from it,
/// when the day (`Day`, Vietnam's) changes: yesterday's hashes cannot be linked to today's, and
/// once the process ends nobody can tell whose they were. Neither the IP nor the hash reaches
/// the database; the store keeps only numbers.
///
/// Each server process has its own salt, so behind a load balancer a reader whose requests
/// reach two servers counts once on each (see the README).
public final class Visitors: @unchecked Sendable {
    private let lock = NSLock()
    private var day: Day
    private var salt: [UInt8]
    private var seen: Set<Data> = []

    public init(today: Day = .today) {
        day = today
        salt = Self.newSalt()
    }

    /// What a report from (ip, agent) about `page` adds on `today`: a view of the page, a visit of
    /// the site (the visitor's first report of the day, whatever the page), both or neither.
    /// Remembered at once, so that a second request racing the first is not counted twice;
    /// `forget` undoes it when the commit fails.
    public func admit(ip: String, agent: String, page: String, on today: Day) -> Admission {
        lock.lock()
        defer { lock.unlock() }
        if today != day {
            day = today
            salt = Self.newSalt()
            seen.removeAll()
        }
        let view = hash(ip, agent, "page:" + page), visit = hash(ip, agent, "site")
        return Admission(view: seen.insert(view).inserted ? view : nil, visit: seen.insert(visit).inserted ? visit : nil)
    }

    /// After a failed commit: the visitor may be counted again.
    public func forget(_ admission: Admission) {
        lock.lock()
        defer { lock.unlock() }
        for key in [admission.view, admission.visit].compactMap({ $0 }) { seen.remove(key) }
    }

    /// Under the lock. Each field ends with a NUL, which none may hold, so ("a","bc") and ("ab","c") differ.
    private func hash(_ ip: String, _ agent: String, _ page: String) -> Data {
        var sha = SHA256()
        sha.update(data: salt)
        for field in [ip, agent, page] {
            sha.update(data: Data(field.utf8))
            sha.update(data: [0])
        }
        return Data(sha.finalize())
    }

    private static func newSalt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}

/// What one report counts: the hashes that were new today (nil: seen already, or not counted).
public struct Admission: Sendable {
    public var view: Data?
    public var visit: Data?

    public static let none = Admission(view: nil, visit: nil)

    public var countsView: Bool { view != nil }
    public var countsVisit: Bool { visit != nil }
}
