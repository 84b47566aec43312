/// The data names the built-in theme's templates use, read from their tags,
/// and the check of a site's own templates against them.
///
/// The built-in templates use exactly the names `docs/templates.md` lists, and
/// each is a field of the typed page data the template is rendered with (both
/// kept so by tests), so their names are the names a page has. A site's
/// override that uses a name none of them uses renders it as nothing,
/// silently; this check says so where it is.
struct TemplateVariables: Sendable {
    /// Built-in template name to its scanned tags.
    let builtin: [String: TemplateStructure]

    init(builtin: [String: TemplateStructure]) {
        self.builtin = builtin
    }

    /// Names the built-in template `name` can see: its own, those of the
    /// templates it includes (partials and its base, transitively), and those of
    /// every template that includes it, since a partial renders inside its
    /// includer's data and can name anything there. `nil` when the theme has no
    /// template of that name.
    func known(for name: String) -> Set<String>? {
        guard builtin[name] != nil else { return nil }
        var names = Set<String>()
        for template in includers(of: name).union([name]) { names.formUnion(namesIncluded(from: template)) }
        return names
    }

    /// Every name any built-in template uses: what a brand-new partial, which
    /// may be included from any page, is checked against.
    var all: Set<String> {
        Set(builtin.values.flatMap { $0.variables.compactMap(\.lookupName) })
    }

    /// Warns at each tag of the site's template `name` whose name the page
    /// cannot have, with the closest known name when one is close.
    func check(_ name: String, _ structure: TemplateStructure, path: String, log: inout DiagnosticLog) {
        let known = known(for: name) ?? all
        let candidates = known.sorted()
        for variable in structure.variables {
            guard let lookup = variable.lookupName, !known.contains(lookup) else { continue }
            let hint = Suggestion.closest(to: lookup, among: candidates).map { "; did you mean '\($0)'?" }
                ?? "; docs/templates.md lists the variables of each template"
            log.warning(SourceLocation(path: path, line: variable.line, column: variable.column),
                        "'\(variable.tag)' is not a variable of this page\(hint)")
        }
    }

    /// Names used by `name` and every template it includes, transitively.
    private func namesIncluded(from name: String) -> Set<String> {
        var names = Set<String>()
        var seen = Set<String>(), pending = [name]
        while let next = pending.popLast() {
            guard seen.insert(next).inserted, let structure = builtin[next] else { continue }
            names.formUnion(structure.variables.compactMap(\.lookupName))
            pending += structure.includes.map(\.name)
        }
        return names
    }

    /// Templates that include `name`, directly or through others.
    private func includers(of name: String) -> Set<String> {
        var found = Set<String>(), pending = [name]
        while let next = pending.popLast() {
            for (candidate, structure) in builtin where structure.includes.contains(where: { $0.name == next }) {
                if found.insert(candidate).inserted { pending.append(candidate) }
            }
        }
        return found
    }
}
