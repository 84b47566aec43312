// swift-tools-version:6.0
// `syllabus-stages ROOT OUTPUT`: one SiteBuilder.build (the code path of `syllabus build`),
// then BuildSummary.stages as one JSON line. For profiling: valgrind 3.19 (Debian 12) crashes
// on the CLI's async main (dispatch_main), not on this synchronous one -- see
// bench/profile-*.md. scripts/bench.py also uses it for stage timings of binaries that
// predate `syllabus build --timings`.
import PackageDescription

let package = Package(
    name: "SyllabusBenchHarness",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Syllabus", path: "../..")],
    targets: [
        .executableTarget(
            name: "syllabus-stages",
            dependencies: [.product(name: "SyllabusKit", package: "Syllabus")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
