// Syllabus: the values the lookup fast paths in Template+Render.swift take
// must render exactly as they do on the general path.

import Foundation
import Mustache
import XCTest

final class FastPathTests: XCTestCase {
    private struct Person {
        let name: String
    }

    private struct Shouting: MustacheCustomRenderable {
        let text: String
        var renderText: String { text.uppercased() }
        var isNull: Bool { false }
    }

    private struct Hidden: MustacheCustomRenderable {
        var renderText: String { "hidden" }
        var isNull: Bool { true }
    }

    func testStringValuesEscapedOrRaw() throws {
        let template = try MustacheTemplate(string: "{{a}}|{{{a}}}|{{&a}}")
        XCTAssertEqual(template.render(["a": "<b> & \"c\""]), "&lt;b&gt; &amp; &quot;c&quot;|<b> & \"c\"|<b> & \"c\"")
    }

    /// Upstream renders a `nil` wrapped in `Any` as "nil" and treats it as set.
    func testOptionalStringsInsideAny() throws {
        let template = try MustacheTemplate(string: "[{{a}}][{{b}}][{{#b}}set{{/b}}][{{^b}}unset{{/b}}]")
        let some: String? = "x"
        let none: String? = nil
        XCTAssertEqual(template.render(["a": some as Any, "b": none as Any]), "[x][nil][set][]")
    }

    func testDictionariesOfOtherValueTypes() throws {
        let template = try MustacheTemplate(string: "{{a}} {{#d}}{{b}}{{/d}} {{d.b}}")
        XCTAssertEqual(template.render(["a": "1", "d": ["b": "2"] as [String: String]] as [String: Any]), "1 2 2")
    }

    func testLookupClimbsTheStack() throws {
        let template = try MustacheTemplate(string: "{{#inner}}{{own}} {{outer}} {{.own}}/{{.outer}}{{/inner}}")
        XCTAssertEqual(template.render(["outer": "o", "inner": ["own": "i"]] as [String: Any]), "i o i/")
    }

    func testSectionsOverEveryPlainType() throws {
        let template = try MustacheTemplate(string: "{{#s}}<{{.}}>{{/s}}{{#i}}<{{.}}>{{/i}}{{#z}}<{{.}}>{{/z}}{{#t}}T{{/t}}{{#f}}F{{/f}}{{#d}}<{{k}}>{{/d}}")
        XCTAssertEqual(template.render(["s": "x", "i": 7, "z": 0, "t": true, "f": false, "d": ["k": "v"]] as [String: Any]), "<x><7><0>T<v>")
    }

    func testInvertedSectionsOverEveryPlainType() throws {
        let template = try MustacheTemplate(string: "{{^s}}S{{/s}}{{^e}}E{{/e}}{{^i}}I{{/i}}{{^t}}T{{/t}}{{^f}}F{{/f}}{{^d}}D{{/d}}{{^m}}M{{/m}}")
        XCTAssertEqual(template.render(["s": "x", "e": "", "i": 0, "t": true, "f": false, "d": [String: Any]()] as [String: Any]), "FM")
    }

    func testOtherValuesKeepTheGeneralPath() throws {
        let template = try MustacheTemplate(string: "{{p.name}} {{c}} {{#h}}shown{{/h}}{{^h}}null{{/h}} {{n}}{{^n}}no{{/n}} {{#l}}x{{/l}} {{d}}")
        let context: [String: Any] = [
            "p": Person(name: "Ann"),
            "c": Shouting(text: "loud"),
            "h": Hidden(),
            "n": NSNull(),
            "l": MustacheLambda { text in "[\(text)]" },
            "d": 2.5,
        ]
        XCTAssertEqual(template.render(context), "Ann LOUD null no [x] 2.5")
    }
}

extension FastPathTests {
    func testNamesInsideSectionsOverPlainValues() throws {
        let template = try MustacheTemplate(string: "{{#s}}[{{s}}|{{.}}|{{count}}|{{other}}]{{/s}}{{#i}}[{{i}}|{{description}}]{{/i}}{{#t}}[{{t}}]{{/t}}")
        let context: [String: Any] = ["s": "text", "i": 3, "t": true, "other": "o"]
        XCTAssertEqual(template.render(context), "[text|text||o][3|][true]")
    }
}

extension FastPathTests {
    func testEmptyNamesMeanTheCurrentObject() throws {
        let template = try MustacheTemplate(string: "{{#d}}[{{#}}in{{/}}][{{^}}out{{/}}]{{/d}}{{#s}}({{}}){{/s}}")
        XCTAssertEqual(template.render(["d": ["k": "v"] as [String: Any], "s": "text"] as [String: Any]), "[in][](text)")
    }

    func testNestedOptionalsKeepTheGeneralPath() throws {
        let template = try MustacheTemplate(string: "{{a}}|{{{a}}}")
        let nested: String?? = "y"
        let rendered = template.render(["a": nested as Any])
        XCTAssertEqual(rendered, "Optional(&quot;y&quot;)|Optional(\"y\")")
    }
}

// The second patch: rendering into one buffer, frames shared across pushes,
// and the `[Any]`, `Int` and `Bool` fast paths.
extension FastPathTests {
    func testIntsAndBoolsPrintAsTheGeneralPathPrintsThem() throws {
        let template = try MustacheTemplate(string: "{{i}} {{z}} {{t}} {{f}} {{{i}}} {{n}}")
        let optional: Int? = 4
        XCTAssertEqual(template.render(["i": -12, "z": 0, "t": true, "f": false, "n": optional as Any] as [String: Any]), "-12 0 true false -12 4")
    }

