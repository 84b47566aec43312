import Foundation
import Mustache

/// The templates and assets of a build: the built-in ones, each replaced by
/// the site's own `templates/<name>.mustache` and `templates/assets/…` where
/// the site has one.
struct TemplateSet: Sendable {
    let library: MustacheLibrary
    /// Asset path under `assets/` to its bytes.
    let assets: [String: Data]
    /// Changes whenever a template or asset does; the same in every process,
    /// so a page's record of what it was rendered from outlives the build.
    let digest: Fingerprint
    /// `digest` as a fingerprint part of `syllabus serve`'s page keys.
    var fingerprint: Int { Int(truncatingIfNeeded: digest.low) }
    /// `entry-card` cut where it can name the card's instructors: an
    /// instructor's page, whose cards leave that instructor out, renders only
    /// those runs and reuses the rest of each card from the other pages.
    let cardSegments: [MustacheSegment]
    /// Each template's last page size, shared by the copies of this set.
    let sizes = RenderedSizes()

    /// `theme` is the binary's own unless a test needs another.
    static func load(root: URL, theme: BuiltinTheme = .embedded, log: inout DiagnosticLog) -> TemplateSet? {
        HTMLEscaping.registered
        var sources: [String: (text: String, path: String)] = [:]
        // A template that cannot be listed or read fails the build: building
        // without it would silently fall back to the built-in one.
        var failed = false
        let errorsBefore = log.entries.count
        for (name, text) in theme.templates {
            // The pragma is prepended rather than written in each template so
            // that line numbers of built-in templates stay as they read.
            sources[name] = (HTMLEscaping.pragma + text, builtinPath(name))
        }
        let folder = "templates"
        let templatePaths = SourceFolder.files(in: folder, root: root, presence: .optional,
                                               accept: { BuiltinTheme.templateName($0) != nil }, log: &log)
        for relative in templatePaths {
            guard let file = SourceFile.read(relative, under: root, log: &log),
                  let name = BuiltinTheme.templateName(String(relative.dropFirst(folder.count + 1))) else { continue }
            sources[name] = (file.text, relative)
        }

        // Before the engine parses (recursively) or renders (following
        // includes): cycles and deep nesting would run its stack out.
        let structures = sources.mapValues { TemplateStructure($0.text) }
        if !TemplateNesting.check(structures, paths: sources.mapValues(\.path), log: &log) { failed = true }
        var library = MustacheLibrary()
        for name in sources.keys.sorted() {
            let source = sources[name]!
            if let structure = structures[name], structure.depth > TemplateNesting.maximumDepth { continue }
            do {
                library.register(try MustacheTemplate(string: source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                failed = true
                log.error(SourceLocation(path: source.path, line: error.context.lineNumber, column: error.context.columnNumber),
                          "template '\(name)' does not parse: \(describe(error.error))")
            } catch {
                failed = true
                log.error(SourceLocation(path: source.path), "template '\(name)' does not parse: \(error)")
            }
        }

        var assets: [String: Data] = [:]
        for (name, data) in theme.assets { assets[name] = data }
        for path in SourceFolder.tree(under: "\(folder)/assets", root: root, log: &log) {
            if let data = SourceFile.bytes("\(folder)/assets/\(path)", under: root, log: &log) { assets[path] = data }
        }
        if log.entries.count > errorsBefore { failed = true }  // a listing or read error
        // Warnings only, so after the count above: a misspelt name renders as
        // nothing, which is worth saying but is no reason to stop a build.
        // Templates that fail already are left to their errors.
        if !failed {
            let variables = TemplateVariables(builtin: theme.templates.mapValues { TemplateStructure($0) })
            for name in sources.keys.sorted() where sources[name]!.path != builtinPath(name) {
                variables.check(name, structures[name]!, path: sources[name]!.path, log: &log)
            }
        }
        var hasher = FingerprintHasher()
        for name in sources.keys.sorted() { hasher.combine(name); hasher.combine(sources[name]!.text) }
        for name in assets.keys.sorted() {
            hasher.combine(name)
            assets[name]!.withUnsafeBytes { hasher.combine($0) }
        }
        guard !failed else { return nil }
        let cardSegments = library.getTemplate(named: "entry-card")?.segments(varyingWith: EntryCard.instructorFields) ?? []
        return TemplateSet(library: library, assets: assets, digest: hasher.finalize(), cardSegments: cardSegments)
    }

    /// Where an error in a built-in template points. The site has no such
    /// file, so the path is marked as built in; it names the file the binary
    /// was built from (the repository's `templates/<name>.mustache`), which is
    /// also where `syllabus new theme` puts the copy a site can fix.
    static func builtinPath(_ name: String) -> String {
        "(built-in) templates/\(name).mustache"
    }

    /// Renders the template `name` with `data`, through the one edge from
    /// typed page data to Mustache values; pages only ask for names that exist.
    func render(_ name: String, _ data: some Encodable) -> String {
        page(name, data).render()
    }

    /// A whole page of the template `name` with `data`, to be rendered or,
    /// when its fingerprint says nothing changed, linked from the last build.
    func page(_ name: String, _ data: some Encodable) -> TemplatePage {
        TemplatePage(name: name, frame: TemplateEncoder.frame(data), library: library, sizes: sizes)
    }

    /// An entry card rendered a run of `entry-card` at a time, noting where each starts.
    func renderCard(_ card: EntryCard) -> RenderedCard {
        let frame = TemplateEncoder.frame(card)
        var html = ""
        var starts: [Int] = []
        starts.reserveCapacity(cardSegments.count)
        for segment in cardSegments {
            starts.append(html.utf8.count)
            html += segment.template.render(frame, library: library)
        }
        return RenderedCard(html: html, starts: starts)
    }

    /// `card` as `entry-card` renders it, given `shared`, a card that differs
    /// from it only in the instructors: the runs that do not name them are
    /// taken from `shared`, the others rendered.
    func renderCard(_ card: EntryCard, sharing shared: RenderedCard) -> String {
        let frame = TemplateEncoder.frame(card)
        var html = ""
        html.reserveCapacity(shared.html.utf8.count)
        for (number, segment) in cardSegments.enumerated() {
            if segment.varies {
                html += segment.template.render(frame, library: library)
            } else {
                html += shared.run(number)
            }
        }
        return html
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a closing {{/…}} tag does not match the section it closes"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section {{#…}} is never closed with {{/…}}"
        case .invalidSetDelimiter: return "a set-delimiter tag is malformed"
        default: return "\(error)"
        }
    }
}
