/// Where in the site's sources something was found: a path relative to the
/// site root, and a 1-based line and column (0 when unknown).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let column: Int

    public init(path: String, line: Int = 0, column: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// A problem with a command-line option rather than with a file.
    public static func commandLine(_ option: String) -> SourceLocation {
        SourceLocation(path: option)
    }

    var isCommandLine: Bool { path.hasPrefix("--") || path.isEmpty }

    /// `path:line:column`, the form compilers print and editors understand.
    /// A whole-file location still names line 1, column 1 so tools can jump to it.
    public var description: String {
        "\(path):\(max(line, 1)):\(max(column, 1))"
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}
