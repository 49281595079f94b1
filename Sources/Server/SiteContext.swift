import Hummingbird

/// A request of the readers' site with its peer's address: the reader's, or with `--trust-proxy`
/// the proxy's (then X-Forwarded-For says the reader's). Used only to tell visitors apart in
/// `Visitors`' hash, never kept.
struct SiteContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let peer: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress?.ipAddress ?? ""
    }
}
