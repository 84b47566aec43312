import ArgumentParser

@main
struct Syllabus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "syllabus",
        abstract: "Publishes a training catalog: course pages, day pages and calendar feeds from Markdown.",
        version: "0.1.0, tz data \(Environment.zones.version)",
        subcommands: [Build.self, Check.self, Serve.self, New.self],
        defaultSubcommand: nil
    )
}
