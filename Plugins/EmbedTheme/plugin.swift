import Foundation
import PackagePlugin

/// Embeds the package's top-level `templates/` into the target that uses
/// this plugin (SyllabusKit) as `BuiltinTheme.encodedFiles`.
///
/// The command's inputs are every file (editing a template regenerates the
/// Swift file and rebuilds only what depends on it) and every folder, whose
/// modification time changes when a file is added or deleted: the input list
/// itself is only recomputed when SwiftPM re-plans the build, so ThemeEmbedder
/// walks the folder again itself rather than trusting this list. (Until that
/// re-plan, edits to a newly added file go unnoticed; `touch Package.swift`
/// forces one.)
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let templates = context.package.directoryURL.appendingPathComponent("templates", isDirectory: true)
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuiltinTheme+Files.swift")
        return [.buildCommand(
            displayName: "Embedding the built-in theme from templates/",
            executable: try context.tool(named: "ThemeEmbedder").url,
            arguments: [templates.path, output.path],
            inputFiles: try entries(under: templates),
            outputFiles: [output]
        )]
    }

    /// The folder, its subfolders and files; hidden ones are not embedded.
    private func entries(under folder: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil,
                                                          options: [.skipsHiddenFiles]) else { return [folder] }
        return [folder] + walker.compactMap { $0 as? URL }
    }
}
