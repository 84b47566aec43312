import Foundation

/// Prices as the site's language writes them: `€1,800` in English,
/// `1 800 kr` in Swedish (ICU's data, fixed for a given toolchain, so the
/// output is the same on every build). Whole amounts drop their decimals;
/// others show two (three for the currencies written with three).
struct PriceText: Sendable {
    let locale: Locale

    init(language: String) {
        locale = Locale(identifier: language)
    }

    func text(_ price: Price) -> String {
        switch price {
        case .free:
            return "Free"
        case let .amount(amount, currency):
            var rounded = Decimal(), value = amount
            NSDecimalRound(&rounded, &value, 0, .plain)
            let decimals = rounded == amount ? 0 : Self.threeDecimalCurrencies.contains(currency.code) ? 3 : 2
            return amount.formatted(.currency(code: currency.code).locale(locale).precision(.fractionLength(decimals)))
        }
    }

    /// ISO 4217 currencies with three minor digits.
    private static let threeDecimalCurrencies: Set<String> = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]
}
