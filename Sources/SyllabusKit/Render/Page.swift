/// One file of the output, rendered only when it is written so a large
/// catalog never holds every page in memory at once.
struct Page: Sendable {
    /// Path under the output folder, e.g. `courses/otp/index.html`.
    let path: String
    /// A fingerprint of everything the page shows, for `syllabus serve`'s
    /// rebuilds: a page whose key has not changed is not rendered again.
    /// `nil` for pages that are always rendered (indexes, the catalog).
    let key: Int?
    /// The source file this page is the page of (`content/courses/otp.md`
    /// for `/courses/otp/`): when a save changed that file, `syllabus serve`
    /// writes this page before the listings, as it is the one its author watches.
    let source: String?
    let render: @Sendable () -> String

    init(path: String, key: Int? = nil, source: String? = nil, render: @escaping @Sendable () -> String) {
        self.path = path
        self.key = key
        self.source = source
        self.render = render
    }

    /// An HTML page at a folder URL such as `courses/otp/`.
    static func html(at folder: String, key: Int? = nil, source: String? = nil, _ render: @escaping @Sendable () -> String) -> Page {
        Page(path: folder + "index.html", key: key, source: source, render: render)
    }
}

/// Hashes the inputs of a page into its `Page.key`.
func pageKey<each Part: Hashable>(_ parts: repeat each Part) -> Int {
    var hasher = Hasher()
    repeat hasher.combine(each parts)
    return hasher.finalize()
}
