/// One file of the output, rendered only when it is written so a large
/// catalog never holds every page in memory at once.
struct Page: Sendable {
    /// Path under the output folder, e.g. `courses/otp/index.html`.
    let path: String
    let render: @Sendable () -> String

    /// An HTML page at a folder URL such as `courses/otp/`.
    static func html(at folder: String, _ render: @escaping @Sendable () -> String) -> Page {
        Page(path: folder + "index.html", render: render)
    }
}
