import Foundation

/// An ISO 4217 code of a currency in use, e.g. `EUR`, `SEK`.
public struct CurrencyCode: Sendable, Hashable, CustomStringConvertible {
    public let code: String

    /// Accepts a code of a currency in circulation, in any case (`eur` is `EUR`).
    init?(_ text: String) {
        let upper = text.trimmingWhitespace().uppercased()
        guard Self.active.contains(upper) else { return nil }
        code = upper
    }

    public var description: String { code }

    /// Foundation's (ICU's) list of currencies in circulation: it leaves out
    /// withdrawn ones (DEM, FRF) and the fund and metal codes (XAU, XXX),
    /// none of which a course is paid in. Read once per process.
    static let active: Set<String> = Set(Locale.commonISOCurrencyCodes)
}

/// What one attendee pays for a run.
public enum Price: Sendable, Hashable {
    case free
    /// A positive amount, exact as written (`950.50` stays 950.50, never 950.4999).
    case amount(Decimal, CurrencyCode)

    public var isFree: Bool { self == .free }

    public var currency: CurrencyCode? {
        if case let .amount(_, currency) = self { return currency }
        return nil
    }

    public var amount: Decimal {
        if case let .amount(value, _) = self { return value }
        return 0
    }

    /// The lowest of `prices`: free beats any amount; amounts compare within
    /// the currency most of them use (the first such on a tie), because
    /// €900 and 9,000 kr cannot be ranked without an exchange rate.
    static func lowest(of prices: [Price]) -> Price? {
        if prices.contains(.free) { return .free }
        var counts: [CurrencyCode: Int] = [:]
        var order: [CurrencyCode] = []
        for case let .amount(_, currency) in prices {
            if counts[currency] == nil { order.append(currency) }
            counts[currency, default: 0] += 1
        }
        guard let currency = order.max(by: { counts[$0]! < counts[$1]! || (counts[$0]! == counts[$1]! && order.firstIndex(of: $0)! > order.firstIndex(of: $1)!) })
        else { return nil }
        return prices.filter { $0.currency == currency }.min { $0.amount < $1.amount }
    }
}
