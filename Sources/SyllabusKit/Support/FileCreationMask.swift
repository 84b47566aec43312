#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The process's file mode creation mask (umask), which decides the mode of
/// every file and folder a build creates. `umask(2)` can only read it by
/// setting it, for the whole process: for that moment a file created on
/// another thread (a test's build beside another, a preview's request) would
/// get the mode the set value gives. Linux reports it in /proc without that.
enum FileCreationMask {
    static var current: mode_t {
        #if os(Linux)
        // The kernel has reported `Umask:` since 4.7; an older one falls through.
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
           let mask = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8) {
            return mask
        }
        #endif
        let mask = umask(0)
        umask(mask)
        return mask
    }
}
