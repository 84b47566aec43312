/// An entry card: a run of a course, or an entry shown without a run (never
/// scheduled, or last given some month). Rendered on its own by
/// `entry-card`, so it sees only these names.
struct EntryCard: Encodable, Sendable {
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
