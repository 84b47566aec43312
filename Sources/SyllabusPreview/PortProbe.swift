#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Checks that the address can be listened on before the first build, so a
/// busy port is reported at once, not after a long build.
enum PortProbe {
    struct Unavailable: Error, CustomStringConvertible {
        let host: String
        let port: UInt16
        let reason: String
        var description: String {
            "cannot listen on \(host):\(port): \(reason); choose another port with --port"
        }
    }

    // Glibc imports SOCK_STREAM as an enum case, Darwin as a plain Int32.
    #if canImport(Glibc)
    private static let streamSocket = Int32(SOCK_STREAM.rawValue)
    #else
    private static let streamSocket = SOCK_STREAM
    #endif

    static func check(host: String, port: UInt16) throws {
        let descriptor = socket(AF_INET, streamSocket, 0)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            throw Unavailable(host: host, port: port, reason: "\"\(host)\" is not an IPv4 address")
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if result != 0 {
            throw Unavailable(host: host, port: port, reason: String(cString: strerror(errno)))
        }
    }
}
