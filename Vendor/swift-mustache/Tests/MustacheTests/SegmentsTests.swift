// Syllabus: `MustacheTemplate.segments(varyingWith:)` (Segments.swift) cuts a
// template into runs that, rendered one after another, give the whole
// template's text, and marks as varying every run that can name the names.

import Mustache
import XCTest

final class SegmentsTests: XCTestCase {
    private func joined(_ segments: [MustacheSegment], _ object: Any, library: MustacheLibrary? = nil) -> String {
        segments.map { $0.template.render(object, library: library) }.joined()
    }

    func testRunsRenderAsTheWholeTemplate() throws {
        let template = try MustacheTemplate(string: "<{{a}}>\n{{#people}}{{name}}{{^last}}, {{/last}}{{/people}}\n{{b}} {{#x}}{{has}}{{/x}}|{{c.d}}")
        let object: [String: Any] = [
            "a": "<1>", "b": "2", "c": ["d": "3"] as [String: Any], "x": true, "has": "h",
            "people": [["name": "P", "last": false], ["name": "Q", "last": true]] as [Any],
        ]
        let segments = template.segments(varyingWith: ["people", "has"])
        XCTAssertEqual(joined(segments, object), template.render(object))
        XCTAssertEqual(segments.map(\.varies), [false, true, false, true, false])
    }

    /// The runs that do not vary render the same whatever the names hold.
    func testRunsThatDoNotVaryIgnoreTheNames() throws {
        let template = try MustacheTemplate(string: "{{t}}|{{#p}}{{.}}{{/p}}|{{^p}}none{{/p}}|{{p.q}}|{{u}}")
        let segments = template.segments(varyingWith: ["p"])
        XCTAssertEqual(segments.map(\.varies), [false, true, false, true, false, true, false])
        let one: [String: Any] = ["t": "T", "u": "U", "p": ["x"] as [Any]]
        let other: [String: Any] = ["t": "T", "u": "U", "p": false]
        for (index, segment) in segments.enumerated() where !segment.varies {
            XCTAssertEqual(segment.template.render(one), segment.template.render(other), "run \(index)")
        }
        XCTAssertEqual(joined(segments, other), template.render(other))
    }

    /// A partial or `.` may look up anything, so it varies.
    func testPartialsAndTheImplicitIteratorVary() throws {
        let library = MustacheLibrary(templates: ["inner": try MustacheTemplate(string: "{{p}}")])
        let template = try MustacheTemplate(string: "a{{> inner}}b{{#s}}{{.}}{{/s}}c")
        XCTAssertEqual(template.segments(varyingWith: ["p"]).map(\.varies), [false, true, false, true, false])
        let object: [String: Any] = ["p": "P", "s": "S"]
        XCTAssertEqual(joined(template.segments(varyingWith: ["p"]), object, library: library), "aPbSc")
    }

    /// Each run renders under the content type in force where it starts.
    func testContentTypeCarriesIntoLaterRuns() throws {
        let template = try MustacheTemplate(string: "{{%CONTENT_TYPE: TEXT}}{{a}}{{p}}{{a}}")
        let segments = template.segments(varyingWith: ["p"])
        let object: [String: Any] = ["a": "<", "p": "&"]
        XCTAssertEqual(segments.map(\.varies), [false, true, false])
        XCTAssertEqual(segments.map { $0.template.render(object) }, ["<", "&", "<"])
        XCTAssertEqual(joined(segments, object), template.render(object))
    }
}
