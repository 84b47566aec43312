import Foundation
import Testing
@testable import SyllabusKit

struct JSONTextTests {
    /// A string as `JSONWriter` writes it, quotes included.
    private func quoted(_ text: String) -> String {
        var json = JSONWriter(capacity: text.utf8.count + 2)
        json.string(text)
        return json.text
    }

    @Test func escapesWhatJSONAndScriptElementsNeed() {
        #expect(quoted(#"say "hi" \ bye"#) == #""say \"hi\" \\ bye""#)
        #expect(quoted("a\nb\rc\td\u{1}") == #""a\nb\rc\td\u0001""#)
        #expect(quoted("</script><!-- & co") == #""\u003c/script\u003e\u003c!-- \u0026 co""#)
        #expect(quoted("line\u{2028}para\u{2029}end") == #""line\u2028para\u2029end""#)
    }

    @Test func copiesOtherTextUnchanged() {
        #expect(quoted("Café ☕ für Größen – 日本語 🎓") == "\"Café ☕ für Größen – 日本語 🎓\"")
        // Other three-byte characters starting with E2 stay as they are.
        #expect(quoted("a\u{2027}\u{202A}b") == "\"a\u{2027}\u{202A}b\"")
        #expect(quoted("") == #""""#)
    }

    @Test func writerSeparatesValuesAndLeavesOutAbsentFields() {
        var json = JSONWriter(capacity: 64)
        json.object { json in
            json.key("a")
            json.object { json in
                json.field("@type", "T")
                json.field("c", nil as String?)
                json.field("d", -2)
            }
            json.key("b")
            json.array { json in
                json.int(1)
                json.bool(true)
                json.string("x")
            }
            json.key("e")
            json.bool(false)
            json.key("f")
            json.array { _ in }
            json.field("g", [] as [Int])
            json.field("h", [3, 4])
        }
        #expect(json.text == #"{"a":{"@type":"T","d":-2},"b":[1,true,"x"],"e":false,"f":[],"h":[3,4]}"#)
    }

    @Test func writesDecimalsAsPlainJSONNumbers() throws {
        var json = JSONWriter(capacity: 64)
        json.array { json in
            for price in ["1800", "950.50", "0", "1234567.125"] { json.decimal(Decimal(string: price)!) }
        }
        #expect(json.text == "[1800,950.5,0,1234567.125]")
        let parsed = try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [NSNumber]
        #expect(parsed?.map(\.doubleValue) == [1800, 950.5, 0, 1234567.125])
    }

    @Test func outputParsesBackToTheSameStrings() throws {
        let samples = ["plain", "q\"b\\s/", "\u{0}\u{1f}\u{7f}", "<>&", "\u{2028}\u{2029}", "naïve 🎓", "é\u{301}"]
        for sample in samples {
            var json = JSONWriter(capacity: 64)
            json.object { $0.field("v", sample) }
            let parsed = try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: String]
            #expect(parsed?["v"] == sample)
        }
    }

    #if DEBUG && compiler(>=6.2)
    /// The order check is what keeps hand-ordered JSON-LD sorted (exit tests
    /// came with Swift 6.2).
    @Test func debugBuildsStopAtAKeyOutOfSortedOrder() async {
        await #expect(processExitsWith: .failure) {
            var json = JSONWriter(capacity: 16)
            json.object { json in
                json.field("url", "u")
                json.field("name", "n")
            }
        }
    }
    #endif
}
