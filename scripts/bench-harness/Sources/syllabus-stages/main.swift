// syllabus-stages ROOT OUTPUT: one build, then its stage timings as JSON on stdout.
import Foundation
import SyllabusKit

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: syllabus-stages ROOT OUTPUT\n".utf8))
    exit(2)
}
let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }
    ?? Int(Date().timeIntervalSince1970)
let options = BuildOptions(root: URL(fileURLWithPath: arguments[1]).standardizedFileURL,
                           output: URL(fileURLWithPath: arguments[2]).standardizedFileURL,
                           timestamp: epoch)
do {
    let summary = try SiteBuilder.build(options)
    let stages = summary.stages.map { "[\"\($0.name)\", \($0.seconds)]" }.joined(separator: ", ")
    print("{\"entries\": \(summary.entries), \"pages\": \(summary.pages), \"feeds\": \(summary.feeds), "
        + "\"seconds\": \(summary.seconds), \"stages\": [\(stages)]}")
} catch {
    FileHandle.standardError.write(Data("build failed: \(error)\n".utf8))
    exit(1)
}
