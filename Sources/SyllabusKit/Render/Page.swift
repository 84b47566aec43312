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
    /// Makes the page: its text, or the template and frame it renders from.
    let make: @Sendable () -> Made

    /// What `make` gives.
    enum Made {
        /// Feeds, sitemaps, the search index and the 404 page, made as text.
        case text(String)
        /// An HTML page, whose frame a build over the previous output
        /// compares with the one the old file was rendered from.
        case template(TemplatePage)

        var text: String {
            switch self {
            case .text(let text): text
            case .template(let page): page.render()
            }
        }
    }

    init(path: String, key: Int? = nil, source: String? = nil, render: @escaping @Sendable () -> String) {
        self.init(path: path, key: key, source: source, made: { .text(render()) })
    }

    private init(path: String, key: Int?, source: String?, made: @escaping @Sendable () -> Made) {
        self.path = path
        self.key = key
        self.source = source
        self.make = made
    }

    /// The page's text, rendered.
    func render() -> String {
        make().text
    }

    /// An HTML page at a folder URL such as `courses/otp/`, made by a template.
    static func html(at folder: String, key: Int? = nil, source: String? = nil,
                     _ template: @escaping @Sendable () -> TemplatePage) -> Page {
        Page(path: folder + "index.html", key: key, source: source, made: { .template(template()) })
    }

    /// An HTML page whose frame is mostly HTML rendered for it (the days
    /// index's months): rendered on every build, as fingerprinting that HTML
    /// would cost about what rendering the page does. A listing of cards is
    /// an `html` page: its sections are `DeferredHTML`, keyed by their cards.
    static func listing(at folder: String, key: Int? = nil, _ template: @escaping @Sendable () -> TemplatePage) -> Page {
        Page(path: folder + "index.html", key: key, source: nil, made: { .text(template().render()) })
    }
}

/// Hashes the inputs of a page into its `Page.key`.
func pageKey<each Part: Hashable>(_ parts: repeat each Part) -> Int {
    var hasher = Hasher()
    repeat hasher.combine(each parts)
    return hasher.finalize()
}
