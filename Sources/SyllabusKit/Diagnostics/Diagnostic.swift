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

    /// `path:line:column: error: message`; problems with the command line
    /// itself (no file to point at) print as `syllabus: error: message`.
    public var description: String {
        if location.isCommandLine { return "syllabus: \(severity.rawValue): \(message)" }
        return "\(location): \(severity.rawValue): \(message)"
    }
}
