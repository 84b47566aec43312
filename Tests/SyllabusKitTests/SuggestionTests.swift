import Testing
@testable import SyllabusKit

@Suite struct SuggestionTests {
    @Test func suggestsTheClosestKnownKey() {
        #expect(Suggestion.closest(to: "instuctors", among: CourseLoader.knownKeys) == "instructors")
        #expect(Suggestion.closest(to: "timzone", among: CourseLoader.knownKeys) == "timezone")
        #expect(Suggestion.closest(to: "TITLE", among: CourseLoader.knownKeys) == "title")
        #expect(Suggestion.closest(to: "tilte", among: CourseLoader.knownKeys) == "title")
    }

    @Test func suggestsNothingForUnrelatedWords() {
        #expect(Suggestion.closest(to: "flavour", among: CourseLoader.knownKeys) == nil)
        #expect(Suggestion.closest(to: "x", among: [String]()) == nil)
    }

    @Test func countsATranspositionAsOneEdit() {
        #expect(Suggestion.editDistance(Array("tilte"), Array("title")) == 1)
        #expect(Suggestion.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(Suggestion.editDistance(Array(""), Array("abc")) == 3)
        #expect(Suggestion.editDistance(Array("same"), Array("same")) == 0)
    }

    @Test func suggestsTheZoneAnEditorMeant() {
        #expect(TimeZones.closest(to: "Europe/Stokholm") == "Europe/Stockholm")
        #expect(TimeZones.closest(to: "europe/london") == "Europe/London")
        #expect(TimeZones.closest(to: "New York") == "America/New_York")
        #expect(TimeZones.isKnown("Europe/Stockholm"))
        #expect(!TimeZones.isKnown("europe/stockholm"))
    }
}
