// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Syllabus",
    // Linux is where it is built and tested. macOS 14 is claimed as far as
    // the code goes: every libc import is guarded (Glibc or Darwin), the
    // platform-specific calls have their Darwin form (st_mtimespec,
    // renamex_np, SOCK_STREAM, RLIMIT_NOFILE, a polling file watcher), but no
    // macOS build runs in this repository's checks.
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "syllabus", targets: ["syllabus"]),
        .library(name: "SyllabusKit", targets: ["SyllabusKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // swift-mustache 2.1.1 with lookup fast paths; see Vendor/swift-mustache/SYLLABUS.md.
        .package(path: "Vendor/swift-mustache"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // FlyingFox 0.27.1 with request limits, timeouts and linear parsing; see Vendor/FlyingFox/SYLLABUS.md.
        .package(path: "Vendor/FlyingFox"),
    ],
    targets: [
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "CommonMark", dependencies: ["Ccmark"]),
        // One C function: the atomic exchange of two folders that swaps a build in.
        .target(name: "CRenameExchange"),
        .target(
            name: "SyllabusKit",
            dependencies: [
                "CommonMark",
                "CRenameExchange",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The built-in theme is the top-level templates/, embedded at build time.
            plugins: ["EmbedTheme"]
        ),
        .executableTarget(name: "ThemeEmbedder"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        .target(
            name: "SyllabusPreview",
            dependencies: [
                "SyllabusKit",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "syllabus",
            dependencies: [
                "SyllabusKit",
                "SyllabusPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc (Debian's libmimalloc-dev) replaces glibc's malloc for the
            // whole process: a build allocates millions of small strings and
            // dictionaries on two threads, and glibc's malloc and free were a
            // sixth of its time. See the README's performance section.
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .executableTarget(name: "FrontMatterFuzzer", dependencies: ["SyllabusKit"]),
        .executableTarget(name: "SiteFuzzer", dependencies: ["SyllabusKit"]),
        .testTarget(name: "CommonMarkTests", dependencies: ["CommonMark"]),
        .testTarget(
            name: "SyllabusKitTests",
            dependencies: ["SyllabusKit", .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Fixtures", "Snapshots"]
        ),
        .testTarget(name: "SyllabusCLITests", dependencies: []),
    ],
    swiftLanguageModes: [.v6]
)
