import Foundation
import Testing
@testable import SyllabusKit

/// The built-in theme is the repository's top-level `templates/`, embedded at
/// build time: the binary carries exactly those files and nothing else.
@Suite struct BuiltinThemeTests {
    static let templatesFolder = TestData.testsFolder.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates")

    @Test func theBinaryCarriesExactlyTheFilesOfTemplates() throws {
        let onDisk = fileTree(Self.templatesFolder)
        #expect(onDisk.keys.contains("course.mustache"))
        #expect(onDisk.keys.contains("assets/style.css"))
        #expect(BuiltinTheme.embedded.files.keys.sorted() == onDisk.keys.sorted())
        for (path, data) in onDisk {
            #expect(BuiltinTheme.embedded.files[path] == data, "\(path) is not embedded as it reads in templates/")
        }
    }

    @Test func templatesAndAssetsAreToldApartByPath() {
        let theme = BuiltinTheme(files: [
            "course.mustache": Data("{{title}}".utf8),
            "assets/style.css": Data("body{}".utf8),
            "assets/icons/logo.svg": Data("<svg/>".utf8),
            "partials/card.mustache": Data("not a template: in a subfolder".utf8),
        ])
        #expect(theme.templates == ["course": "{{title}}"])
        #expect(theme.assets == ["style.css": Data("body{}".utf8), "icons/logo.svg": Data("<svg/>".utf8)])
    }

    /// A site has no `templates/course.mustache` of its own here, so the
    /// error must not pretend it has: the path is marked as built in.
    @Test func anErrorInABuiltInTemplateSaysItIsBuiltIn() throws {
        let site = try TestSite([:])
        defer { site.remove() }
        var files = BuiltinTheme.embedded.files
        files["course.mustache"] = Data("<h1>{{title}}</h1>\n{{#runs}}\n{{/days}}\n".utf8)
        var log = DiagnosticLog()
        let set = TemplateSet.load(root: site.root, theme: BuiltinTheme(files: files), log: &log)
        #expect(set == nil)
        #expect(log.sorted.map(\.description) == [
            "(built-in) templates/course.mustache:3:4: error: template 'course' does not parse: a closing {{/…}} tag does not match the section it closes",
        ])
    }

    @Test func aSiteTemplateReplacesOnlyItsNamesake() throws {
        let site = try TestSite(["templates/course.mustache": "own {{title}}", "templates/assets/extra.css": "p{}"])
        defer { site.remove() }
        var log = DiagnosticLog()
        let set = try #require(TemplateSet.load(root: site.root, log: &log))
        #expect(log.entries.isEmpty)
        #expect(set.render("course", ["title": "OTP"]) == "own OTP")
        #expect(set.render("404", [String: String]()).contains("Page not found"))
        #expect(set.assets["extra.css"] == Data("p{}".utf8))
        #expect(set.assets["style.css"] == BuiltinTheme.embedded.files["assets/style.css"])
    }
}
