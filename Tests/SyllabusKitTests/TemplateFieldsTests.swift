import Mustache
import Testing
@testable import SyllabusKit

/// A type that writes its own frame (`TemplateFields`) writes the one its
/// `Encodable` conformance gives: the same names in the same order, and the
/// same values. A field added to the struct and not to `write(into:)` fails here.
@Suite struct TemplateFieldsTests {
    typealias Samples = TemplateDataTests.Samples

    /// Every value as text, with its kind: `"1"`, `1` and `true` differ.
    func shown(_ value: Any) -> String {
        switch value {
        case let fields as MustacheFields:
            "{" + zip(fields.names, fields.values).map { "\($0): \(shown($1))" }.joined(separator: ", ") + "}"
        case let items as [Any]: "[" + items.map(shown).joined(separator: ", ") + "]"
        case let text as String: "\"\(text)\""
        case let flag as Bool: "\(flag)"
        case let number as Int: "#\(number)"
        default: "?\(type(of: value))"
        }
    }

    /// Through `Encodable`, as for any other page data.
    func encoded<Value: Encodable>(_ value: Value) -> MustacheFields {
        TemplateEncoder.frame(value)
    }

    func written(_ value: some TemplateFields) -> MustacheFields {
        TemplateEncoder.frame(value)
    }

    static let full = EntryCard(
        title: "OTP", url: "/courses/otp/", kind: "Workshop", summary: "Processes.",
        instructors: [Samples.instructor, InstructorLink(name: "Bo", slug: "bo", url: "/instructors/bo/", last: false)],
        hasInstructors: true, tags: [Samples.tag], hasTags: true, dates: "4–5 May 2020", startISO: "2020-05-04",
        endISO: "2020-05-05", hours: "09:00–17:00", length: "2 days", past: true, location: "Oslo",
        undated: "No dates yet", booking: Samples.booking, courseBadges: Samples.courseBadges)

    static let sparse = EntryCard(
        title: "OTP", url: "/courses/otp/", kind: nil, summary: nil, instructors: [], hasInstructors: false, tags: [],
        hasTags: false, dates: nil, startISO: nil, endISO: nil, hours: nil, length: nil, past: false, location: nil,
        undated: nil, booking: BookingBadges(price: nil, status: nil, cancelled: false, mode: nil, book: nil, hasBadges: false),
        courseBadges: CourseBadges(level: nil, languageName: nil))

    @Test(arguments: [full, sparse])
    func anEntryCardWritesWhatItEncodes(card: EntryCard) {
        let written = shown(written(card))
        #expect(written == shown(encoded(card)))
        #expect(written.contains("title: \"OTP\""), "the comparison sees the values: \(written)")
    }

    @Test func everyFieldIsWritten() {
        // Sixteen of the card's own, six of its booking's, two of its course badges'.
        let frame = written(Self.full)
        #expect(frame.count == 24)
        #expect(shown(frame).contains("status: {label: \"Online\", tone: \"online\"}"))
        #expect(shown(frame).contains("instructors: [{name: \"Ada\""))
    }
}
