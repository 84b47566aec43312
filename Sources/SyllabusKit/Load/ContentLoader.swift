import Foundation

/// Loads everything under `content/` into unchecked parts of a catalog.
struct LoadedContent: Sendable {
    var site: SiteConfig?
    var courses: [Course]
    var instructors: [Instructor]
    /// Course file stems (`beam-vm` for `beam-vm.md`) to their slugs, for Markdown links.
    var courseFiles: [String: Slug]
    /// Stems of course files that failed to load: they exist, so links to
    /// them are not reported; their own errors already stop the build.
    var failedCourseFiles: Set<String> = []
    var media: [String]
    var log: DiagnosticLog
}

enum ContentLoader {
    static func load(root: URL, baseURLOverride: String?, cache: BuildCache = BuildCache(keeps: false)) -> LoadedContent {
        var log = DiagnosticLog()
        let contentDir = root.appendingPathComponent("content")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentDir.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            log.error(SourceLocation(path: "content"), "no content/ folder under \(root.path); run from the site's root or pass --root")
            return LoadedContent(site: nil, courses: [], instructors: [], courseFiles: [:], media: [], log: log)
        }
        let site = SiteConfigLoader.load(root: root, baseURLOverride: baseURLOverride, log: &log)

        // Names that are not UTF-8 are reported once, with their bytes, and left out.
        var undecodable: Set<String> = []
        for folder in ["content/courses", "content/instructors", "content/media"] {
            for name in UndecodableFileName.find(under: folder, root: root) {
                log.error(SourceLocation(path: name.escapedPath),
                          "the file name is not valid UTF-8 (the bytes shown as \\xHH); rename the file with a UTF-8 name")
                undecodable.insert(name.listedPath)
            }
        }
        let coursePaths = SourceFolder.files(in: "content/courses", root: root,
                                             presence: .required(hint: "create it and add a course with `syllabus new course \"Title\"`"),
                                             accept: isMarkdown, skipping: undecodable, log: &log)
        let instructorPaths = SourceFolder.files(in: "content/instructors", root: root, presence: .optional,
                                                 accept: isMarkdown, skipping: undecodable, log: &log)
        // A build that reads every file has them read ahead; a preview's
        // rebuild reads only those whose stamp changed.
        if cache.readsEverySource { SourcePrefetch.start(coursePaths + instructorPaths, under: root.path) }
        let courseResults = coursePaths.parallelMap { path in course(at: path, root: root, site: site, cache: cache) }
        var courses: [Course] = []
        var courseFiles: [String: Slug] = [:]
        var failedCourseFiles: Set<String> = []
        for (path, result) in zip(coursePaths, courseResults) {
            let stem = SourceFile.stem(path)
            log.merge(result.log)
            if let course = result.value {
                courses.append(course)
                courseFiles[stem] = course.slug
            } else {
                failedCourseFiles.insert(stem)
            }
        }

        var instructors: [Instructor] = []
        for path in instructorPaths {
            let result = cache.instructor(at: path, root: root.path) {
                loadFile(path, root: root) { InstructorLoader.load($0, log: &$1) }
            }
            log.merge(result.log)
            if let instructor = result.value { instructors.append(instructor) }
        }
        return LoadedContent(site: site, courses: courses, instructors: instructors, courseFiles: courseFiles,
                             failedCourseFiles: failedCourseFiles,
                             media: mediaFiles(root: root, skipping: undecodable, log: &log),
                             log: log)
    }

    /// The course file at `path`, read and parsed, or as `cache` kept it.
    static func course(at path: String, root: URL, site: SiteConfig?, cache: BuildCache) -> BuildCache.Loaded<Course> {
        // A course's defaults come from site.yml: a kept course is only
        // reused while the settings it was read with are unchanged.
        cache.course(at: path, root: root.path, settings: pageKey(site)) {
            loadFile(path, root: root) { CourseLoader.load($0, site: site, log: &$1) }
        }
    }

    /// Reads and parses one source file.
    private static func loadFile<Value>(_ path: String, root: URL,
                                        parse: (SourceFile, inout DiagnosticLog) -> Value?) -> BuildCache.Loaded<Value> {
        var fileLog = DiagnosticLog()
        guard let file = SourceFile.read(path, under: root, log: &fileLog) else {
            return BuildCache.Loaded(value: nil, log: fileLog, wasRead: false)
        }
        return BuildCache.Loaded(value: parse(file, &fileLog), log: fileLog)
    }

    /// Files to publish under `media/`; `SourceFolder` refuses symbolic links.
    static func mediaFiles(root: URL, skipping: Set<String> = [], log: inout DiagnosticLog) -> [String] {
        SourceFolder.tree(under: "content/media", root: root, skipping: skipping, log: &log)
    }

    private static func isMarkdown(_ name: String) -> Bool { name.hasSuffix(".md") }
}
