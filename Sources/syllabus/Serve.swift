import ArgumentParser
import Foundation
import SyllabusKit
import SyllabusPreview

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve the site under its base path, and rebuild and reload on every change."
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port: UInt16 = 8000

    @Flag(help: "Include entries marked draft: true.")
    var drafts = false

    func run() async throws {
        let server = PreviewServer(
            options: .init(root: site.rootURL, host: host, port: port, includeDrafts: drafts),
            log: { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
        )
        let task = Task { try await server.run() }
        // Ctrl-C, SIGTERM and a closed terminal stop the server cleanly and remove its build folder.
        let signals = [SIGINT, SIGTERM, SIGHUP].map { signo -> DispatchSourceSignal in
            signal(signo, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signo, queue: .main)
            source.setEventHandler { task.cancel() }
            source.resume()
            return source
        }
        defer { signals.forEach { $0.cancel() } }
        do {
            try await task.value
        } catch is CancellationError {
        } catch let error as CustomStringConvertible {
            Terminal.error(error.description)
            throw ExitCode.failure
        }
        FileHandle.standardError.write(Data("Stopped.\n".utf8))
    }
}
