import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The published catalog feed a build compares its events with: `SEQUENCE`,
/// `LAST-MODIFIED` and the tombstones of runs that are gone come from it.
enum PreviousFeed {
    /// `given` is `--previous-feed` (a file path or an http(s) URL); without
    /// it, the feed already in the output folder, if there is one. A feed that
    /// was asked for and cannot be read is an error: building on without it
    /// would quietly drop every cancellation.
    static func read(_ given: String?, output: URL, log: inout DiagnosticLog) -> (text: String, source: String)? {
        let option = SourceLocation.commandLine("--previous-feed")
        guard let given else {
            let url = output.appendingPathComponent(SitePaths.catalogFeed)
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            return decode(FileManager.default.contents(atPath: url.path), source: url.path,
                          at: SourceLocation(path: url.path), log: &log)
        }
        let lowered = given.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            guard let url = URL(string: given), url.host != nil else {
                log.error(option, "--previous-feed \"\(given)\" is not a valid URL")
                return nil
            }
            switch fetch(url) {
            case let .success(data): return decode(data, source: given, at: option, log: &log)
            case let .failure(problem):
                log.error(option, "--previous-feed \(given): \(problem.message)")
                return nil
            }
        }
        let path = URL(fileURLWithPath: given).standardizedFileURL.path
        guard let data = FileManager.default.contents(atPath: path) else {
            log.error(option, "--previous-feed \(given): no readable file there")
            return nil
        }
        return decode(data, source: path, at: option, log: &log)
    }

    private static func decode(_ data: Data?, source: String, at location: SourceLocation, log: inout DiagnosticLog) -> (text: String, source: String)? {
        guard let data, let text = String(data: data, encoding: .utf8) else {
            log.error(location, "the previous feed \(source) cannot be read as UTF-8 text")
            return nil
        }
        guard text.hasPrefix("BEGIN:VCALENDAR\r\n") else {
            log.error(location, "the previous feed \(source) is not an iCalendar feed (it does not start with BEGIN:VCALENDAR and CRLF)")
            return nil
        }
        return (text, source)
    }

    struct FetchProblem: Error {
        let message: String
    }

    /// One GET, waited for: the build is a straight line and cannot go on without it.
    private static func fetch(_ url: URL) -> Result<Data, FetchProblem> {
        final class Outcome: @unchecked Sendable {
            var result: Result<Data, FetchProblem> = .failure(FetchProblem(message: "no answer"))
        }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: 30)
        request.setValue("text/calendar", forHTTPHeaderField: "Accept")
        let session = URLSession(configuration: .ephemeral)
        let task = session.dataTask(with: request) { data, response, error in
            if let error {
                outcome.result = .failure(FetchProblem(message: error.localizedDescription))
            } else if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
                outcome.result = .failure(FetchProblem(message: "the server answered \(http.statusCode)"))
            } else {
                outcome.result = .success(data ?? Data())
            }
            done.signal()
        }
        task.resume()
        done.wait()
        session.finishTasksAndInvalidate()
        return outcome.result
    }
}
