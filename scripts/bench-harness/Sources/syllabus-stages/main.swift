// syllabus-stages ROOT OUTPUT: one build, then its stage timings as JSON on stdout.
// syllabus-stages --preview N COURSE ROOT OUTPUT: a preview's first build into OUTPUT, then N
// rebuilds, each after a title edit of ROOT/content/courses/COURSE.md (the file is put back at
// the end): the rebuilds of `syllabus serve` without its server and watcher, one JSON line each.
import Foundation
import SyllabusKit

var arguments = Array(CommandLine.arguments.dropFirst())
var edits = 0
var course = ""
if arguments.first == "--preview", arguments.count == 5, let count = Int(arguments[1]) {
    edits = count
    course = arguments[2]
    arguments = Array(arguments.dropFirst(3))
}
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: syllabus-stages [--preview N COURSE] ROOT OUTPUT\n".utf8))
    exit(2)
}
let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }
    ?? Int(Date().timeIntervalSince1970)
let root = URL(fileURLWithPath: arguments[0]).standardizedFileURL
var options = BuildOptions(root: root, output: URL(fileURLWithPath: arguments[1]).standardizedFileURL,
                           timestamp: epoch)

func report(_ summary: BuildSummary) {
    let stages = summary.stages.map { "[\"\($0.name)\", \($0.seconds)]" }.joined(separator: ", ")
    print("{\"entries\": \(summary.entries), \"pages\": \(summary.pages), \"feeds\": \(summary.feeds), "
        + "\"seconds\": \(summary.seconds), \"changed\": \(summary.changed?.count ?? -1), \"stages\": [\(stages)]}")
}

do {
    if edits == 0 {
        report(try SiteBuilder.build(options))
    } else {
        let file = root.appendingPathComponent("content/courses/\(course).md")
        let original = try String(contentsOf: file, encoding: .utf8)
        defer { try? original.write(to: file, atomically: true, encoding: .utf8) }
        guard let title = original.split(separator: "\n").first(where: { $0.hasPrefix("title:") }) else {
            FileHandle.standardError.write(Data("\(file.path) has no title line\n".utf8))
            exit(2)
        }
        options.serveScript = "<!-- syllabus:live-reload -->"
        let preview = PreviewRebuild()
        report(try SiteBuilder.build(options, preview: preview))
        for edit in 1...edits {
            let renamed = title.hasSuffix("\"") ? title.dropLast() + " \(edit)\"" : title + " \(edit)"
            try original.replacingOccurrences(of: String(title), with: String(renamed)).write(to: file, atomically: true, encoding: .utf8)
            report(try SiteBuilder.build(options, preview: preview))
        }
    }
} catch {
    FileHandle.standardError.write(Data("build failed: \(error)\n".utf8))
    exit(1)
}
