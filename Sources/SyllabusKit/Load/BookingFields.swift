import Foundation

/// A price as written, before the currency of its run is known: a bare
/// number takes `currency` from the run, the course or `site.yml`.
struct WrittenPrice: Sendable {
    enum Value: Sendable { case free, amount(Decimal, CurrencyCode?) }
    let value: Value
    /// Where the price stands, for "no currency" errors.
    let location: SourceLocation
    let name: String

    /// The price with `currency` filled in, or `nil` and an error when no currency is known.
    func resolved(currency: CurrencyCode?, log: inout DiagnosticLog) -> Price? {
        switch value {
        case .free:
            return .free
        case let .amount(amount, own):
            guard let currency = own ?? currency else {
                log.error(location, "'\(name)': \(amount) has no currency; add currency: EUR (ISO 4217) to the run, the course or site.yml, or write price: {amount: \(amount), currency: EUR}")
                return nil
            }
            return .amount(amount, currency)
        }
    }
}

/// The booking keys of one mapping (a course file's top level, or one entry
/// of `runs:`), each `nil` when absent so the next level down can inherit.
struct WrittenBooking: Sendable {
    var price: WrittenPrice?
    var currency: CurrencyCode?
    var register: String?
    var status: RunStatus?
    var seats: Int?
    var mode: DeliveryMode?

    static let keys = ["price", "currency", "register", "status", "seats", "mode"]

    init(price: WrittenPrice? = nil, currency: CurrencyCode? = nil, register: String? = nil,
         status: RunStatus? = nil, seats: Int? = nil, mode: DeliveryMode? = nil) {
        self.price = price
        self.currency = currency
        self.register = register
        self.status = status
        self.seats = seats
        self.mode = mode
    }

    /// Reads the keys from `fields`; every mistake is an error at its value.
    init(_ fields: YAMLFields, log: inout DiagnosticLog) {
        price = fields.price("price", log: &log)
        currency = fields.currency("currency", log: &log)
        register = fields.registerURL("register", log: &log)
        status = fields.choice("status", of: RunStatus.self, log: &log)
        seats = fields.seats("seats", log: &log)
        mode = fields.choice("mode", of: DeliveryMode.self, log: &log)
    }

    /// This level's values, the `outer` level's where this one is silent.
    func over(_ outer: WrittenBooking) -> WrittenBooking {
        WrittenBooking(price: price ?? outer.price, currency: currency ?? outer.currency, register: register ?? outer.register,
                       status: status ?? outer.status, seats: seats ?? outer.seats, mode: mode ?? outer.mode)
    }

    /// The booking of a run; `reported` keeps one "no currency" error per
    /// price when several runs inherit the same one.
    func booking(site: SiteConfig?, reported: inout Set<SourceLocation>, log: inout DiagnosticLog) -> Booking? {
        var resolved: Price?
        if let price {
            var errors = DiagnosticLog()
            resolved = price.resolved(currency: currency ?? site?.currency, log: &errors)
            if errors.hasErrors {
                if reported.insert(price.location).inserted { log.merge(errors) }
                return nil
            }
        }
        return Booking(price: resolved, currency: currency ?? site?.currency, register: register ?? site?.register,
                       writtenStatus: status ?? .scheduled, seats: seats, mode: mode ?? .onsite)
    }
}

extension YAMLFields {
    /// One of a fixed set of words (`status: full`), with "did you mean" and the allowed values.
    func choice<Value: RawRepresentable & CaseIterable>(_ key: String, of type: Value.Type, log: inout DiagnosticLog) -> Value?
    where Value.RawValue == String {
        guard let text = string(key, log: &log) else { return nil }
        let word = text.trimmingWhitespace()
        if let value = Value(rawValue: word.lowercased()) { return value }
        let allowed = Value.allCases.map(\.rawValue)
        let hint = Suggestion.closest(to: word, among: allowed).map { "did you mean \($0)? " } ?? ""
        log.error(valueLocation(key), "'\(name(key))': unknown value \"\(text)\"; \(hint)use one of \(allowed.joined(separator: ", "))")
        return nil
    }

    /// An ISO 4217 code of a currency in use.
    func currency(_ key: String, log: inout DiagnosticLog) -> CurrencyCode? {
        guard let text = string(key, log: &log) else { return nil }
        if let code = CurrencyCode(text) { return code }
        // Any three letters are two edits from some code: suggest only a one-letter slip (EURO, SKE).
        let written = Array(text.trimmingWhitespace().uppercased())
        let hint = CurrencyCode.active.sorted().first { Suggestion.editDistance(written, Array($0)) == 1 }
            .map { "did you mean \($0)? " } ?? ""
        log.error(valueLocation(key), "'\(name(key))': \"\(text)\" is not an ISO 4217 currency code in use; \(hint)write e.g. EUR, SEK or USD")
        return nil
    }

