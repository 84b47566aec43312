import Ccmark

/// The cmark options Syllabus uses, mapped onto cmark's flags in one place.
///
/// Raw HTML is dropped unless `.unsafeHTML` is asked for explicitly: a course
/// body should never smuggle a `<script>` into the published catalog.
public struct MarkdownOptions: OptionSet, Sendable, Hashable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Curly quotes, en and em dashes, ellipses.
    public static let smartPunctuation = MarkdownOptions(rawValue: 1 << 0)
    /// Let raw HTML blocks and inline HTML through.
    public static let unsafeHTML = MarkdownOptions(rawValue: 1 << 1)
    /// Replace invalid UTF-8 with U+FFFD instead of passing it on. Text from
    /// a Swift `String` is valid UTF-8 already, so `MarkdownRenderer` needs
    /// it only for bytes from elsewhere.
    public static let validateUTF8 = MarkdownOptions(rawValue: 1 << 2)

    /// What Syllabus renders course bodies with unless a site opts into raw
    /// HTML. Without `.validateUTF8`: the text comes from a `String`, and
    /// cmark's check of every line cost a share of a build for nothing.
    public static let standard: MarkdownOptions = [.smartPunctuation]

    var cmarkFlags: Int32 {
        var flags = CMARK_OPT_DEFAULT
        if contains(.smartPunctuation) { flags |= CMARK_OPT_SMART }
        if contains(.unsafeHTML) { flags |= CMARK_OPT_UNSAFE }
        if contains(.validateUTF8) { flags |= CMARK_OPT_VALIDATE_UTF8 }
        return flags
    }
}
