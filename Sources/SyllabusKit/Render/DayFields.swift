import Mustache

// The day pages' and the days index's frames written by hand
// (`TemplateFields`), as the course pages' are (`PageFields.swift`).
// `TemplateFieldsTests` compares each with the frame `Encodable` gives.

extension DayPage: TemplateFields {
    static var fieldCount: Int { 5 }

    func write(into fields: inout MustacheFields) {
        fields.set("iso", iso)
        fields.set("label", label)
        fields.set("sessions", TemplateEncoder.items(sessions))
        fields.set("previous", frameOrFalse(previous))
        fields.set("next", frameOrFalse(next))
    }
}

extension DaySession: TemplateFields {
    static var fieldCount: Int { SessionRun.fieldCount + 1 }

    func write(into fields: inout MustacheFields) {
        // The run's fields, made once for all its days (`EncodedOnce`).
        run.copy(into: &fields)
        fields.set("dayOfRun", dayOfRun)
    }
}

extension SessionRun: TemplateFields {
    static var fieldCount: Int { 14 + BookingBadges.fieldCount + CourseBadges.fieldCount }

    func write(into fields: inout MustacheFields) {
        fields.set("title", title)
        fields.set("url", url)
        fields.set("hours", hours)
        fields.set("timezone", timezone)
        fields.set("dayCount", dayCount)
        fields.set("startISO", startISO)
        fields.set("endISO", endISO)
        fields.set("past", past)
        fields.set("multiDay", multiDay)
        fields.set("instructors", TemplateEncoder.items(instructors))
        fields.set("hasInstructors", hasInstructors)
        fields.set("kind", orFalse(kind))
        fields.set("summary", orFalse(summary))
        fields.set("location", orFalse(location))
        booking.write(into: &fields)
        courseBadges.write(into: &fields)
    }
}

extension DaysPage: TemplateFields {
    static var fieldCount: Int { 3 }

    func write(into fields: inout MustacheFields) {
        fields.set("months", TemplateEncoder.items(months))
        fields.set("hasMonths", hasMonths)
        fields.set("pager", frameOrFalse(pager))
    }
}

extension RenderedHTML: TemplateFields {
    static var fieldCount: Int { 1 }

    func write(into fields: inout MustacheFields) {
        fields.set("html", html)
    }
}

extension DaysMonth: TemplateFields {
    static var fieldCount: Int { 4 }

    func write(into fields: inout MustacheFields) {
        fields.set("key", key)
        fields.set("name", name)
        fields.set("weeks", TemplateEncoder.items(weeks))
        fields.set("days", TemplateEncoder.items(days))
    }
}

extension CalendarWeek: TemplateFields {
    static var fieldCount: Int { 1 }

    func write(into fields: inout MustacheFields) {
        fields.set("cells", TemplateEncoder.items(cells))
    }
}

extension CalendarCell: TemplateFields {
    static var fieldCount: Int { 6 }

    func write(into fields: inout MustacheFields) {
        fields.set("blank", blank)
        fields.set("day", orFalse(day))
        fields.set("label", orFalse(label))
        fields.set("url", orFalse(url))
        fields.set("count", orFalse(count))
        fields.set("plural", plural)
    }
}

extension MonthDay: TemplateFields {
    static var fieldCount: Int { 4 }

    func write(into fields: inout MustacheFields) {
        fields.set("url", url)
        fields.set("iso", iso)
        fields.set("label", label)
        fields.set("sessions", TemplateEncoder.items(sessions))
    }
}

extension MonthSession: TemplateFields {
    static var fieldCount: Int { 4 }

    func write(into fields: inout MustacheFields) {
        fields.set("title", title)
        fields.set("hours", hours)
        fields.set("url", url)
        fields.set("cancelled", cancelled)
    }
}
