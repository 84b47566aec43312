import Foundation
import Testing
@testable import SyllabusKit

/// `docs/templates.md` lists exactly the variables the built-in templates use,
/// and a site's own template is warned about names no built-in one uses.
@Suite struct TemplateVariablesTests {
    static let repository = TestData.testsFolder.deletingLastPathComponent().deletingLastPathComponent()

    /// One documented (or used) variable: where it is used and how.
    struct Row: Hashable, CustomStringConvertible {
        let template: String
        let inside: [String]
        let name: String
        let kinds: [String]
        var description: String { "\(template): \(inside.joined(separator: " › ")) \(name) (\(kinds.joined(separator: ", ")))" }
    }

    /// The rows the built-in templates' tags give. `{{#x}}…{{x}}…{{/x}}` (show
    /// x when it is set) is one variable, documented once outside its section.
    static func usedRows() -> Set<Row> {
        var kinds: [Row: Set<String>] = [:]
        for (template, text) in BuiltinTheme.embedded.templates {
            let structure = TemplateStructure(text)
            for variable in structure.variables {
                var inside = structure.context(of: variable)
                while inside.last == variable.name { inside.removeLast() }
                kinds[Row(template: template, inside: inside, name: variable.name, kinds: []), default: []].insert(variable.kind.rawValue)
            }
        }
        return Set(kinds.map { row, used in
            Row(template: row.template, inside: row.inside, name: row.name,
                kinds: TemplateStructure.Variable.Kind.allCases.map(\.rawValue).filter(used.contains))
        })
    }

    /// The rows of `docs/templates.md`: `## \`name\`` headings, then
    /// `| \`variable\` | kinds | \`section\` › … | meaning |` table rows.
    static func documentedRows(_ text: String) -> (templates: Set<String>, rows: Set<Row>, unexplained: [String]) {
        var templates = Set<String>(), rows = Set<Row>(), unexplained: [String] = []
        var template: String?
        func unquoted(_ cell: Substring) -> String { cell.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
        for line in text.split(separator: "\n") {
            if line.hasPrefix("## `") {
                template = unquoted(line.dropFirst(3))
                templates.insert(template!)
            } else if let template, line.hasPrefix("| `") {
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                guard cells.count == 4 else { unexplained.append(String(line)); continue }
                let parts = Array(cells)
                let inside = parts[2].split(separator: "›").map(unquoted).filter { !$0.isEmpty }
                let kinds = parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                let row = Row(template: template, inside: inside, name: unquoted(parts[0]), kinds: kinds)
                if parts[3].trimmingCharacters(in: .whitespaces).isEmpty { unexplained.append(row.description) }
                rows.insert(row)
            }
        }
        return (templates, rows, unexplained)
    }

    @Test func theDocListsExactlyTheVariablesTheBuiltinTemplatesUse() throws {
        let doc = try String(contentsOf: Self.repository.appendingPathComponent("docs/templates.md"), encoding: .utf8)
        let documented = Self.documentedRows(doc)
        let used = Self.usedRows()
        #expect(documented.templates == Set(BuiltinTheme.embedded.templates.keys))
        #expect(used.count > 100)
        let undocumented = used.subtracting(documented.rows).map(\.description).sorted()
        let unused = documented.rows.subtracting(used).map(\.description).sorted()
        #expect(undocumented == [], "used by a built-in template but not in docs/templates.md")
        #expect(unused == [], "in docs/templates.md but no built-in template uses it so")
        #expect(documented.unexplained == [], "rows without a meaning, or not four cells")
    }

    @Test func theDocCheckFailsForAnUndocumentedOrUnusedName() {
        let doc = "## `feed-links`\n| `webcal` | value |  | Subscribe. |\n| `gone` | value |  | No template uses it. |\n"
        let documented = Self.documentedRows(doc).rows
        let used = Self.usedRows().filter { $0.template == "feed-links" }
        #expect(used.subtracting(documented).map(\.name).sorted() == ["google", "https", "outlook"])
        #expect(documented.subtracting(used).map(\.name) == ["gone"])
    }

    @Test func tagsGiveTheirNamesKindsAndSections() {
        let structure = TemplateStructure("{{#runs}}{{dates}}{{^past}}{{{html}}}{{/past}}{{/runs}}{{! note}}{{> run}}{{<base}}{{$main}}{{&raw}} {{ . }}{{/main}}{{/base}}")
        #expect(structure.variables.map { "\(structure.context(of: $0).joined(separator: "/")):\($0.name):\($0.kind)" } == [
            ":runs:section", "runs:dates:value", "runs:past:inverted", "runs/past:html:value", ":raw:value", ":.:value",
        ])
        #expect(structure.variables.map(\.tag) == ["{{#runs}}", "{{dates}}", "{{^past}}", "{{{html}}}", "{{&raw}}", "{{.}}"])
        #expect(structure.variables.map(\.column) == [1, 10, 19, 28, 93, 102])
    }

    @Test func anOverrideWithAMisspeltVariableIsWarnedWithTheClosestName() throws {
        let site = try TestSite(copying: TestData.fixtures.appendingPathComponent("template-override"))
        defer { site.remove() }
        let summary = try site.build()
        #expect(summary.warnings.map(\.description) == [
            "templates/course.mustache:4:18: warning: '{{site_titel}}' is not a variable of this page; did you mean 'site_title'?",
        ])
        #expect(try site.read("courses/otp-basics/index.html").contains("<p class=\"brand\"></p>"))
    }

    @Test func aPartialOverrideIsCheckedAgainstTheBuiltinPartialAndItsIncluders() throws {
        let variables = TemplateVariables(builtin: BuiltinTheme.embedded.templates.mapValues { TemplateStructure($0) })
        var log = DiagnosticLog()
        let override = TemplateStructure("{{dates}} {{site_title}} {{#instructors}}{{nmae}}{{/instructors}} {{clockNotes}}")
        variables.check("run", override, path: "templates/run.mustache", log: &log)
        #expect(log.entries.map(\.description) == [
            "templates/run.mustache:1:42: warning: '{{nmae}}' is not a variable of this page; did you mean 'name'?",
            "templates/run.mustache:1:67: warning: '{{clockNotes}}' is not a variable of this page; did you mean 'clockNote'?",
        ])
        // A card is rendered on its own, so it sees only its own names.
        #expect(variables.known(for: "entry-card")?.contains("site_title") == false)
        #expect(variables.known(for: "no-such-partial") == nil)
    }
}
