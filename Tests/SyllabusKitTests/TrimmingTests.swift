import Foundation
import Testing
@testable import SyllabusKit

struct TrimmingTests {
    /// The same answers as Foundation, which the loader used before.
    @Test(arguments: ["", " ", "a", "  a b  ", "\ta\t", "\u{A0}x\u{3000}", "\n a \n", "\r\n\u{85}x\u{2028}\u{2029}", " é ", "\u{200B}z\u{200B}"])
    func matchesFoundation(_ text: String) {
        #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces))
        #expect(text.trimmingWhitespace(andNewlines: true) == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text[...].trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces))
    }
}

extension TrimmingTests {
    /// Every character of the Basic Multilingual Plane, at both ends.
    @Test func agreesWithFoundationOnEveryBMPCharacter() {
        var disagreements: [String] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "\(scalar)x\(scalar)"
            if text.trimmingWhitespace() != text.trimmingCharacters(in: .whitespaces)
                || text.trimmingWhitespace(andNewlines: true) != text.trimmingCharacters(in: .whitespacesAndNewlines) {
                disagreements.append(String(value, radix: 16))
            }
        }
        #expect(disagreements == [])
    }
}
