/// The rules that keep rendering a finite, shallow recursion: no template
/// includes itself (directly or through others), every included template
/// exists, and sections nest at most `maximumDepth` deep, counted through
/// includes.
enum TemplateNesting {
    /// Far beyond any page layout (the built-in ones nest 4 deep), and far
    /// below the depth at which the engine's recursion runs out of stack on
    /// a build thread.
    static let maximumDepth = 100

    /// Reports every broken rule at the tag that breaks it; `true` when none is.
    /// `paths` names each template's file for messages.
    static func check(_ structures: [String: TemplateStructure], paths: [String: String], log: inout DiagnosticLog) -> Bool {
        var walk = Walk(structures: structures, paths: paths)
        for name in structures.keys.sorted() { _ = walk.depth(of: name) }
        log.merge(walk.log)
        return !walk.log.hasErrors
    }

    private struct Walk {
        let structures: [String: TemplateStructure]
        let paths: [String: String]
        var log = DiagnosticLog()
        /// Effective depth of each template already walked.
        var done: [String: Int] = [:]
        /// Templates being walked, outermost first: an include of one of them is a cycle.
        var stack: [String] = []

        /// Deepest nesting rendering `name` reaches, its includes' included;
        /// `nil` when `name` is being walked already (a cycle).
        mutating func depth(of name: String) -> Int? {
            if let known = done[name] { return known }
            if stack.contains(name) { return nil }
            guard let structure = structures[name] else { return 0 }
            let path = paths[name] ?? name
            stack.append(name)
            defer { stack.removeLast() }
            var deepest = structure.depth
            if structure.depth > maximumDepth {
                log.error(SourceLocation(path: path, line: structure.deepestLine, column: structure.deepestColumn),
                          "template '\(name)' nests sections \(structure.depth) deep here; at most \(maximumDepth) are allowed")
            }
            for include in structure.includes {
                let at = SourceLocation(path: path, line: include.line, column: include.column)
                if include.isDynamic {
                    log.error(at, "template '\(name)' includes a template named by the data ({{>*\(include.name)}}); name the template itself, e.g. {{> \(include.name)}}, so it cannot include itself")
                    continue
                }
                guard structures[include.name] != nil else {
                    let known = structures.keys.sorted().joined(separator: ", ")
                    log.error(at, "template '\(name)' includes '\(include.name)', which does not exist; add templates/\(include.name).mustache or use one of: \(known)")
                    continue
                }
                guard let included = depth(of: include.name) else {
                    let cycle = stack.drop { $0 != include.name } + [include.name]
                    let what = cycle.count == 2 ? "includes itself" : "includes '\(include.name)', which leads back to it"
                    log.error(at, "template '\(name)' \(what): \(cycle.joined(separator: " → ")); templates cannot include each other in a circle")
                    continue
                }
                let total = include.depth + included
                if total > maximumDepth, structure.depth <= maximumDepth, included <= maximumDepth {
                    log.error(at, "template '\(name)' includes '\(include.name)' inside \(include.depth) sections and it nests \(included) more: \(total) levels, more than the \(maximumDepth) allowed")
                }
                deepest = max(deepest, total)
            }
            done[name] = deepest
            return deepest
        }
    }
}
