import Mustache

// The listing pages' frames written by hand (`TemplateFields`), as the
// course pages' are (`PageFields.swift`): 1,400-odd pages a build at 10,000
// courses, whose frames a build over the previous output makes and hashes
// every time. `TemplateFieldsTests` compares each with the frame `Encodable` gives.

extension Listing: TemplateFields {
    static var fieldCount: Int { 3 }

    /// Inline (`TemplateInline`): into the page's frame.
    func write(into fields: inout MustacheFields) {
        fields.set("sections", TemplateEncoder.items(sections))
        fields.set("hasEntries", hasEntries)
        fields.set("pager", frameOrFalse(pager))
    }
}

extension ListingSectionData: TemplateFields {
    static var fieldCount: Int { 3 }

    func write(into fields: inout MustacheFields) {
        fields.set("id", id)
        fields.set("heading", heading)
        // The object itself, made when the page renders (`DeferredHTML`).
        fields.set("html", html)
    }
}

extension Pager: TemplateFields {
    static var fieldCount: Int { 5 }

    func write(into fields: inout MustacheFields) {
        fields.set("pages", TemplateEncoder.items(pages))
        fields.set("number", number)
        fields.set("count", count)
        fields.set("previous", orFalse(previous))
        fields.set("next", orFalse(next))
    }
}

extension PagerLink: TemplateFields {
    static var fieldCount: Int { 4 }

    func write(into fields: inout MustacheFields) {
        fields.set("number", orFalse(number))
        fields.set("url", orFalse(url))
        fields.set("current", current)
        fields.set("gap", gap)
    }
}

extension CatalogPage: TemplateFields {
    static var fieldCount: Int { Listing.fieldCount + 4 }

    func write(into fields: inout MustacheFields) {
        listing.write(into: &fields)
        fields.set("firstPage", firstPage)
        fields.set("hasRuns", hasRuns)
        fields.set("filtersHTML", filtersHTML)
        fields.set("hasFilters", hasFilters)
    }
}

extension PastPage: TemplateFields {
    static var fieldCount: Int { Listing.fieldCount }

    func write(into fields: inout MustacheFields) {
        listing.write(into: &fields)
    }
}

extension TagPage: TemplateFields {
    static var fieldCount: Int { Listing.fieldCount + 7 }

    func write(into fields: inout MustacheFields) {
        listing.write(into: &fields)
        fields.set("feed", frameOrFalse(feed))
        fields.set("name", name)
        fields.set("label", label)
        fields.set("indexPath", indexPath)
        fields.set("indexName", indexName)
        fields.set("count", count)
        fields.set("plural", plural)
    }
}

extension InstructorPage: TemplateFields {
    static var fieldCount: Int { Listing.fieldCount + 7 }

    func write(into fields: inout MustacheFields) {
        listing.write(into: &fields)
        fields.set("name", name)
        fields.set("role", orFalse(role))
        fields.set("photo", orFalse(photo))
        fields.set("bio", orFalse(bio))
        fields.set("links", TemplateEncoder.items(links))
        fields.set("hasLinks", hasLinks)
        fields.set("feed", frameOrFalse(feed))
    }
}

extension ProfileLinkData: TemplateFields {
    static var fieldCount: Int { 2 }

    func write(into fields: inout MustacheFields) {
        fields.set("title", title)
        fields.set("url", url)
    }
}
