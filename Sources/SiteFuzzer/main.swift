import Foundation
import SyllabusKit

// libFuzzer entry point for the whole pipeline: `make fuzz` builds this
// target with `-sanitize=fuzzer -D FUZZING`. One input is a small site, its
// files separated by NUL bytes (which no content file holds) in the order of
// `SiteFuzzer.files`; a part that is absent leaves its file out. Each input
// is written to a private folder and checked as `syllabus check` does
// (load, check, model, index, render, no writing). Any crash, trap or hang is
// a bug; diagnostics are fine.
#if FUZZING
enum SiteFuzzer {
    /// Where each part of an input goes: a site, three courses that may link
    /// to each other, an instructor, and two templates, one included by the other.
    static let files = [
        "content/site.yml", "content/courses/a.md", "content/courses/b.md", "content/courses/c.md",
        "content/instructors/anna-berg.md", "templates/course.mustache", "templates/entry-card.mustache",
    ]

    /// One folder for the whole process, rewritten for every input.
    static let root: URL = {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("syllabus-site-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
        for sub in ["content/courses", "content/instructors", "templates"] {
            try! FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        return folder
    }()

    static func run(_ input: Data) {
        let parts = input.split(separator: 0, maxSplits: files.count - 1, omittingEmptySubsequences: false)
        for (index, path) in files.enumerated() {
            let url = root.appendingPathComponent(path)
            if index < parts.count {
                // The fuzzer's own folder: a failed write is a broken harness, not a finding.
                try! Data(parts[index]).write(to: url)
            } else if FileManager.default.fileExists(atPath: url.path) {
                try! FileManager.default.removeItem(at: url)
            }
        }
        let options = BuildOptions(root: root, output: root.appendingPathComponent("public"), timestamp: 1_590_000_000)
        do {
            _ = try SiteBuilder.build(options, write: false)
        } catch is BuildFailed {
            // Diagnostics: the pipeline refused the site, as it should when it can.
        } catch {
            fatalError("a check threw something other than BuildFailed: \(error)")
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSite(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    SiteFuzzer.run(Data(bytes: bytes, count: count))
    return 0
}

// SwiftPM links an executable's entry point under this name; hand control
// to libFuzzer's driver, which parses its own flags (-max_total_time, …).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("SiteFuzzer_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzzSite($0, $1) }
}
#else
@main
enum SiteFuzzerUsage {
    static func main() {
        print("Build and run this fuzzer with `make fuzz` (libFuzzer, -sanitize=fuzzer).")
    }
}
#endif
