import Testing
@testable import SyllabusKit

/// Every file a build writes is checked to stay inside the output folder:
/// a relative path with no `..` segment, whatever else its segments hold.
@Suite struct OutputPathTests {
    @Test(arguments: [
        ("courses/otp/index.html", true), ("index.html", true), ("a/..b/c", true), ("..a", true), ("a/b..", true),
        ("a/./b", true), ("a//b", true), ("...", true), ("", true),
        ("..", false), ("../a", false), ("a/..", false), ("a/../b", false), ("/a", false), ("/", false), ("a/b/../../..", false),
    ])
    func aPathStaysInsideTheOutputOnlyWithoutGoingUp(path: String, inside: Bool) {
        #expect(OutputFolder.staysInside(path) == inside, "\(path)")
        // What the check replaced, for the relative paths it is given.
        #expect(OutputFolder.staysInside(path) == (!path.split(separator: "/").contains("..") && !path.hasPrefix("/")))
    }
}
