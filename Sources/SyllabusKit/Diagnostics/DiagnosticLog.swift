/// Collects the diagnostics of a whole build so they are reported together,
/// sorted by file and line, instead of stopping at the first mistake.
public struct DiagnosticLog: Sendable {
    public private(set) var entries: [Diagnostic] = []

    public init() {}

    public mutating func report(_ diagnostic: Diagnostic) {
        entries.append(diagnostic)
    }

    public mutating func error(_ location: SourceLocation, _ message: String) {
        report(.error(location, message))
    }

    public mutating func warning(_ location: SourceLocation, _ message: String) {
        report(.warning(location, message))
    }

    public mutating func merge(_ other: DiagnosticLog) {
        entries.append(contentsOf: other.entries)
    }

    public var hasErrors: Bool { entries.contains { $0.severity == .error } }

    /// Sorted by file, line and column; identical entries once.
    public var sorted: [Diagnostic] {
        entries
            .uniqued()
            .sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }
}

/// Thrown when a build or check ends with errors; carries every diagnostic.
public struct BuildFailed: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
