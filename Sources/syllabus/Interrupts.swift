import Foundation
import SyllabusKit

/// Ctrl-C, `kill` and a closed terminal end a build without leaving its
/// staging folder beside the output. The handlers run on a dispatch queue,
/// not in signal context, so the cleanup may take locks and remove folders.
enum Interrupts {
    static func removeStagingOnSignal() -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM, SIGHUP].map { signo in
            signal(signo, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signo, queue: .global())
            source.setEventHandler {
                BuildInterruption.removeStaging()
                Terminal.error("interrupted; the build was stopped and the previous output was left as it was")
                // The conventional status of a process ended by a signal.
                _exit(128 + signo)
            }
            source.resume()
            return source
        }
    }
}