    func testArraysOfAnyAsSectionsWithTheirSequenceTransforms() throws {
        let template = try MustacheTemplate(string: "{{#a}}{{#first()}}<{{/first()}}{{.}}{{^last()}},{{/last()}}{{#last()}}>{{/last()}}{{/a}}[{{#e}}x{{/e}}][{{^e}}empty{{/e}}][{{^a}}none{{/a}}]{{#n}}({{v}}){{/n}}")
        let context: [String: Any] = [
            "a": ["x", 2, true] as [Any], "e": [Any](),
            "n": [["v": "1"] as [String: Any], ["v": "2"] as [String: Any]] as [Any],
        ]
        XCTAssertEqual(template.render(context), "<x,2,true>[][empty][](1)(2)")
    }

    func testAnArrayIsNoLambdaAndAnInnerFrameHidesAnOuterName() throws {
        let template = try MustacheTemplate(string: "{{#items}}{{name}}/{{title}};{{/items}}{{name}}")
        let context: [String: Any] = ["name": "page", "title": "T", "items": [["name": "a"], ["name": "b", "title": "own"]] as [Any]]
        XCTAssertEqual(template.render(context), "a/T;b/own;page")
    }

    func testAContentTypeChangeInsideASectionStaysInIt() throws {
        let library = try MustacheLibrary(templates: [
            "text": MustacheTemplate(string: "{{%CONTENT_TYPE: TEXT}}{{v}}"),
            "page": MustacheTemplate(string: "{{v}}|{{#s}}{{%CONTENT_TYPE: TEXT}}{{v}}{{/s}}|{{v}}|{{> text}}|{{v}}"),
        ])
        XCTAssertEqual(library.render(["v": "<&>", "s": true] as [String: Any], withTemplate: "page"), "&lt;&amp;&gt;|<&>|&lt;&amp;&gt;|<&>|&lt;&amp;&gt;")
    }

    func testIndentedPartialsIndentEveryLineOfTheirOwn() throws {
        let library = try MustacheLibrary(templates: [
            "item": MustacheTemplate(string: "<li>{{.}}</li>\n{{#sub}}<b>\n{{/sub}}"),
            "page": MustacheTemplate(string: "<ul>\n  {{#items}}\n  {{> item}}\n  {{/items}}\n</ul>\n"),
        ])
        let rendered = library.render(["items": ["a", "b"] as [Any], "sub": true] as [String: Any], withTemplate: "page")
        XCTAssertEqual(rendered, "<ul>\n  <li>a</li>\n  <b>\n  <li>b</li>\n  <b>\n</ul>\n")
    }
}

// `MustacheFields` (ours, not upstream's): a context of named values that
// renders as the same `[String: Any]` would.
extension FastPathTests {
    private func fields(_ pairs: KeyValuePairs<String, Any>) -> MustacheFields {
        var fields = MustacheFields()
        for (name, value) in pairs { fields.set(name, value) }
        return fields
    }

    func testFieldsRenderAsADictionaryWould() throws {
        let template = try MustacheTemplate(string:
            "{{title}}|{{#card}}{{name}}/{{title}}{{/card}}|{{card.name}}|{{#items}}<{{n}}{{title}}>{{/items}}|{{^card}}no{{/card}}{{^none}}none{{/none}}|{{#flag}}F{{/flag}}|{{missing}}")
        let card = fields(["name": "a & b"])
        let items: [Any] = [fields(["n": "1"]), fields(["n": "2", "title": "own"])]
        let asFields = fields(["title": "T", "card": card, "items": items, "none": false, "flag": true])
        let asDictionary: [String: Any] = [
            "title": "T", "card": ["name": "a & b"] as [String: Any],
            "items": [["n": "1"], ["n": "2", "title": "own"]] as [Any], "none": false, "flag": true,
        ]
        XCTAssertEqual(template.render(asFields), "T|a &amp; b/T|a &amp; b|<1T><2own>|none|F|")
        XCTAssertEqual(template.render(asFields), template.render(asDictionary))
    }

    func testTheLaterOfTwoValuesOfOneNameIsFound() {
        var fields = MustacheFields()
        fields.set("a", "first")
        fields.set("b", 2)
        fields.set("a", "second")
        XCTAssertEqual(fields["a"] as? String, "second")
        XCTAssertEqual(fields["b"] as? Int, 2)
        XCTAssertNil(fields["c"])
        XCTAssertEqual(fields.mapValues { "\($0)!" }["b"] as? String, "2!")
    }

    /// Names are compared by a word of their length, first and last bytes
    /// before the names themselves: names alike in that word, or longer than
    /// it covers, or not ASCII, must still be told apart. Names match byte for
    /// byte: `é` and `e` + U+0301, equal as Swift strings, are two names.
    func testNamesAlikeAtTheirEndsAreToldApart() throws {
        let names = ["abcdXefg", "abcdYefg", "abcdefg", "abcefg", "", "é", "e\u{301}", "a", "ab",
                     "run_start_time_zone_offset", "run_start_time_zone_offsex", "course"]
        var fields = MustacheFields()
        for (index, name) in names.enumerated() { fields.set(name, index) }
        for (index, name) in names.enumerated() { XCTAssertEqual(fields[name] as? Int, index, name) }
        XCTAssertNil(fields["abcdZefg"])
        XCTAssertNil(fields["run_start_time_zone_offsey"])
        let template = try MustacheTemplate(string: "{{abcdXefg}} {{abcdYefg}} {{#inner}}{{abcdYefg}}{{abcdXefg}}{{/inner}}")
        var inner = MustacheFields()
        inner.set("abcdYefg", "inner")
        fields.set("inner", inner)
        XCTAssertEqual(template.render(fields), "0 1 inner0")
    }
}
