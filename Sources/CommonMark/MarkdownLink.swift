/// A link or image destination found in a Markdown document, with where it
/// stands in the source so that a bad link can be reported at its line.
public struct MarkdownLink: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case link, image }

    public let kind: Kind
    public let destination: String
    /// 1-based line in the Markdown text (0 when cmark gives no position).
    public let line: Int
    /// 1-based column in the Markdown text (0 when cmark gives no position).
    public let column: Int
}
