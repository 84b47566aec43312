/// One thing a build has to say about the sources: an error stops the build,
/// a warning does not.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible, Error {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public let severity: Severity
    public let location: SourceLocation
    public let message: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    public static func warning(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    /// The same diagnostic as an error, for `--strict`, saying why it is one.
    public var strict: Diagnostic {
        severity == .error ? self : Diagnostic(.error, at: location, message + " (an error with --strict)")
    }

    /// `path:line:column: error: message`; problems with the command line
    /// itself (no file to point at) print as `syllabus: error: message`.
    /// Values are quoted with `QuotedValue` where the message is made; this
    /// escapes whatever else reached it from the sources (a file name, a
    /// problem Yams quotes), so no control character ever reaches a terminal.
    public var description: String {
        let message = QuotedValue.escaped(self.message)
        if location.isCommandLine { return "syllabus: \(severity.rawValue): \(message)" }
        return "\(QuotedValue.escaped(location.description)): \(severity.rawValue): \(message)"
    }
}
