import Foundation

/// Reports a long build's stage and count on one updating terminal line.
/// Silent unless the caller decides stderr is a terminal.
public final class Progress: @unchecked Sendable {
    public static let silent = Progress(enabled: false)

    private let enabled: Bool
    private let lock = NSLock()
    private var stageName = ""
    private var total = 0
    private var done = 0
    private var lastDraw: UInt64 = 0
    private let startedAt = DispatchTime.now().uptimeNanoseconds
    private var drewSomething = false

    public init(enabled: Bool) { self.enabled = enabled }

    func stage(_ name: String, total: Int = 0) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        stageName = name; self.total = total; done = 0
        draw(force: true)
    }

    func advance() {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        done += 1
        draw(force: false)
    }

    func finish() {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        if drewSomething { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }

    /// Draws at most ten times a second, and only after the first second:
    /// short builds print nothing but their summary.
    private func draw(force: Bool) {
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - startedAt > 1_000_000_000, force || now - lastDraw > 100_000_000 else { return }
        lastDraw = now
        drewSomething = true
        let count = total > 0 ? " \(done)/\(total)" : ""
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(stageName)…\(count)".utf8))
    }
}
