/// Keys of course bodies' HTML that are the same in every process
/// (`DeferredHTML.key`), so that a build over the previous output can tell
/// an unchanged body without running cmark on it.
///
/// What `BodyRenderer` makes a body's HTML from: the text; the base URL and
/// the options (the same for every body); cmark and this executable (in
/// `PageFingerprints.salt`); and, for each link whose destination ends in
/// `.md`, whether the file it names is a published course (and its slug),
/// a draft, or a file that failed to load. The key covers the last for the
/// stems the body can name, not for every file: adding one course must not
/// re-render every course page.
///
/// Which stems a body can name, without parsing it: cmark takes a link's
/// destination from the text as written, except that it decodes entity
/// references (`&#46;`, `&lowbar;`) and backslash escapes. Without any
/// entity reference in the text, a destination ending in `.md` has `.md` in
/// the text, and the file it names is a run of the bytes just before that
/// `.md`, within its line and after the last `/` (a destination spans no
/// line unless a backslash ends the line before, and a `/` ends a path
/// segment). When that line, up to the `.md`, has no backslash, NUL or byte
/// beyond ASCII, the run is the stem as cmark reads it and as `BodyRenderer`
/// looks it up: only a run as long as the longest stem or shorter can be
/// one (a string Swift takes as equal to an ASCII text, such as the Kelvin
/// sign for `K`, is no shorter in bytes). Every such run that is some file's
/// stem goes into the key. When an entity, an escape, a NUL (cmark reads it
/// as U+FFFD), a byte beyond ASCII or a backslash before the line's break
/// could be at work, the key covers every file instead.
struct BodyKeys: Sendable {
    /// The base URL and the options.
    private let context: Fingerprint
    /// Each file stem with what a link to it becomes: `c` and the course's
    /// slug, `u` (failed to load), `d` (a draft), in `BodyRenderer`'s order.
    private let files: [String: String]
    /// The longest stem, in UTF-8 bytes: no run beyond it can be one.
    private let longestStem: Int
    /// All of `files`, for bodies whose links cannot be read from the text.
    private let allFiles: Fingerprint

    init(_ renderer: BodyRenderer) {
        var context = FingerprintHasher()
        context.combine("syllabus body keys, 1")
        context.combine(renderer.paths.base.scheme)
        context.combine(renderer.paths.base.authority)
        context.combine(renderer.paths.base.path)
        context.combine(Int(renderer.options.rawValue))
        self.context = context.finalize()

        var files: [String: String] = [:]
        files.reserveCapacity(renderer.courseFiles.count)
        for (stem, slug) in renderer.courseFiles { files[stem, default: ""] += "c" + slug.value }
        for stem in renderer.unloadedFiles { files[stem, default: ""] += "u" }
        for stem in renderer.unpublishedFiles { files[stem, default: ""] += "d" }
        self.files = files
        longestStem = files.keys.lazy.map(\.utf8.count).max() ?? 0

        // Order-independent, so the 10,000 entries need no sorting.
        var high: UInt64 = 0, low: UInt64 = 0
        for (stem, resolution) in files {
            var entry = FingerprintHasher()
            entry.combine(stem)
            entry.combine(resolution)
            let digest = entry.finalize()
            high ^= digest.high
            low ^= digest.low
        }
        var all = FingerprintHasher()
        all.combine(high)
        all.combine(low)
        all.combine(files.count)
        allFiles = all.finalize()
    }

    /// The key of the HTML of `text`, a body that starts at `firstLine` of `file`
    /// (where its broken links would be reported).
    func key(of text: String, file: String, firstLine: Int) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.combine(context.high)
        hasher.combine(context.low)
        hasher.combine(text)
        hasher.combine(file)
        hasher.combine(firstLine)
        var copy = text
        let (named, unreadable) = copy.withUTF8 { linkedFiles(in: $0) }
        hasher.combine(named.count)
        for (stem, resolution) in named {
            hasher.combine(stem)
            hasher.combine(resolution)
        }
        if unreadable {
            hasher.combine(allFiles.high)
            hasher.combine(allFiles.low)
        }
        return hasher.finalize()
    }

    /// The stems `text` can link to with what each becomes, and whether an
    /// entity, escape or non-ASCII byte may hide others (see the type's comment).
    private func linkedFiles(in text: UnsafeBufferPointer<UInt8>) -> (named: [(String, String)], unreadable: Bool) {
        let dot = UInt8(ascii: "."), m = UInt8(ascii: "m"), d = UInt8(ascii: "d")
        var named: [(String, String)] = []
        var unreadable = Self.hasEntityReference(text)
        guard text.count >= 3 else { return (named, unreadable) }
        for end in 0..<(text.count - 2) where text[end] == dot && text[end + 1] == m && text[end + 2] == d {
            // To the line's start or a `/`, however far: a byte that could
            // change the run may stand before the longest stem's length.
            var start = end
            while start > 0 {
                let byte = text[start - 1]
                if byte == UInt8(ascii: "/") { break }
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                    // cmark lets a backslash carry a `<…>` destination over a
                    // line break (`<a\⏎b.md>`), though the spec does not.
                    var before = start - 1
                    if byte == UInt8(ascii: "\n"), before > 0, text[before - 1] == UInt8(ascii: "\r") { before -= 1 }
                    if before > 0, text[before - 1] == UInt8(ascii: "\\") { unreadable = true }
                    break
                }
                if byte == UInt8(ascii: "\\") || byte == 0 || byte >= 0x80 {
                    unreadable = true
                    break
                }
                start -= 1
                guard end - start <= longestStem else { continue }
                let run = String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
                if let resolution = files[run] { named.append((run, resolution)) }
            }
        }
        return (named, unreadable)
    }

    /// Whether `text` holds what reads as an entity or numeric character
    /// reference (`&` and `#`, or a name of letters and digits and `;`): in
    /// CommonMark nothing else decodes, so a bare `&` (`R&D`, `?a=1&b=2`) is harmless.
    private static func hasEntityReference(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < text.count {
            defer { index += 1 }
            guard text[index] == UInt8(ascii: "&"), index + 1 < text.count else { continue }
            if text[index + 1] == UInt8(ascii: "#") { return true }
            var name = index + 1
            while name < text.count, (text[name] >= UInt8(ascii: "a") && text[name] <= UInt8(ascii: "z"))
                || (text[name] >= UInt8(ascii: "A") && text[name] <= UInt8(ascii: "Z"))
                || (text[name] >= UInt8(ascii: "0") && text[name] <= UInt8(ascii: "9")) {
                name += 1
            }
            if name > index + 1, name < text.count, text[name] == UInt8(ascii: ";") { return true }
        }
        return false
    }
}
