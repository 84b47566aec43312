import Foundation
import Mustache
import Testing
@testable import SyllabusKit

/// A course body in a page's frame (`DeferredHTML`): a template sees the HTML
/// wherever a string can stand, the HTML is made once and only when the page
/// renders, and the page's fingerprint hashes the key instead.
@Suite struct DeferredHTMLTests {
    /// Counts how often the HTML is made.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func add() { lock.withLock { count += 1 } }
    }

    func deferred(_ html: String, counter: Counter, key: UInt64 = 7) -> DeferredHTML {
        DeferredHTML(key: { Fingerprint(high: key, low: key) }, make: {
            counter.add()
            return html
        })
    }

    func page(_ template: String, body: Any) throws -> TemplatePage {
        var library = MustacheLibrary()
        try library.register(template, named: "course")
        var frame = MustacheFields()
        frame.set("title", "OTP")
        frame.set("body", body)
        return TemplatePage(name: "course", frame: frame, library: library)
    }

    static let templates = [
        "{{{body}}}", "{{body}}", "{{#body}}<section>{{{body}}}</section>{{/body}}", "{{^body}}No description.{{/body}}",
        "{{#body}}{{title}}: {{{.}}}{{/body}}", "{{^title}}{{/title}}{{#title}}{{{body}}}{{/title}}",
    ]

    /// Exactly as the same HTML as a string would, in every place a template can name it.
    @Test(arguments: templates, ["<p>A & B</p>", ""])
    func rendersAsItsHTML(template: String, html: String) throws {
        let counter = Counter()
        let rendered = try page(template, body: deferred(html, counter: counter)).render()
        #expect(rendered == (try page(template, body: html).render()))
        #expect(counter.value <= 1, "made once, however often the template names it")
    }

    @Test func madeOnceWhenNamedTwice() throws {
        let counter = Counter()
        let rendered = try page("{{#body}}<section>{{{body}}}</section>{{/body}}", body: deferred("<p>A & B</p>", counter: counter))
            .render()
        #expect(rendered == "<section><p>A & B</p></section>")
        #expect(counter.value == 1)
        #expect(try page("{{body}}", body: deferred("<p>A & B</p>", counter: counter)).render() == "&lt;p&gt;A &amp; B&lt;/p&gt;")
    }

    @Test func theFingerprintHashesTheKeyWithoutMakingTheHTML() throws {
        let counter = Counter()
        let salt = Fingerprint(high: 1, low: 2)
        let one = try page("{{{body}}}", body: deferred("<p>x</p>", counter: counter)).fingerprint(salt: salt)
        let same = try page("{{{body}}}", body: deferred("<p>other</p>", counter: counter)).fingerprint(salt: salt)
        let other = try page("{{{body}}}", body: deferred("<p>x</p>", counter: counter, key: 8)).fingerprint(salt: salt)
        #expect(one != nil && one == same, "the key stands for the HTML")
        #expect(one != other)
        #expect(counter.value == 0)
    }

    /// What a test's sample data sees, and what a page frame holds.
    @Test func encodesAsTextForTestsAndAsItselfInFrames() {
        struct Content: Encodable { let body: DeferredHTML }
        let counter = Counter()
        let content = Content(body: deferred("<p>x</p>", counter: counter))
        #expect(TemplateEncoder.frame(content)["body"] is DeferredHTML)
        struct Unset {}
        #expect(TemplateEncoder.frame(content, absent: Unset())["body"] as? String == "<p>x</p>")
    }
}
