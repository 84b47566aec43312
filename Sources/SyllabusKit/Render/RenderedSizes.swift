import Foundation

/// The size of the page each template rendered last: the next page of that
/// template starts with a buffer that large (and an eighth more), instead of
/// one that doubles its way up from empty, copying what it holds each time
/// (a 90 KB listing page some thirteen times). Pages of one template are
/// alike in size, and a wrong guess costs only a regrowth or spare room.
final class RenderedSizes: @unchecked Sendable {
    // Guarded by `lock`; a lookup per page, next to rendering it.
    private let lock = NSLock()
    private var sizes: [String: Int] = [:]

    func size(of template: String) -> Int {
        lock.withLock { sizes[template] ?? 0 }
    }

    func record(_ size: Int, for template: String) {
        lock.withLock { sizes[template] = size }
    }
}
