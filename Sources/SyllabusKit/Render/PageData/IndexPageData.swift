/// `instructors`: everyone, A–Z.
struct InstructorsPage: TemplateInline, Sendable {
    let instructors: [InstructorSummary]
}

struct InstructorSummary: Encodable, Sendable {
    let name: String
    let url: String
    let courseCount: Int
    let role: String?
}

/// `tags`: every topic with its count.
struct TagsPage: TemplateInline, Sendable {
    let tags: [TagCount]
    let hasTags: Bool
}

struct TagCount: Encodable, Sendable {
    let name: String
    let url: String
    let count: Int
}

/// `search`: the form; results come from `search/index.json` in the browser.
struct SearchPage: TemplateInline, Sendable {
    let filtersHTML: String
}
