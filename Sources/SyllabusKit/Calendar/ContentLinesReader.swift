/// Reads back content lines: splits on CRLF only (a TEXT value may hold
/// U+2028 or a bare CR, which Swift counts as line breaks) and unfolds
/// continuation lines.
enum ContentLinesReader {
    static func unfold(_ text: String) -> [String] {
        unfoldNumbered(text).map(\.line)
    }

    /// Logical lines with the number of the physical line each starts on.
    static func unfoldNumbered(_ text: String) -> [(number: Int, line: String)] {
        var lines: [(number: Int, line: String)] = []
        var text = text
        // On bytes: a previous catalog feed is 16 MB at 10,000 courses, and a
        // Character split of it ("\r\n" is one Character, so that split was
        // needed) took a second. CR LF is always a grapheme break of its own,
        // so splitting the bytes at CR LF gives the same lines.
        text.withUTF8 { bytes in
            var number = 0, start = 0, index = 0
            var pending: [UInt8] = [], pendingNumber = 0, hasPending = false
            func flush() {
                if hasPending { lines.append((pendingNumber, String(decoding: pending, as: UTF8.self))) }
                hasPending = false
            }
            func physical(_ range: Range<Int>) {
                number += 1
                guard !range.isEmpty else { return }
                let first = bytes[range.lowerBound]
                if first == 0x20 || first == 0x09, hasPending {
                    pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(range.lowerBound + 1)..<range.upperBound]))
                } else {
                    flush()
                    pending.removeAll(keepingCapacity: true)
                    pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
                    pendingNumber = number
                    hasPending = true
                }
            }
            while index + 1 < bytes.count {
                if bytes[index] == 0x0D, bytes[index + 1] == 0x0A {
                    physical(start..<index)
                    index += 2
                    start = index
                } else {
                    index += 1
                }
            }
            physical(start..<bytes.count)
            flush()
        }
        return lines
    }
}
