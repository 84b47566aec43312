// Syllabus: tests of the patch described in Vendor/FlyingFox/SYLLABUS.md.

@testable import FlyingFox
import FlyingSocks
import Foundation
import Testing

struct SyllabusPatchTests {

    private func decode(_ text: String, lineLimit: Int = .max, headerLimit: Int = .max) async throws -> HTTPRequest {
        var decoder = HTTPDecoder.make()
        decoder.maxRequestLineLength = lineLimit
        decoder.maxHeaderLength = headerLimit
        return try await decoder.decodeRequest(from: ConsumingAsyncSequence(Data(text.utf8)))
    }

    @Test
    func longLines_AreReadInLinearTime() async throws {
        // 0.27.1 copied the line collected so far after every byte: minutes for this.
        let started = ContinuousClock.now
        let request = try await decode("GET /\(String(repeating: "a", count: 200_000)) HTTP/1.1\r\nX-Big: \(String(repeating: "b", count: 200_000))\r\n\r\n")
        #expect(request.path.count == 200_001)
        #expect(request.headers[HTTPHeader("X-Big")]?.count == 200_000)
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test
    func requestLine_PastTheLimit_Is414() async throws {
        let line = "GET /\(String(repeating: "a", count: 90)) HTTP/1.1" // 104 bytes
        let request = try await decode("\(line)\r\n\r\n", lineLimit: 105)
        #expect(request.method == .GET)
        await #expect {
            try await decode("\(line)\r\n\r\n", lineLimit: 103)
        } throws: { ($0 as? HTTPDecoder.RequestTooLarge)?.statusCode == .uriTooLong }
    }

    @Test
    func headers_PastTheLimit_Are431() async throws {
        let headers = (0..<10).map { "X-\($0): \(String(repeating: "v", count: 10))\r\n" }.joined() // 10 x 17 bytes
        let request = try await decode("GET / HTTP/1.1\r\n\(headers)\r\n", headerLimit: 170)
        #expect(request.headers[HTTPHeader("X-9")] == "vvvvvvvvvv")
        await #expect {
            try await decode("GET / HTTP/1.1\r\n\(headers)\r\n", headerLimit: 169)
        } throws: { ($0 as? HTTPDecoder.RequestTooLarge)?.statusCode == .requestHeaderFieldsTooLarge }
        await #expect {
            try await decode("GET / HTTP/1.1\r\nX-Big: \(String(repeating: "b", count: 1_000_000))\r\n\r\n", headerLimit: 1_000)
        } throws: { ($0 as? HTTPDecoder.RequestTooLarge)?.statusCode == .requestHeaderFieldsTooLarge }
    }
}
