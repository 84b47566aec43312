#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reads `content/site.yml`.
enum SiteConfigLoader {
    static let path = "content/site.yml"
    static let knownKeys = ["title", "base_url", "timezone", "time", "language", "description", "organizer", "unsafe_html",
                            "logo", "accent", "footer", "feed_past_days", "page_size",
                            "currency", "register"]

    static func load(root: URL, baseURLOverride: String?, log: inout DiagnosticLog) -> SiteConfig? {
        var status = stat()
        guard lstat(root.appendingPathComponent(path).path, &status) == 0 || errno != ENOENT else {
            log.error(SourceLocation(path: path), "site settings are missing; create \(path) with at least 'title:' and 'base_url:'")
            return nil
        }
        guard let file = SourceFile.read(path, under: root, log: &log),
              let fields = YAMLFields.parse(file.text, file: path, firstLine: 1, log: &log) else { return nil }
        fields.warnUnknownKeys(known: knownKeys, severity: .error, log: &log)

        let title = fields.requiredString("title", example: "Training catalog", log: &log)
        var baseURL: BaseURL?
        if let override = baseURLOverride {
            baseURL = BaseURL(override)
            if baseURL == nil {
                log.error(SourceLocation.commandLine("--base-url"), "--base-url \(quoted: override) \(whyNot(override)); give one such as https://example.org/training/")
            }
        } else if let text = fields.requiredString("base_url", example: "https://training.example.org/", log: &log) {
            baseURL = BaseURL(text)
            if baseURL == nil {
                log.error(fields.valueLocation("base_url"), "'base_url': \(quoted: text) \(whyNot(text)); write e.g. https://example.org/training/")
            }
        }
        let timezone = fields.timezone("timezone", log: &log)
        let hours = fields.hours("time", log: &log)
        let language = fields.languageTag("language", log: &log)?.tag
        let description = fields.string("description", log: &log)
        let unsafeHTML = fields.bool("unsafe_html", log: &log) ?? false
        let currency = fields.currency("currency", log: &log)
        let register = fields.registerURL("register", log: &log)
        let pageSize = fields.wholeNumber("page_size", minimum: 1, log: &log) ?? SiteConfig.defaultPageSize
        let feedPastDays = fields.wholeNumber("feed_past_days", minimum: 0, log: &log) ?? 30
        var organizer: Organizer?
        if let nested = fields.fields("organizer", log: &log) {
            nested.warnUnknownKeys(known: ["name", "email"], severity: .error, log: &log)
            let name = nested.requiredString("name", example: "Training team", log: &log)
            let email = nested.string("email", log: &log)
            if let email, !isPlausibleEmail(email) {
                log.error(nested.valueLocation("email"), "'organizer.email': \(quoted: email) is not an e-mail address")
            }
            if let name { organizer = Organizer(name: name, email: email) }
        }
        let style = SiteStyle(logo: logo(fields, root: root, log: &log), accent: accent(fields, log: &log),
                              footer: fields.string("footer", log: &log)?.trimmingWhitespace(andNewlines: true))
        guard let title, let baseURL else { return nil }
        return SiteConfig(
            title: title,
            baseURL: baseURL,
            timezone: timezone ?? "UTC",
            hours: hours,
            language: language ?? "en",
            description: description,
            organizer: organizer,
            unsafeHTML: unsafeHTML,
            style: style,
            feedPastDays: feedPastDays,
            pageSize: pageSize,
            currency: currency,
            register: register
        )
    }

    /// Why `BaseURL` refused `text`, for the message.
    private static func whyNot(_ text: String) -> String {
        guard let character = BaseURL.characterNotAllowed(in: text.trimmingWhitespace()) else {
            return "is not an absolute http(s) URL"
        }
        if character == "%" { return "has a '%' that two hex digits do not follow (write a percent sign as %25)" }
        let shown = character == " " ? "a space" : "\(quoted: String(character))"
        return "contains \(shown), which a URL cannot hold unencoded (percent-encode it, e.g. %20)"
    }

    /// `logo: media/logo.svg`: a file that exists under `content/media/`.
    private static func logo(_ fields: YAMLFields, root: URL, log: inout DiagnosticLog) -> String? {
        guard let written = fields.string("logo", log: &log) else { return nil }
        guard let path = SafeURL.mediaOrWeb(written), path.hasPrefix("media/") else {
            log.error(fields.valueLocation("logo"), "'logo': \(quoted: written) must be a file under content/media/, e.g. logo: media/logo.svg")
            return nil
        }
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("content/\(path)").path) else {
            log.error(fields.valueLocation("logo"), "'logo': content/\(shown: path) does not exist; put the image there or correct the path")
            return nil
        }
        return path
    }

    private static func accent(_ fields: YAMLFields, log: inout DiagnosticLog) -> CSSColour? {
        guard let written = fields.string("accent", log: &log) else { return nil }
        guard let colour = CSSColour(written) else {
            log.error(fields.valueLocation("accent"), "'accent': \(quoted: written) is not a CSS colour; write e.g. accent: \"#0a6e5c\", rgb(10 110 92) or teal")
            return nil
        }
        return colour
    }

    private static func isPlausibleEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
    }
}
