import Foundation
import Testing
@testable import SyllabusKit

/// An instructor's page shows each card without that instructor, taking
/// the runs of `entry-card` that do not name instructors from the card the
/// other pages share (`TemplateSet.renderCard(_:sharing:)`).
struct InstructorCardTests {
    /// Instructors named before, inside another section and after: each
    /// page shows the card as if rendered whole with its own instructors.
    @Test func aCardLeavesOutThePagesInstructorWhereverTheTemplateNamesThem() throws {
        let site = try TestSite([
            "templates/entry-card.mustache":
                "[{{title}}|{{#hasInstructors}}with {{#instructors}}{{name}};{{/instructors}}{{/hasInstructors}}|{{kind}}|"
                + "{{#tags}}{{name}}{{#hasInstructors}}+{{/hasInstructors}}{{/tags}}|{{^hasInstructors}}alone{{/hasInstructors}}]",
            "content/courses/pair.md": "---\ntitle: Pair\nkind: workshop\ninstructors: [Anna Berg, Bo Li]\ntags: [Go]\n---\n",
            "content/courses/solo.md": "---\ntitle: Solo\nkind: talk\ninstructors: [Anna Berg]\ntags: [Go]\n---\n",
        ])
        defer { site.remove() }
        #expect(site.failures() == [])
        let cards = { (page: String) in
            try site.read(page).split(separator: "[").dropFirst().compactMap { $0.split(separator: "]").first.map(String.init) }
                .filter { $0.contains("|") }.sorted()
        }
        #expect(try cards("tags/go/index.html") == ["Pair|with Anna Berg;Bo Li;|workshop|Go+|", "Solo|with Anna Berg;|talk|Go+|"])
        #expect(try cards("instructors/anna-berg/index.html") == ["Pair|with Bo Li;|workshop|Go+|", "Solo||talk|Go|alone"])
        #expect(try cards("instructors/bo-li/index.html") == ["Pair|with Anna Berg;|workshop|Go+|"])
    }

    /// The runs that do not name instructors come from the shared card, not
    /// from rendering the card again.
    @Test func theRunsWithoutInstructorsAreTakenFromTheSharedCard() throws {
        let site = try TestSite(["templates/entry-card.mustache": "<{{title}}>{{#instructors}}{{name}}{{/instructors}}</{{title}}>"])
        defer { site.remove() }
        var log = DiagnosticLog()
        let templates = try #require(TemplateSet.load(root: site.root, log: &log))
        #expect(templates.cardSegments.map(\.varies) == [false, true, false])
        let card = EntryCard(title: "T", url: "/t/", kind: nil, summary: nil,
                             instructors: [InstructorLink(name: "Bo", slug: "bo", url: "/bo/", last: true)], hasInstructors: true,
                             tags: [], hasTags: false, dates: nil, startISO: nil, endISO: nil, hours: nil, length: nil,
                             past: false, location: nil, undated: nil,
                             booking: BookingBadges(price: nil, status: nil, cancelled: false, mode: nil, book: nil, hasBadges: false), courseBadges: CourseBadges(level: nil, languageName: nil))
        let shared = templates.renderCard(card)
        #expect(shared.html == "<T>Bo</T>")
        #expect(shared.starts == [0, 3, 5])
        let marked = RenderedCard(html: "<shared>XX</shared>", starts: [0, 8, 10])
        #expect(templates.renderCard(card, sharing: marked) == "<shared>Bo</shared>")
    }
}
