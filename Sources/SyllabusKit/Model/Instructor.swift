/// A person who teaches; with a profile file or known only by name from a course.
public struct Instructor: Sendable, Hashable {
    public let slug: Slug
    public let name: String
    public let role: String?
    /// Site-relative path under `media/` or an absolute http(s) URL.
    public let photo: String?
    public let links: [ProfileLink]
    public let bio: String
    public let bodyLine: Int
    /// `nil` for an instructor named by a course without a profile file.
    public let source: SourceLocation?
    /// Where `photo:` was written, so a missing media file is reported there.
    public var photoSource: SourceLocation? = nil
}

/// A link on an instructor profile (`links:`), e.g. a homepage or a talk.
public struct ProfileLink: Sendable, Hashable {
    public let title: String
    public let url: String
}
