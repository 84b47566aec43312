/// `.syllabus-output`, written into every output folder a build swaps in: the
/// mark by which the next build knows the folder is Syllabus's to replace, and
/// the list of the files the build wrote. A dotfile that no page links to and
/// the sitemap leaves out; web servers usually refuse dotfiles anyway.
enum OutputManifest {
    static let name = ".syllabus-output"
    /// The first line; a folder is recognised by it, not by the name alone.
    static let header = "# Written by syllabus build. The next build replaces this folder; the files it holds:"

    static func text(paths: Set<String>) -> String {
        ([header] + paths.sorted()).joined(separator: "\n") + "\n"
    }

    /// Whether `folder` holds a manifest (a regular file, not a link) that starts with the header.
    static func isPresent(in folder: String) -> Bool {
        MarkFile.isPresent(name, in: folder, startingWith: header)
    }
}
