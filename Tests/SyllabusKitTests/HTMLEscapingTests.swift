import Testing
@testable import SyllabusKit

struct HTMLEscapingTests {
    @Test func escapesTheFiveCharacters() {
        #expect(HTMLEscaping.escape(#"a & b < c > d "e" 'f'"#) == "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;")
        #expect(HTMLEscaping.escape("<<>>") == "&lt;&lt;&gt;&gt;")
    }

    @Test func leavesOtherTextAlone() {
        #expect(HTMLEscaping.escape("") == "")
        #expect(HTMLEscaping.escape("Café ☕ 日本語 🎓 – plain") == "Café ☕ 日本語 🎓 – plain")
        #expect(HTMLEscaping.escape("Zoë & 🎓") == "Zoë &amp; 🎓")
    }
}

extension HTMLEscapingTests {
    /// What the renderer calls: appends, escaping as `escape` does.
    @Test func appendsToWhatIsThere() {
        var output = "<p>"
        let escaping = HTMLEscaping()
        escaping.escapeText("plain ☕", into: &output)
        escaping.escapeText("Zoë & <b>", into: &output)
        escaping.escapeText("", into: &output)
        #expect(output == "<p>plain ☕Zoë &amp; &lt;b&gt;")
    }
}
