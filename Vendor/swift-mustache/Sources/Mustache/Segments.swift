//
// Syllabus patch: not part of swift-mustache 2.1.1 (see SYLLABUS.md).
//

/// A consecutive run of a template's top-level tokens, as cut by
/// `MustacheTemplate.segments(varyingWith:)`.
public struct MustacheSegment: Sendable {
    /// The tokens of the run, preceded by the content type in force where
    /// the run starts, so that it renders on its own as it did in place.
    public let template: MustacheTemplate
    /// Whether the run's output can depend on one of the names it was cut by.
    public let varies: Bool
}

extension MustacheTemplate {
    /// The template cut into runs of top-level tokens that can and cannot
    /// depend on any of `names`: rendering every run with one object and
    /// joining the results gives what the whole template renders. A run that
    /// does not vary renders the same for two objects that differ only in the
    /// values of `names`, so a program rendering one object with a few of its
    /// values changed can keep that run's text and render only the others.
    ///
    /// Conservative: a token varies when any name in it or in the sections it
    /// holds is one of `names` (its first part for a dotted name) or is `.`,
    /// and a partial, block or inheritance always varies, since what it looks
    /// up is not in this template.
    public func segments(varyingWith names: Set<String>) -> [MustacheSegment] {
        var segments: [MustacheSegment] = []
        var run: [Token] = []
        var runVaries = false
        var contentType: Token?
        // The content type in force where the run being collected starts.
        var runContentType: Token?
        func close() {
            guard !run.isEmpty else { return }
            let tokens = (runContentType.map { [$0] } ?? []) + run
            segments.append(MustacheSegment(template: MustacheTemplate(tokens, text: self.text), varies: runVaries))
            run = []
        }
        for token in self.tokens {
            if case .contentType = token {
                // Changes how what follows is escaped, renders nothing itself.
                contentType = token
                run.append(token)
                continue
            }
            let varies = Self.varies(token, names)
            if varies != runVaries, run.contains(where: { if case .contentType = $0 { false } else { true } }) {
                close()
                runContentType = contentType
            }
            runVaries = varies
            run.append(token)
        }
        close()
        return segments
    }

    private static func varies(_ token: Token, _ names: Set<String>) -> Bool {
        func named(_ name: String) -> Bool {
            name == "." || names.contains(String(name.split(separator: ".", maxSplits: 1).first ?? ""))
        }
        func anyVaries(_ template: MustacheTemplate) -> Bool {
            template.tokens.contains { Self.varies($0, names) }
        }
        switch token {
        case .text, .contentType:
            return false
        case .variable(let name, _), .unescapedVariable(let name, _):
            return named(name)
        case .section(let name, _, let template), .invertedSection(let name, _, let template):
            return named(name) || anyVaries(template)
        case .blockDefinition, .blockExpansion, .partial, .dynamicNamePartial:
            return true
        }
    }
}
