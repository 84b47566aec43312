/// A link to an instructor's page, in a list that a template joins with commas.
struct InstructorLink: Encodable, Sendable {
    let name: String
    let slug: String
    let url: String
    let last: Bool
}

/// A link to a topic's page.
struct TagLink: Encodable, Sendable {
    let name: String
    let slug: String
    let url: String
}

/// A link to a day's page, labelled with the short date.
struct DayLink: Encodable, Sendable {
    let url: String
    let label: String
}

/// A day of a run, in a list a template joins with dots.
struct RunDayLink: Encodable, Sendable {
    let url: String
    let label: String
    let last: Bool
}

/// HTML rendered once and kept (an entry card, a month of the days index).
struct RenderedHTML: Encodable, Sendable {
    let html: String
}
