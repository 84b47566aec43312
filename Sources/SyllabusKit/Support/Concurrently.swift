import Foundation

/// A value worked out on a thread of its own while the caller goes on, for
/// a step of a build that needs nothing the caller works out meanwhile: the
/// previous feed (16 MB at 10,000 courses, a quarter of a second) read beside
/// the sources, the catalog index made beside the bodies, the feeds' plan
/// beside the pages'.
///
/// A `Thread`, not a dispatch queue: the sources are loaded by
/// `concurrentPerform` on every core, and a work item queued meanwhile
/// would wait for it to finish instead of running beside it.
final class Concurrently<Value: Sendable>: @unchecked Sendable {
    /// Written by the thread before it signals `done`, read after `wait()`.
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            result = work()
            done.signal()
        }
        thread.name = "syllabus-concurrently"
        thread.start()
    }

    /// The value, once the thread has it.
    var value: Value {
        done.wait()
        // Let later reads through too: the value stays.
        done.signal()
        return result!
    }
}
