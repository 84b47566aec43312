/// The shared part of a listing page (`listing`): its sections of entry
/// cards and its pager.
struct Listing: TemplateInline, Sendable {
    let sections: [ListingSectionData]
    let hasEntries: Bool
    let pager: Pager?
}

/// Consecutive cards of one section of a listing, under its heading.
struct ListingSectionData: Encodable, Sendable {
    let id: String
    let heading: String
    /// The cards' HTML, joined; made when the page renders.
    let html: DeferredHTML
}

/// The numbered links, previous and next of a paginated page (`pager`).
struct Pager: Encodable, Sendable {
    let pages: [PagerLink]
    let number: Int
    let count: Int
    let previous: String?
    let next: String?
}

/// A page number in the pager, or a gap (`…`) between numbers.
struct PagerLink: Encodable, Sendable {
    let number: Int?
    let url: String?
    let current: Bool
    let gap: Bool
}
