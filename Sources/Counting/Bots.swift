import Foundation

/// Requests that are not readers: answered like any other, never counted. As GoatCounter and
/// Plausible do, by the User-Agent (empty, or naming a crawler, a script or a headless
/// browser) and by the prefetch headers browsers send when they load a page the reader may
/// never open.
public enum Bots {
    static let words = ["bot", "crawl", "spider", "slurp", "curl", "wget", "python-requests", "python-urllib", "httpclient",
                        "headlesschrome", "phantomjs", "go-http-client", "java/", "okhttp", "libwww", "scrapy", "lighthouse",
                        "facebookexternalhit", "preview", "monitor", "uptime"]

    /// `purpose`: the `Purpose`, `Sec-Purpose` or `X-Moz` header, when there is one.
    public static func isBot(agent: String, purpose: [String]) -> Bool {
        let agent = agent.lowercased()
        if agent.trimmingCharacters(in: .whitespaces).isEmpty { return true }
        if words.contains(where: { agent.contains($0) }) { return true }
        return purpose.contains { $0.lowercased().contains("prefetch") || $0.lowercased().contains("prerender") }
    }
}
