import ArgumentParser
import Foundation

struct SiteOptions: ParsableArguments {
    @Option(help: "Folder that holds content/ and, optionally, templates/.")
    var root: String = "."

    var rootURL: URL { URL(fileURLWithPath: root).standardizedFileURL }
}
