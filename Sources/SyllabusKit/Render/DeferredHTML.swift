import Foundation
import Mustache

/// HTML of a page that is made only when the page is rendered, and is known
/// by a key of its inputs until then: a course's Markdown body.
///
/// Why: a build over the previous output fingerprints every page's frame to
/// tell which pages changed (`TemplatePage.fingerprint`). With the body in
/// the frame as text, each of 10,000 unchanged course pages ran cmark only
/// to be hashed; a fifth of such a build. The fingerprint walk hashes `key`
/// instead, which must therefore cover everything the HTML is made from
/// (`BodyKeys`).
///
/// To a template it is the HTML itself, in every place a string can stand
/// (`{{{body}}}`, `{{#body}}`, transforms): Mustache asks for its
/// `representation` whenever it looks the name up.
final class DeferredHTML: Encodable, MustacheCustomRepresentation, @unchecked Sendable {
    private let inputs: @Sendable () -> Fingerprint
    private let make: @Sendable () -> String
    // Each made once, under the lock: a template may name the HTML twice, and
    // making it twice would report a body's broken links twice. Neither is
    // made before it is asked for: a build into a new folder never asks for
    // the key, and one that links the old page never asks for the HTML.
    private let lock = NSLock()
    private var madeKey: Fingerprint?
    private var made: String?

    /// `key` identifies what `make` gives, in every process and build.
    init(key: @escaping @Sendable () -> Fingerprint, make: @escaping @Sendable () -> String) {
        inputs = key
        self.make = make
    }

    /// HTML already at hand, keyed by its own text.
    convenience init(_ html: String) {
        self.init(key: {
            var hasher = FingerprintHasher()
            hasher.combine(html)
            return hasher.finalize()
        }, make: { html })
    }

    /// What the fingerprint walk hashes in place of the HTML (`PageFingerprints`).
    var key: Fingerprint { once(\.madeKey, inputs) }

    var html: String { once(\.made, make) }

    private func once<Value>(_ slot: ReferenceWritableKeyPath<DeferredHTML, Value?>, _ make: () -> Value) -> Value {
        lock.lock(); defer { lock.unlock() }
        if let value = self[keyPath: slot] { return value }
        let value = make()
        self[keyPath: slot] = value
        return value
    }

    var representation: Any? { html }

    /// As the text it stands for, where page data is encoded for a test
    /// (`TemplateEncoder.value(_:absent:)`); page frames hold the object.
    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(html)
    }
}