    /// `1800`, `950.50`, `free`, or `{amount: 1800, currency: EUR}`.
    func price(_ key: String, log: inout DiagnosticLog) -> WrittenPrice? {
        guard let value = node(key), has(key) else { return nil }
        let at = valueLocation(key)
        if let nested = value.mapping.map({ YAMLFields(file: file, lineOffset: lineOffset, mapping: $0, location: at, context: name(key)) }) {
            nested.warnUnknownKeys(known: ["amount", "currency"], log: &log)
            guard nested.has("amount") else {
                log.error(at, "'\(name(key))' needs an amount, e.g. {amount: 1800, currency: EUR}")
                return nil
            }
            guard let amount = nested.amount("amount", log: &log) else { return nil }
            var currency: CurrencyCode?
            if nested.has("currency") {
                guard let code = nested.currency("currency", log: &log) else { return nil }
                currency = code
            }
            return WrittenPrice(value: amount == 0 ? .free : .amount(amount, currency), location: at, name: name(key))
        }
        if let scalar = value.scalar, scalar.string.trimmingWhitespace().lowercased() == "free" {
            return WrittenPrice(value: .free, location: at, name: name(key))
        }
        guard let amount = amount(key, log: &log) else { return nil }
        return WrittenPrice(value: amount == 0 ? .free : .amount(amount, nil), location: at, name: name(key))
    }

    /// A non-negative decimal number with at most three decimals, written plainly.
    func amount(_ key: String, log: inout DiagnosticLog) -> Decimal? {
        guard let text = string(key, log: &log) else { return nil }
        let written = text.trimmingWhitespace()
        let parts = written.split(separator: ".", omittingEmptySubsequences: false)
        let digits = { (part: Substring) in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
        if parts.count <= 2, digits(parts[0]), parts.count == 1 || (digits(parts[1]) && parts[1].count <= 3),
           let amount = Decimal(string: written, locale: Locale(identifier: "en_US_POSIX")) {
            return amount
        }
        let why: String
        if written.hasPrefix("-") {
            why = "a price cannot be negative"
        } else if written.contains(",") || written.contains(" ") {
            why = "write it without thousands separators, with a point for decimals, e.g. 1800 or 950.50"
        } else if written.contains(where: \.isLetter) || written.contains(where: { "€$£¥".contains($0) }) {
            why = "write the number alone and the currency in currency:, e.g. price: 1800 and currency: EUR, or price: free"
        } else {
            why = "write a number such as 1800 or 950.50, or free"
        }
        log.error(valueLocation(key), "'\(name(key))': \"\(text)\" is not a price; \(why)")
        return nil
    }

    /// A whole number of places, 0 or more.
    func seats(_ key: String, log: inout DiagnosticLog) -> Int? {
        guard let text = string(key, log: &log) else { return nil }
        let written = text.trimmingWhitespace()
        if !written.isEmpty, written.allSatisfy({ $0.isASCII && $0.isNumber }), let count = Int(written) { return count }
        let why = written.hasPrefix("-") ? "it cannot be negative"
            : written.contains(".") || written.contains(",") ? "places are counted in whole numbers"
            : "write how many places are left"
        log.error(valueLocation(key), "'\(name(key))': \"\(text)\" is not a whole number of places; \(why), e.g. seats: 4 (0 means full)")
        return nil
    }

    /// Where to book: an absolute http(s) URL or a `mailto:` address.
    func registerURL(_ key: String, log: inout DiagnosticLog) -> String? {
        guard let text = string(key, log: &log) else { return nil }
        if let web = SafeURL.web(text) { return web }
        if let mail = SafeURL.mailto(text) { return mail }
        log.error(valueLocation(key), "'\(name(key))': \"\(text)\" is not a booking link; use an absolute https:// URL or mailto:address@example.org")
        return nil
    }

    /// A BCP 47 language tag.
    func languageTag(_ key: String, log: inout DiagnosticLog) -> LanguageTag? {
        guard let text = string(key, log: &log) else { return nil }
        if let tag = LanguageTag(text) { return tag }
        let hint = LanguageTag(text.replacingOccurrences(of: "_", with: "-")).map { "did you mean \($0)? " } ?? ""
        log.error(valueLocation(key), "'\(name(key))': \"\(text)\" is not a BCP 47 language tag; \(hint)write e.g. en, sv or de-CH")
        return nil
    }
}
