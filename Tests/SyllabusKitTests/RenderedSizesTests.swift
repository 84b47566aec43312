import Mustache
import Testing
@testable import SyllabusKit

/// A page rendered into a buffer sized by the template's last page is the
/// page rendered without: whether the guess is too small, right or too large.
@Suite struct RenderedSizesTests {
    func page(items: Int, sizes: RenderedSizes?) throws -> TemplatePage {
        var library = MustacheLibrary()
        try library.register("<h1>{{title}}</h1>{{#items}}<li>{{.}}</li>{{/items}}", named: "list")
        var frame = MustacheFields()
        frame.set("title", "Topics & more")
        frame.set("items", (0..<items).map { "Item \($0) é" } as [Any])
        return TemplatePage(name: "list", frame: frame, library: library, sizes: sizes)
    }

    @Test func aSizedBufferRendersTheSamePage() throws {
        let sizes = RenderedSizes()
        for items in [3, 300, 3, 0, 40] {
            let expected = try page(items: items, sizes: nil).render()
            let sized = try page(items: items, sizes: sizes).render()
            #expect(sized == expected)
            #expect(sizes.size(of: "list") == expected.utf8.count, "the next page of the template starts this large")
        }
        #expect(try page(items: 2, sizes: nil).render() == "<h1>Topics &amp; more</h1><li>Item 0 é</li><li>Item 1 é</li>")
        #expect(sizes.size(of: "other") == 0)
    }
}
