import Foundation

/// The default theme: the files of the repository's top-level `templates/`,
/// embedded into the binary at build time (Plugins/EmbedTheme), so a copied
/// `syllabus` builds a complete site on its own and `templates/` stays the
/// one copy. A site's `templates/<name>.mustache` replaces the template of
/// that name; `templates/assets/` adds to or replaces the assets.
public struct BuiltinTheme: Sendable {
    /// Path under `templates/` (`course.mustache`, `assets/style.css`) to its bytes.
    public let files: [String: Data]

    /// The theme this binary was built with.
    public static let embedded = BuiltinTheme(files: Dictionary(uniqueKeysWithValues: encodedFiles.map { file in
        // The build plugin wrote these strings with base64EncodedString(); they always decode.
        (file.path, Data(base64Encoded: file.base64)!)
    }))

    public init(files: [String: Data]) {
        self.files = files
    }

    /// Mustache templates by name (the file name without `.mustache`).
    var templates: [String: String] {
        var templates: [String: String] = [:]
        for (path, data) in files {
            if let name = Self.templateName(path) { templates[name] = String(decoding: data, as: UTF8.self) }
        }
        return templates
    }

    /// The template a path under `templates/` defines: `course.mustache` is
    /// `course`; files in subfolders are not templates.
    static func templateName(_ path: String) -> String? {
        guard path.hasSuffix(".mustache"), !path.contains("/") else { return nil }
        return String(path.dropLast(".mustache".count))
    }

    /// Files copied to `public/assets/`, by path under `assets/`.
    var assets: [String: Data] {
        var assets: [String: Data] = [:]
        for (path, data) in files where path.hasPrefix("assets/") {
            assets[String(path.dropFirst("assets/".count))] = data
        }
        return assets
    }
}
