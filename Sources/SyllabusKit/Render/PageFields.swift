import Mustache

// The course page's frame written by hand (`TemplateFields`): 10,000 pages a
// build, each with the page and site shells, its runs and their days, and
// made on every build, also over the previous output, where the frame is
// what a page's fingerprint hashes. `TemplateFieldsTests` compares each with the
// frame `Encodable` gives.

extension PageData: TemplateFields where Content: TemplateFields {
    static var fieldCount: Int { SiteShell.fieldCount + PageShell.fieldCount + Content.fieldCount }
    /// The shells and the content are inline: names of the page itself.
    func write(into fields: inout MustacheFields) {
        site.write(into: &fields)
        page.write(into: &fields)
        content.write(into: &fields)
    }
}

extension SiteShell: TemplateFields {
    static var fieldCount: Int { 15 }
    func write(into fields: inout MustacheFields) {
        fields.set("site_title", title)
        fields.set("site_language", language)
        fields.set("site_root", root)
        fields.set("site_origin", origin)
        fields.set("site_zone", zone)
        fields.set("site_description", orFalse(description))
        fields.set("site_logo", orFalse(logo))
        fields.set("site_accent", orFalse(accent))
        fields.set("site_footer", orFalse(footer))
        fields.set("site_today", today)
        fields.set("site_hasPast", hasPast)
        fields.set("site_stylesheet", stylesheet)
        fields.set("site_feed_https", feedHTTPS)
        fields.set("site_feed_webcal", feedWebcal)
        fields.set("serveScript", serveScript)
    }
}

extension PageShell: TemplateFields {
    static var fieldCount: Int { 15 }
    func write(into fields: inout MustacheFields) {
        fields.set("page_title", title)
        fields.set("page_canonical", canonical)
        fields.set("page_isHome", isHome)
        fields.set("page_ogType", ogType)
        fields.set("page_description", orFalse(description))
        fields.set("page_feed", frameOrFalse(feed))
        fields.set("page_jsonLD", orFalse(jsonLD))
        fields.set("page_prev", orFalse(prev))
        fields.set("page_next", orFalse(next))
        fields.set("nav_catalog", section == .catalog)
        fields.set("nav_past", section == .past)
        fields.set("nav_days", section == .days)
        fields.set("nav_instructors", section == .instructors)
        fields.set("nav_tags", section == .tags)
        fields.set("nav_search", section == .search)
    }
}

extension FeedLinks: TemplateFields {
    static var fieldCount: Int { 5 }
    func write(into fields: inout MustacheFields) {
        fields.set("https", https)
        fields.set("webcal", webcal)
        fields.set("title", title)
        fields.set("google", google)
        fields.set("outlook", outlook)
    }
}

extension CoursePage: TemplateFields {
    static var fieldCount: Int { 18 + FactBox.fieldCount }
    func write(into fields: inout MustacheFields) {
        fields.set("title", title)
        fields.set("kind", orFalse(kind))
        fields.set("summary", orFalse(summary))
        fields.set("location", orFalse(location))
        fields.set("runs", TemplateEncoder.items(runs))
        fields.set("pastRuns", TemplateEncoder.items(pastRuns))
        fields.set("hasRuns", hasRuns)
        fields.set("hasPastRuns", hasPastRuns)
        fields.set("multipleRuns", multipleRuns)
        fields.set("multiplePastRuns", multiplePastRuns)
        fields.set("instructors", TemplateEncoder.items(instructors))
        fields.set("hasInstructors", hasInstructors)
        fields.set("multipleInstructors", multipleInstructors)
        fields.set("tags", TemplateEncoder.items(tags))
        fields.set("hasTags", hasTags)
        fields.set("feed", frameOrFalse(feed))
        // The object itself, made when the page renders (`DeferredHTML`).
        fields.set("body", body)
        facts.write(into: &fields)
        fields.set("book", orFalse(book))
    }
}

extension FactBox: TemplateFields {
    static var fieldCount: Int { 7 }
    /// Inline (`TemplateInline`): into the course page's frame.
    func write(into fields: inout MustacheFields) {
        fields.set("level", orFalse(level))
        fields.set("languageName", orFalse(languageName))
        fields.set("audience", orFalse(audience))
        fields.set("prerequisites", orFalse(prerequisites))
        fields.set("prerequisiteList", prerequisiteList as [Any])
        fields.set("hasPrerequisiteList", hasPrerequisiteList)
        fields.set("priceFact", orFalse(priceFact))
    }
}

extension RunData: TemplateFields {
    static var fieldCount: Int { 12 + BookingBadges.fieldCount }
    func write(into fields: inout MustacheFields) {
        fields.set("dates", dates)
        fields.set("startISO", startISO)
        fields.set("endISO", endISO)
        fields.set("hours", hours)
        fields.set("length", length)
        fields.set("timezone", timezone)
        fields.set("instructors", TemplateEncoder.items(instructors))
        fields.set("hasInstructors", hasInstructors)
        fields.set("days", TemplateEncoder.items(days))
        fields.set("location", orFalse(location))
        fields.set("calendar", frameOrFalse(calendar))
        fields.set("clockNote", orFalse(clockNote))
        booking.write(into: &fields)
    }
}

extension RunCalendar: TemplateFields {
    static var fieldCount: Int { 4 }
    func write(into fields: inout MustacheFields) {
        fields.set("google", orFalse(google))
        fields.set("googleDays", TemplateEncoder.items(googleDays))
        fields.set("multiDay", multiDay)
        fields.set("ics", ics)
    }
}

extension DayLink: TemplateFields {
    static var fieldCount: Int { 2 }
    func write(into fields: inout MustacheFields) {
        fields.set("url", url)
        fields.set("label", label)
    }
}

extension RunDayLink: TemplateFields {
    static var fieldCount: Int { 3 }
    func write(into fields: inout MustacheFields) {
        fields.set("url", url)
        fields.set("label", label)
        fields.set("last", last)
    }
}
