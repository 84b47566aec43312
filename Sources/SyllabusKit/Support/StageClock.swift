#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// One stage of a build: its wall time and the processor time the whole
/// process spent meanwhile, whose ratio says how many cores the stage used.
public struct BuildStage: Sendable {
    public let name: String
    public let seconds: Double
    public let cpuSeconds: Double
    /// The process's peak resident memory at the end of the stage, in bytes:
    /// where it rises says which stage holds the memory.
    public let peakBytes: Int

    public var cores: Double { seconds > 0 ? cpuSeconds / seconds : 0 }
}

/// Wall-clock and processor time per build stage, for the summary and `make bench`.
struct StageClock {
    private let start = DispatchTime.now().uptimeNanoseconds
    private var last = DispatchTime.now().uptimeNanoseconds
    private var lastCPU = StageClock.usage().cpuSeconds
    private(set) var laps: [BuildStage] = []

    mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        let (cpu, peak) = StageClock.usage()
        laps.append(BuildStage(name: name, seconds: Double(now - last) / 1e9, cpuSeconds: cpu - lastCPU, peakBytes: peak))
        last = now
        lastCPU = cpu
    }

    var total: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

    #if canImport(Glibc)
    private static let RUSAGE_SELF_WHO = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
    private static let RUSAGE_SELF_WHO = RUSAGE_SELF
    #endif

    /// User and system time of every thread of the process so far, and its
    /// peak resident memory in bytes (`ru_maxrss` is kilobytes on Linux, bytes on macOS).
    private static func usage() -> (cpuSeconds: Double, peakBytes: Int) {
        var usage = rusage()
        guard getrusage(Self.RUSAGE_SELF_WHO, &usage) == 0 else { return (0, 0) }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        #if canImport(Darwin)
        let peak = Int(usage.ru_maxrss)
        #else
        let peak = Int(usage.ru_maxrss) * 1024
        #endif
        return (seconds(usage.ru_utime) + seconds(usage.ru_stime), peak)
    }
}
