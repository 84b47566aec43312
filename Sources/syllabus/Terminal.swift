import ArgumentParser
import Foundation
import SyllabusKit

/// How the command line talks to people and to CI.
enum Terminal {
    static var isInteractive: Bool { isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil }

    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        if errors > 1 {
            FileHandle.standardError.write(Data("\(errors) errors\n".utf8))
        }
    }

    /// A path as a shell would need it typed: quoted only when it must be.
    static func shellQuoted(_ text: String) -> String {
        guard text.isEmpty || text.contains(where: { !($0.isLetter || $0.isNumber || "/._-+~".contains($0)) }) else { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("syllabus: error: \(message)\n".utf8))
    }
}

/// Values the library must not read itself: they are injected from here.
enum Environment {
    /// `SOURCE_DATE_EPOCH` when set (reproducible builds), otherwise now.
    /// A malformed value is reported and the command exits non-zero.
    static func timestamp() throws -> Int {
        do {
            return try SourceDateEpoch.timestamp(environment: ProcessInfo.processInfo.environment,
                                                 now: Int(Date().timeIntervalSince1970))
        } catch let failure as BuildFailed {
            Terminal.report(failure.diagnostics)
            throw ExitCode.failure
        }
    }

    /// The tz database: the folder `TZDIR` names, else `/usr/share/zoneinfo`.
    static var zones: TZDatabase {
        let directory = ProcessInfo.processInfo.environment["TZDIR"].flatMap { $0.isEmpty ? nil : $0 }
        return directory.map { TZDatabase(directory: $0) } ?? .system
    }
}
