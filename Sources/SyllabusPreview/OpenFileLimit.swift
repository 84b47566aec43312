import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every connection costs a file descriptor, and the usual soft limit (1,024)
/// is far below what the system allows a process: `serve` raises it to the
/// hard limit at start and keeps its connections below it, leaving room for
/// the files a rebuild opens.
enum OpenFileLimit {
    /// Descriptors kept free of connections: a rebuild's files, inotify, stdio, epoll.
    static let reserved = 128
    /// Enough for any browser and load test on a preview; beyond it the idlest connection goes.
    static let connectionCeiling = 4_096

    /// Raises the soft limit as far as allowed and returns it.
    @discardableResult
    static func raise() -> Int {
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { return 1_024 }
        #if canImport(Darwin)
        // macOS reports an unlimited hard limit but refuses more than OPEN_MAX.
        let wanted = min(limit.rlim_max, rlim_t(OPEN_MAX))
        #else
        let wanted = limit.rlim_max
        #endif
        if limit.rlim_cur < wanted {
            var raised = limit
            raised.rlim_cur = wanted
            // Refused (a sandbox): keep serving within the current limit.
            if setrlimit(resource, &raised) == 0 { limit = raised }
        }
        return Int(clamping: limit.rlim_cur)
    }

    /// The most connections to keep open under a soft limit of `limit` descriptors.
    static func maxConnections(limit: Int) -> Int {
        max(16, min(connectionCeiling, limit - reserved))
    }

    #if canImport(Glibc)
    private static let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
    private static let resource = RLIMIT_NOFILE
    #endif
}
