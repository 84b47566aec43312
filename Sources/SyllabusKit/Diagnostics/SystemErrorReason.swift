import Foundation

/// The short reason a file operation failed ("File name too long",
/// "Permission denied"), for a message that already names the file:
/// Foundation's own description is a dump such as
/// `Error Domain=NSCocoaErrorDomain Code=514 … UserInfo={…}`.
enum SystemErrorReason {
    /// Cocoa codes that come without an errno on Linux.
    private static let cocoaReasons: [Int: String] = [
        CocoaError.fileNoSuchFile.rawValue: "No such file or directory",
        CocoaError.fileReadNoPermission.rawValue: "Permission denied",
        CocoaError.fileWriteNoPermission.rawValue: "Permission denied",
        CocoaError.fileWriteInvalidFileName.rawValue: "the file name is not valid here",
        CocoaError.fileWriteFileExists.rawValue: "File exists",
        CocoaError.fileWriteOutOfSpace.rawValue: "No space left on device",
        CocoaError.fileWriteUnknown.rawValue: "a file stands where a folder is needed, or the folder cannot be written",
    ]

    static func of(_ error: any Error) -> String {
        var current = error as NSError
        // Foundation wraps the system's errno in a Cocoa error; the errno says it best.
        while current.domain != NSPOSIXErrorDomain, let underlying = current.userInfo[NSUnderlyingErrorKey] as? NSError {
            current = underlying
        }
        if current.domain == NSPOSIXErrorDomain, let text = strerror(Int32(current.code)) {
            return String(cString: text)
        }
        if current.domain == NSCocoaErrorDomain, let reason = cocoaReasons[current.code] { return reason }
        return QuotedValue.cut(QuotedValue.escaped(current.localizedDescription), limit: 200)
    }
}
