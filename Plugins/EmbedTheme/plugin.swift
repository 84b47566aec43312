import Foundation
import PackagePlugin

/// Embeds the package's top-level `templates/` into the target that uses
/// this plugin (SyllabusKit) as `BuiltinTheme.encodedFiles`. Every file of the
/// folder is an input of the command, so editing a template regenerates the
/// Swift file and rebuilds only what depends on it.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let templates = context.package.directoryURL.appendingPathComponent("templates", isDirectory: true)
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuiltinTheme+Files.swift")
        return [.buildCommand(
            displayName: "Embedding the built-in theme from templates/",
            executable: try context.tool(named: "ThemeEmbedder").url,
            arguments: [templates.path, output.path],
            inputFiles: try files(under: templates),
            outputFiles: [output]
        )]
    }

    private func files(under folder: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else { return [] }
        var found: [URL] = []
        for case let url as URL in walker where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            found.append(url)
        }
        return found
    }
}
