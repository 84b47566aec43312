import Foundation
import SyllabusKit

// libFuzzer entry point: `make fuzz` builds this target with
// `-sanitize=fuzzer -D FUZZING`. Any crash, trap or hang in loading,
// checking or rendering a course file is a bug; diagnostics are fine.
#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCourseFile(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let diagnostics = ContentLint.courseFile(Data(bytes: bytes, count: count))
    // Every diagnostic must point into the file it was given.
    for diagnostic in diagnostics where diagnostic.location.path != "content/courses/lint.md" {
        fatalError("diagnostic outside the file: \(diagnostic)")
    }
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

@_cdecl("FrontMatterFuzzer_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzzCourseFile($0, $1) }
}
#else
@main
enum FrontMatterFuzzerUsage {
    static func main() {
        print("Build and run this fuzzer with `make fuzz` (libFuzzer, -sanitize=fuzzer).")
    }
}
#endif
