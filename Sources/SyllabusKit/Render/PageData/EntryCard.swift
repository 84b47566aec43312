/// An entry card: a run of a course, or an entry shown without a run (never
/// scheduled, or last given some month). Rendered on its own by
/// `entry-card`, so it sees only these names.
struct EntryCard: Encodable, Sendable {
    /// The fields that differ between a card on an instructor's page, which
    /// leaves that instructor out, and the same card elsewhere.
    static let instructorFields: Set<String> = ["instructors", "hasInstructors"]

    let title: String
    let url: String
    let kind: String?
    let summary: String?
    let instructors: [InstructorLink]
    let hasInstructors: Bool
    let tags: [TagLink]
    let hasTags: Bool
    /// The run's dates, hours and length; absent on an entry without a run.
    let dates: String?
    let startISO: String?
    let endISO: String?
    let hours: String?
    let length: String?
    let past: Bool
    let location: String?
    /// "No dates yet" or "Last given May 2020" on an entry without a run.
    let undated: String?
    let booking: BookingBadges
    let courseBadges: CourseBadges
}

/// An entry card's HTML, and where in it each run of `entry-card`
/// (`TemplateSet.cardSegments`) starts: the cached cards of a large catalog
/// are hundreds of megabytes, so the runs are not kept as strings apart.
struct RenderedCard: Sendable {
    let html: String
    /// UTF-8 offsets: run `i` is the bytes from `starts[i]` to `starts[i + 1]`, the last one up to the end.
    let starts: [Int]

    func run(_ number: Int) -> Substring {
        let bytes = html.utf8
        let end = number + 1 < starts.count ? starts[number + 1] : bytes.count
        return Substring(bytes[bytes.index(bytes.startIndex, offsetBy: starts[number])..<bytes.index(bytes.startIndex, offsetBy: end)])
    }
}
