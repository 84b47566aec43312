import Testing
@testable import SyllabusKit

@Suite struct PercentEncodingTests {
    @Test func escapesAllButUnreservedBytes() {
        #expect(PercentEncoding.queryValue("AZaz09-._~") == "AZaz09-._~")
        #expect(PercentEncoding.queryValue("webcal://x.org/a b?c=d&e") == "webcal%3A%2F%2Fx.org%2Fa%20b%3Fc%3Dd%26e")
        #expect(PercentEncoding.queryValue("Malmö 🎓") == "Malm%C3%B6%20%F0%9F%8E%93")
        #expect(PercentEncoding.queryValue("") == "")
    }
}
