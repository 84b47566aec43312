//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

/// Context while rendering mustache tokens
/// Syllabus patch: one frame of the context stack. Upstream keeps the stack
/// as `[Any]` and copies the array on every push (each section, each item of
/// a sequence), retaining every object below; a frame is one allocation that
/// shares everything below it. A frame that is exactly `[String: Any]` keeps
/// it unboxed, so a name is looked up without a cast per frame and tag.
/// `MustacheFields` are kept unboxed the same way.
final class MustacheFrame {
    let object: Any
    let dictionary: [String: Any]?
    let fields: MustacheFields?
    let parent: MustacheFrame?

    init(_ object: Any, parent: MustacheFrame?) {
        self.object = object
        let type = ObjectIdentifier(Swift.type(of: object))
        self.dictionary = type == ObjectIdentifier([String: Any].self) ? object as? [String: Any] : nil
        self.fields = type == ObjectIdentifier(MustacheFields.self) ? object as? MustacheFields : nil
        self.parent = parent
    }
}

/// Syllabus patch: the context stack, walked innermost first (upstream's
/// `stack.reversed()`); `last` is the innermost object, as upstream's `stack.last`.
struct MustacheStack: Sequence {
    let top: MustacheFrame

    var last: Any? { self.top.object }

    func pushing(_ object: Any) -> MustacheStack {
        MustacheStack(top: MustacheFrame(object, parent: self.top))
    }

    struct Iterator: IteratorProtocol {
        var frame: MustacheFrame?
        mutating func next() -> MustacheFrame? {
            defer { self.frame = self.frame?.parent }
            return self.frame
        }
    }

    func makeIterator() -> Iterator { Iterator(frame: self.top) }
}

struct MustacheContext {
    let stack: MustacheStack
    let sequenceContext: MustacheSequenceContext?
    /// Syllabus patch: what a push leaves as it is, shared by reference
    /// instead of copied field by field (the content type is an existential,
    /// copied through its value witnesses) on every push.
    let settings: Settings

    final class Settings {
        let indentation: String?
        let inherited: [String: MustacheTemplate]?
        let contentType: MustacheContentType
        let library: MustacheLibrary?
        let reloadPartials: Bool

        init(
            indentation: String?,
            inherited: [String: MustacheTemplate]?,
            contentType: MustacheContentType,
            library: MustacheLibrary?,
            reloadPartials: Bool
        ) {
            self.indentation = indentation
            self.inherited = inherited
            self.contentType = contentType
            self.library = library
            self.reloadPartials = reloadPartials
        }
    }

    var indentation: String? { self.settings.indentation }
    var inherited: [String: MustacheTemplate]? { self.settings.inherited }
    var contentType: MustacheContentType { self.settings.contentType }
    var library: MustacheLibrary? { self.settings.library }
    var reloadPartials: Bool { self.settings.reloadPartials }

    /// initialize context with a single objectt
    init(_ object: Any, library: MustacheLibrary? = nil, reloadPartials: Bool = false) {
        self.stack = MustacheStack(top: MustacheFrame(object, parent: nil))
        self.sequenceContext = nil
        self.settings = Settings(
            indentation: nil,
            inherited: nil,
            contentType: HTMLContentType(),
            library: library,
            reloadPartials: reloadPartials
        )
    }

    private init(stack: MustacheStack, sequenceContext: MustacheSequenceContext?, settings: Settings) {
        self.stack = stack
        self.sequenceContext = sequenceContext
        self.settings = settings
    }

    /// return context with object add to stack
    func withObject(_ object: Any) -> MustacheContext {
        .init(stack: self.stack.pushing(object), sequenceContext: nil, settings: self.settings)
    }

    /// return context with indent and parameter information for invoking a partial
    func withPartial(indented: String?, inheriting: [String: MustacheTemplate]?) -> MustacheContext {
        let indentation: String?
        if let indented {
            indentation = (self.indentation ?? "") + indented
        } else {
            indentation = self.indentation
        }
        let inherits: [String: MustacheTemplate]?
        if let inheriting {
            if let originalInherits = self.inherited {
                inherits = originalInherits.merging(inheriting) { value, _ in value }
            } else {
                inherits = inheriting
            }
        } else {
            inherits = self.inherited
        }
        return .init(
            stack: self.stack,
            sequenceContext: nil,
            settings: Settings(
                indentation: indentation,
                inherited: inherits,
                contentType: HTMLContentType(),
                library: self.library,
                reloadPartials: self.reloadPartials
            )
        )
    }

    /// return context with indent information for invoking an inheritance block
    func withBlockExpansion(indented: String?) -> MustacheContext {
        guard let indented else {
            return .init(stack: self.stack, sequenceContext: nil, settings: self.settings)
        }
        return .init(
            stack: self.stack,
            sequenceContext: nil,
            settings: Settings(
                indentation: (self.indentation ?? "") + indented,
                inherited: self.inherited,
                contentType: self.contentType,
                library: self.library,
                reloadPartials: self.reloadPartials
            )
        )
    }

    /// return context with sequence info and sequence element added to stack
    func withSequence(_ object: Any, sequenceContext: MustacheSequenceContext) -> MustacheContext {
        .init(stack: self.stack.pushing(object), sequenceContext: sequenceContext, settings: self.settings)
    }

    /// return context with sequence info and sequence element added to stack
    func withContentType(_ contentType: MustacheContentType) -> MustacheContext {
        .init(
            stack: self.stack,
            sequenceContext: self.sequenceContext,
            settings: Settings(
                indentation: self.indentation,
                inherited: self.inherited,
                contentType: contentType,
                library: self.library,
                reloadPartials: self.reloadPartials
            )
        )
    }
}
