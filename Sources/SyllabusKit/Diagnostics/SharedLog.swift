import Foundation

/// Diagnostics reported from several threads at once, such as the broken
/// links of bodies rendered while pages render on both cores.
final class SharedLog: @unchecked Sendable {
    private let lock = NSLock()
    private var log = DiagnosticLog()

    func merge(_ other: DiagnosticLog) {
        lock.lock(); defer { lock.unlock() }
        log.merge(other)
    }

    /// Everything reported so far.
    var collected: DiagnosticLog {
        lock.lock(); defer { lock.unlock() }
        return log
    }
}
