import Mustache

/// Page data that writes its own frame instead of going through `Encodable`:
/// the entry card, made 10,000 times a build, whose Codable encoding spent
/// more time in the runtime's generic metadata and witness lookups than in
/// copying the values. `write(into:)` must give exactly the frame
/// `TemplateEncoder` would (`TemplateFieldsTests` compares the two), so the
/// type stays `Encodable` too: a test's marker for absent values
/// (`TemplateEncoder.frame(_:absent:)`) still takes that path.
protocol TemplateFields: Encodable {
    /// How many names `write(into:)` sets: the room a frame gets up front.
    static var fieldCount: Int { get }
    /// Writes its names and values, in declaration order, `nil` as `false`.
    func write(into fields: inout MustacheFields)
}

extension TemplateFields {
    /// Its frame, for a value known only as `any TemplateFields`.
    var writtenFrame: MustacheFields { TemplateEncoder.frame(self) }
}

extension TemplateEncoder {
    /// The frame of a value that writes its own (`TemplateFields`).
    static func frame<Value: TemplateFields>(_ value: Value) -> MustacheFields {
        var fields = MustacheFields(capacity: Value.fieldCount)
        value.write(into: &fields)
        return fields
    }

    /// Items of an array as the encoder gives them: each one's frame.
    static func items(_ values: [some TemplateFields]) -> [Any] {
        values.map { frame($0) }
    }
}

/// `nil` as a frame holds it (see `TemplateEncoder`).
func orFalse(_ value: String?) -> Any { value ?? false }

/// `nil` as a frame holds it.
func orFalse(_ value: Int?) -> Any { value.map { $0 as Any } ?? false }

/// A value's own frame, `nil` as `false`.
func frameOrFalse(_ value: (some TemplateFields)?) -> Any { value.map { TemplateEncoder.frame($0) } ?? false }

extension EntryCard: TemplateFields {
    static var fieldCount: Int { 16 + BookingBadges.fieldCount + CourseBadges.fieldCount }
    func write(into fields: inout MustacheFields) {
        fields.set("title", title)
        fields.set("url", url)
        fields.set("kind", orFalse(kind))
        fields.set("summary", orFalse(summary))
        fields.set("instructors", TemplateEncoder.items(instructors))
        fields.set("hasInstructors", hasInstructors)
        fields.set("tags", TemplateEncoder.items(tags))
        fields.set("hasTags", hasTags)
        fields.set("dates", orFalse(dates))
        fields.set("startISO", orFalse(startISO))
        fields.set("endISO", orFalse(endISO))
        fields.set("hours", orFalse(hours))
        fields.set("length", orFalse(length))
        fields.set("past", past)
        fields.set("location", orFalse(location))
        fields.set("undated", orFalse(undated))
        booking.write(into: &fields)
        courseBadges.write(into: &fields)
    }
}

extension BookingBadges: TemplateFields {
    static var fieldCount: Int { 6 }
    /// Inline (`TemplateInline`): into the frame of the value holding it.
    func write(into fields: inout MustacheFields) {
        fields.set("price", orFalse(price))
        fields.set("status", frameOrFalse(status))
        fields.set("cancelled", cancelled)
        fields.set("mode", frameOrFalse(mode))
        fields.set("book", orFalse(book))
        fields.set("hasBadges", hasBadges)
    }
}

extension CourseBadges: TemplateFields {
    static var fieldCount: Int { 2 }
    /// Inline (`TemplateInline`): into the frame of the value holding it.
    func write(into fields: inout MustacheFields) {
        fields.set("level", orFalse(level))
        fields.set("languageName", orFalse(languageName))
    }
}

extension Badge: TemplateFields {
    static var fieldCount: Int { 2 }
    func write(into fields: inout MustacheFields) {
        fields.set("label", label)
        fields.set("tone", tone)
    }
}

extension InstructorLink: TemplateFields {
    static var fieldCount: Int { 4 }
    func write(into fields: inout MustacheFields) {
        fields.set("name", name)
        fields.set("slug", slug)
        fields.set("url", url)
        fields.set("last", last)
    }
}

extension TagLink: TemplateFields {
    static var fieldCount: Int { 3 }
    func write(into fields: inout MustacheFields) {
        fields.set("name", name)
        fields.set("slug", slug)
        fields.set("url", url)
    }
}
