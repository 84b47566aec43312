/// `course`: a course's facts, runs, feed links and body.
struct CoursePage: TemplateInline, Sendable {
    let title: String
    let kind: String?
    let summary: String?
    /// The course's location when all its runs share it.
    let location: String?
    /// Upcoming runs in date order; past runs apart, newest first.
    let runs: [RunData]
    let pastRuns: [RunData]
    let hasRuns: Bool
    let hasPastRuns: Bool
    let multipleRuns: Bool
    let multiplePastRuns: Bool
    let instructors: [InstructorLink]
    let hasInstructors: Bool
    let multipleInstructors: Bool
    let tags: [TagLink]
    let hasTags: Bool
    let feed: FeedLinks?
    /// The rendered Markdown body, made when the page is rendered.
    let body: DeferredHTML
    let facts: FactBox
    /// An entry without dates books from its fact box; runs book from their own row.
    let book: String?
}

/// The fact box's rows of level, language, audience, prerequisites and price.
struct FactBox: TemplateInline, Sendable {
    let level: String?
    let languageName: String?
    let audience: String?
    /// A single prerequisite, shown inline; several are a list.
    let prerequisites: String?
    let prerequisiteList: [String]
    let hasPrerequisiteList: Bool
    let priceFact: String?
}
