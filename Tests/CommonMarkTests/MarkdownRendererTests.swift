import Foundation
import Testing
@testable import CommonMark

@Suite struct MarkdownRendererTests {
    @Test func rendersCommonMark() {
        let html = MarkdownRenderer.html(from: "# Title\n\nSome *emphasis* and `code`.\n\n- one\n- two\n")
        #expect(html == """
        <h1>Title</h1>
        <p>Some <em>emphasis</em> and <code>code</code>.</p>
        <ul>
        <li>one</li>
        <li>two</li>
        </ul>

        """)
    }

    @Test func smartPunctuationCurlsQuotesAndMakesDashes() {
        let html = MarkdownRenderer.html(from: #"She said "it's done" -- twice --- and left..."#)
        #expect(html == "<p>She said \u{201C}it\u{2019}s done\u{201D} \u{2013} twice \u{2014} and left\u{2026}</p>\n")
    }

    @Test func withoutSmartPunctuationQuotesStayStraight() {
        let html = MarkdownRenderer.html(from: #""a" -- b"#, options: [])
        #expect(html == "<p>&quot;a&quot; -- b</p>\n")
    }

    @Test func rawHTMLIsOmittedByDefault() {
        let html = MarkdownRenderer.html(from: "<script>alert(1)</script>\n\nText with <b>bold</b>.\n")
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>"))
        #expect(html == "<!-- raw HTML omitted -->\n<p>Text with <!-- raw HTML omitted -->bold<!-- raw HTML omitted -->.</p>\n")
    }

    @Test func rawHTMLIsKeptWhenAskedFor() {
        let html = MarkdownRenderer.html(from: "<div class=\"note\">Hi</div>\n\nText with <b>bold</b>.\n",
                                         options: [.smartPunctuation, .unsafeHTML])
        #expect(html == "<div class=\"note\">Hi</div>\n<p>Text with <b>bold</b>.</p>\n")
    }

    @Test func dangerousLinkSchemesAreDroppedUnlessUnsafe() {
        let safe = MarkdownRenderer.html(from: "[x](javascript:alert(1))")
        #expect(safe == "<p><a href=\"\">x</a></p>\n")
        let unsafe = MarkdownRenderer.html(from: "[x](javascript:alert(1))", options: .unsafeHTML)
        #expect(unsafe == "<p><a href=\"javascript:alert(1)\">x</a></p>\n")
    }

    @Test func nonASCIITextPassesThroughUnchanged() {
        #expect(MarkdownRenderer.html(from: "Muszyński 🎓 Zoë") == "<p>Muszyński 🎓 Zoë</p>\n")
    }

    @Test func standardOptionsDoNotLetRawHTMLThrough() {
        #expect(MarkdownOptions.standard.contains(.smartPunctuation))
        #expect(!MarkdownOptions.standard.contains(.unsafeHTML))
    }

    @Test func rewriteCallbackSeesEveryLinkAndImageWithPosition() {
        let markdown = """
        # Heading

        See [the exam](exam.md) and
        [other](other.md#part).

        - item ![logo](media/logo.png)
        """
        var seen: [MarkdownLink] = []
        let html = MarkdownRenderer.html(from: markdown) { link in
            seen.append(link)
            return link.destination == "exam.md" ? "/training/courses/exam/" : nil
        }
        #expect(seen.map(\.destination) == ["exam.md", "other.md#part", "media/logo.png"])
        #expect(seen.map(\.kind) == [.link, .link, .image])
        #expect(seen.map(\.line) == [3, 4, 6])
        #expect(seen.map(\.column) == [5, 1, 8])
        #expect(html.contains("<a href=\"/training/courses/exam/\">the exam</a>"))
        #expect(html.contains("<a href=\"other.md#part\">other</a>"))
        #expect(html.contains("<img src=\"media/logo.png\" alt=\"logo\" />"))
    }

    @Test func linkPositionsInsideContainersCountTheMarkers() {
        let links = MarkdownRenderer.links(in: "> quoted [b](b.md)\n\n1. first\n2. see [c](c.md)\n")
        #expect(links.map(\.line) == [1, 4])
        #expect(links.map(\.column) == [10, 8])
    }

    @Test func rewrittenDestinationsAreEscapedInHTML() {
        let html = MarkdownRenderer.html(from: "[a](x.md)") { _ in "/q?a=1&b=\"2\"" }
        #expect(html == "<p><a href=\"/q?a=1&amp;b=%222%22\">a</a></p>\n")
    }

    @Test func linksListsDestinationsWithoutChangingAnything() {
        let links = MarkdownRenderer.links(in: "[a](one.md)\n\n> [b](https://example.org/)\n\n[c]: three.md\n\n[ref][c]\n")
        #expect(links.map(\.destination) == ["one.md", "https://example.org/", "three.md"])
        #expect(links.map(\.line) == [1, 3, 7])
    }

    @Test func emptyDocumentRendersNothing() {
        #expect(MarkdownRenderer.html(from: "") == "")
        #expect(MarkdownRenderer.links(in: "") == [])
    }

    /// The standard options leave out cmark's UTF-8 check, as a `String` is
    /// valid UTF-8: what the check would repair cannot occur, and a NUL is
    /// replaced either way.
    @Test func standardOptionsRenderAsTheUTF8CheckWould() {
        let text = "# Ünïcödé 😀\n\nA\u{0}B — “quoted” [link](b.md)\r\nnext line\n"
        let checked = MarkdownRenderer.html(from: text, options: [.smartPunctuation, .validateUTF8])
        #expect(MarkdownRenderer.html(from: text) == checked)
        #expect(checked.contains("A\u{FFFD}B"))
    }

    /// Page records trust cmark's output across processes only while the
    /// same library file is loaded: it must be found, and be cmark.
    @Test func namesTheLoadedLibrary() throws {
        let engine = MarkdownRenderer.engine
        #expect(engine.version.split(separator: ".").count == 3)
        let file = try #require(engine.file)
        #expect(file.hasPrefix("/"))
        #expect(file.contains("cmark"))
        #expect(FileManager.default.fileExists(atPath: file))
    }
}
