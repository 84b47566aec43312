/// Reads the course-level facts: `level`, `language`, `audience`, `prerequisites`.
enum CourseFactsFields {
    static let keys = ["level", "language", "audience", "prerequisites"]

    static func read(_ fields: YAMLFields, log: inout DiagnosticLog) -> CourseFacts {
        CourseFacts(
            level: fields.choice("level", of: CourseLevel.self, log: &log),
            language: fields.languageTag("language", log: &log),
            audience: fields.string("audience", log: &log)
                .map { $0.trimmingWhitespace(andNewlines: true) }.flatMap { $0.isEmpty ? nil : $0 },
            prerequisites: fields.stringList("prerequisites", log: &log) ?? []
        )
    }
}
