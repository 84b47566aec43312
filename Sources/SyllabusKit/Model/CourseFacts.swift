/// Who a course is for (`level:`).
public enum CourseLevel: String, Sendable, Hashable, CaseIterable {
    case beginner, intermediate, advanced, all

    /// The levels a course of this level suits, for the catalog filter:
    /// a course for all levels is shown whichever level a visitor picks.
    public var suits: [CourseLevel] {
        self == .all ? CourseLevel.allCases : [self]
    }
}

/// A course's own facts beside its runs: `level`, `language`, `audience`, `prerequisites`.
public struct CourseFacts: Sendable, Hashable {
    public var level: CourseLevel?
    /// The BCP 47 tag the course is taught in, when the file says.
    public var language: LanguageTag?
    public var audience: String?
    public var prerequisites: [String]

    public static let none = CourseFacts(level: nil, language: nil, audience: nil, prerequisites: [])
}
