import Foundation
import Testing
@testable import SyllabusKit

struct JSONTextTests {
    @Test func escapesWhatJSONAndScriptElementsNeed() {
        #expect(JSONText.quoted(#"say "hi" \ bye"#) == #""say \"hi\" \\ bye""#)
        #expect(JSONText.quoted("a\nb\rc\td\u{1}") == #""a\nb\rc\td\u0001""#)
        #expect(JSONText.quoted("</script><!-- & co") == #""\u003c/script\u003e\u003c!-- \u0026 co""#)
        #expect(JSONText.quoted("line\u{2028}para\u{2029}end") == #""line\u2028para\u2029end""#)
    }

    @Test func copiesOtherTextUnchanged() {
        #expect(JSONText.quoted("Café ☕ für Größen – 日本語 🎓") == "\"Café ☕ für Größen – 日本語 🎓\"")
        // Other three-byte characters starting with E2 stay as they are.
        #expect(JSONText.quoted("a\u{2027}\u{202A}b") == "\"a\u{2027}\u{202A}b\"")
        #expect(JSONText.quoted("") == #""""#)
    }

    @Test func writesObjectsWithSortedKeysAndWithoutNilFields() {
        let object = JSONValue.object([
            "b": .array([.int(1), .bool(true), .string("x")]),
            "a": .object(["d": .int(-2), "c": nil, "@type": .string("T")]),
            "e": .bool(false),
            "f": .array([]),
        ])
        #expect(JSONText.encode(object) == #"{"a":{"@type":"T","d":-2},"b":[1,true,"x"],"e":false,"f":[]}"#)
    }

    @Test func writesDecimalsAsPlainJSONNumbers() throws {
        let prices = JSONValue.array([.decimal(1800), .decimal(Decimal(string: "950.50")!), .decimal(0),
                                      .decimal(Decimal(string: "1234567.125")!)])
        #expect(JSONText.encode(prices) == "[1800,950.5,0,1234567.125]")
        let parsed = try JSONSerialization.jsonObject(with: Data(JSONText.encode(prices).utf8)) as? [NSNumber]
        #expect(parsed?.map(\.doubleValue) == [1800, 950.5, 0, 1234567.125])
    }

    @Test func outputParsesBackToTheSameStrings() throws {
        let samples = ["plain", "q\"b\\s/", "\u{0}\u{1f}\u{7f}", "<>&", "\u{2028}\u{2029}", "naïve 🎓", "é\u{301}"]
        for sample in samples {
            let data = Data(JSONText.encode(.object(["v": .string(sample)])).utf8)
            let parsed = try JSONSerialization.jsonObject(with: data) as? [String: String]
            #expect(parsed?["v"] == sample)
        }
    }
}
