//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

import Foundation

extension MustacheTemplate {
    /// Render template using object
    /// - Parameters:
    ///   - stack: Object
    ///   - context: Context that render is occurring in. Contains information about position in sequence
    ///   - indentation: indentation of partial
    /// - Returns: Rendered text
    func render(context: MustacheContext) -> String {
        var string = ""
        self.render(context: context, into: &string)
        return string
    }

    /// Syllabus patch: renders by appending to `output`. Upstream returns a
    /// string from every token, section and partial and appends it to the
    /// enclosing one, so each level of nesting allocated and copied the
    /// text again.
    func render(context: MustacheContext, into output: inout String) {
        var context = context

        if let indentation = context.indentation, indentation != "" {
            // Whether a token starts a line is decided within this template's
            // own text, as upstream does: rendered aside, then appended.
            var string = ""
            for token in tokens {
                var renderedString = ""
                self.renderToken(token, context: &context, into: &renderedString)
                // if rendered string is not empty and we are on a new line
                if renderedString.count > 0, string.last == "\n" {
                    string += indentation
                }
                string += renderedString
            }
            output += string
        } else {
            // Syllabus patch: indexing passes each token borrowed; `for token in
            // tokens` copied it, retaining and releasing its payload.
            for index in tokens.indices {
                self.renderToken(tokens[index], context: &context, into: &output)
            }
        }
    }

    func renderToken(_ token: Token, context: inout MustacheContext, into output: inout String) {
        switch token {
        case .text(let text):
            output += text

        case .variable(let variable, let transforms):
            if let child = getChild(named: variable, transforms: transforms, context: context) {
                // Syllabus patch: a string renders as itself, escaped, without
                // the casts below. Exactly `String`: a cast would also unwrap
                // nested optionals, which the general path prints as such.
                if Self.isString(child), let string = child as? String {
                    context.contentType.escapeText(string, into: &output)
                } else if let number = Self.exactly(Int.self, child) {
                    // Syllabus patch: what the general path prints for them, without its casts.
                    context.contentType.escapeText(String(number), into: &output)
                } else if let bool = Self.exactly(Bool.self, child) {
                    context.contentType.escapeText(bool ? "true" : "false", into: &output)
                } else if let template = child as? MustacheTemplate {
                    template.render(context: context, into: &output)
                } else if let renderable = child as? MustacheCustomRenderable {
                    context.contentType.escapeText(renderable.renderText, into: &output)
                } else if let lambda = child as? MustacheLambda {
                    output += self.renderLambda(lambda, parameter: "", context: context)
                } else {
                    context.contentType.escapeText(String(describing: unwrapIfAnyContainsOptional(child)), into: &output)
                }
            }

        case .unescapedVariable(let variable, let transforms):
            if let child = getChild(named: variable, transforms: transforms, context: context) {
                if Self.isString(child), let string = child as? String {  // Syllabus patch, as above
                    output += string
                } else if let renderable = child as? MustacheCustomRenderable {
                    output += renderable.renderText
                } else if let lambda = child as? MustacheLambda {
                    output += self.renderUnescapedLambda(lambda, parameter: "", context: context)
                } else {
                    output += String(describing: unwrapIfAnyContainsOptional(child))
                }
            }

        case .section(let variable, let transforms, let template):
            let child = self.getChild(named: variable, transforms: transforms, context: context)
            // Syllabus patch: the values contexts are made of are no lambda; the cast is for the others.
            if let child, !isPlainValue(child), !Self.isAnyArray(child), let lambda = child as? MustacheLambda {
                output += self.renderUnescapedLambda(lambda, parameter: template.text, context: context)
                return
            }
            self.renderSection(child, with: template, context: context, into: &output)

        case .invertedSection(let variable, let transforms, let template):
            let child = self.getChild(named: variable, transforms: transforms, context: context)
            self.renderInvertedSection(child, with: template, context: context, into: &output)

        case .blockExpansion(let name, let defaultTemplate, let indented):
            if let override = context.inherited?[name] {
                override.render(context: context.withBlockExpansion(indented: indented), into: &output)
            } else {
                defaultTemplate.render(context: context.withBlockExpansion(indented: indented), into: &output)
            }

        case .partial(let name, let indentation, let overrides):
            if var template = context.library?.getTemplate(named: name) {
                #if DEBUG
                if context.reloadPartials {
                    guard let filename = template.filename else {
                        preconditionFailure("Can only use reload if template was generated from a file")
                    }
                    do {
                        guard let partialTemplate = try MustacheTemplate(filename: filename) else {
                            output += "Cannot find template at \(filename)"
                            return
                        }
                        template = partialTemplate
                    } catch {
                        output += "\(error)"
                        return
                    }
                }
                #endif
                template.render(context: context.withPartial(indented: indentation, inheriting: overrides), into: &output)
            }

        case .dynamicNamePartial(let name, let indentation, let overrides):
            let child = self.getChild(named: name, transforms: [], context: context)
            guard let childName = child as? String else {
                return
            }
            if var template = context.library?.getTemplate(named: childName) {
                #if DEBUG
                if context.reloadPartials {
                    guard let filename = template.filename else {
                        preconditionFailure("Can only use reload if template was generated from a file")
                    }
                    do {
                        guard let partialTemplate = try MustacheTemplate(filename: filename) else {
                            output += "Cannot find template at \(filename)"
                            return
                        }
                        template = partialTemplate
                    } catch {
                        output += "\(error)"
                        return
                    }
                }
                #endif
                template.render(context: context.withPartial(indented: indentation, inheriting: overrides), into: &output)
            }

        case .contentType(let contentType):
            context = context.withContentType(contentType)

        case .blockDefinition:
            fatalError("Should not be rendering block definitions")
        }
    }

    /// Render a section
    /// - Parameters:
    ///   - child: Object to render section for
    ///   - parent: Current object being rendered
    ///   - template: Template to render with
    /// - Returns: Rendered text
    func renderSection(_ child: Any?, with template: MustacheTemplate, context: MustacheContext) -> String {
        var string = ""
        self.renderSection(child, with: template, context: context, into: &string)
        return string
    }

    func renderSection(_ child: Any?, with template: MustacheTemplate, context: MustacheContext, into output: inout String) {
        // Syllabus patch: the common values are decided before the protocol
        // casts of the switch below, with the same result; an array of `Any`
        // (a `MustacheSequence`) without the conformance lookup.
        if let child, Self.isAnyArray(child), let array = child as? [Any] {
            array.renderSection(with: template, context: context, into: &output)
            return
        } else if let bool = child as? Bool {
            if bool { template.render(context: context, into: &output) }
            return
        } else if let child, isPlainValue(child) {
            template.render(context: context.withObject(child), into: &output)
            return
        }
        switch child {
        case let array as any MustacheSequence:
            array.renderSection(with: template, context: context, into: &output)
        case let bool as Bool:
            if bool { template.render(context: context, into: &output) }
        case let null as MustacheCustomRenderable where null.isNull == true:
            return
        case .some(let value):
            template.render(context: context.withObject(value), into: &output)
        case .none:
            return
        }
    }

    /// Render an inverted section
    /// - Parameters:
    ///   - child: Object to render section for
    ///   - parent: Current object being rendered
    ///   - template: Template to render with
    /// - Returns: Rendered text
    func renderInvertedSection(_ child: Any?, with template: MustacheTemplate, context: MustacheContext, into output: inout String) {
        // Syllabus patch: as in `renderSection`.
        if let child, Self.isAnyArray(child), let array = child as? [Any] {
            array.renderInvertedSection(with: template, context: context, into: &output)
            return
        } else if let bool = child as? Bool {
            if !bool { template.render(context: context, into: &output) }
            return
        } else if let child, isPlainValue(child) {
            return
        }
        switch child {
        case let array as any MustacheSequence:
            array.renderInvertedSection(with: template, context: context, into: &output)
        case let bool as Bool:
            if !bool { template.render(context: context, into: &output) }
        case let null as MustacheCustomRenderable where null.isNull == true:
            template.render(context: context, into: &output)
        case .some:
            return
        case .none:
            template.render(context: context, into: &output)
        }
    }

    func renderLambda(_ lambda: MustacheLambda, parameter: String, context: MustacheContext) -> String {
        var lambda = lambda
        while true {
            guard let result = lambda(parameter) else { return "" }
            if let string = result as? String {
                do {
                    let newTemplate = try MustacheTemplate(string: context.contentType.escapeText(string))
                    return self.renderSection(context.stack.last, with: newTemplate, context: context)
                } catch {
                    return ""
                }
            } else if let lambda2 = result as? MustacheLambda {
                lambda = lambda2
                continue
            } else {
                return context.contentType.escapeText(String(describing: unwrapIfAnyContainsOptional(result)))
            }
        }
    }

    func renderUnescapedLambda(_ lambda: MustacheLambda, parameter: String, context: MustacheContext) -> String {
        var lambda = lambda
        while true {
            guard let result = lambda(parameter) else { return "" }
            if let string = result as? String {
                do {
                    let newTemplate = try MustacheTemplate(string: string)
                    return self.renderSection(context.stack.last, with: newTemplate, context: context)
                } catch {
                    return ""
                }
            } else if let lambda2 = result as? MustacheLambda {
                lambda = lambda2
                continue
            } else {
                return String(describing: unwrapIfAnyContainsOptional(result))
            }
        }
    }

    /// Get child object from variable name
    func getChild(named name: String, transforms: [String], context: MustacheContext) -> Any? {
        func _getImmediateChild(named name: String, from object: Any) -> Any? {
            // Syllabus patch: `[String: Any]` is the common frame; checking its
            // exact type is far cheaper than the protocol casts below, which
            // give the same answer for it.
            if ObjectIdentifier(type(of: object)) == ObjectIdentifier([String: Any].self),
                let dictionary = object as? [String: Any]
            {
                return dictionary[name]
            } else if let fields = Self.exactly(MustacheFields.self, object) {
                return fields[name]
            } else if isPlainValue(object) {
                // A String, Bool or Int frame (inside `{{#text}}…{{/text}}`)
                // has no named children: its Mirror has none.
                return nil
            }
            let child = {
                let object: Any? =
                    if let custom = object as? MustacheCustomRepresentation {
                        custom.representation
                    } else {
                        object
                    }
                if let customBox = object as? MustacheParent {
                    return customBox.child(named: name)
                } else if let object {
                    let mirror = Mirror(reflecting: object)
                    return mirror.getValue(forKey: name)
                } else {
                    return nil
                }
            }()
            return child
        }

        func _getChild(named names: ArraySlice<String>, from object: Any) -> Any? {
            guard let name = names.first else { return object }
            var object = object
            if let lambda = object as? MustacheLambda {
                guard let result = lambda("") else { return nil }
                object = result
            }
            guard let childObject = _getImmediateChild(named: name, from: object) else { return nil }
            let names2 = names.dropFirst()
            return _getChild(named: names2, from: childObject)
        }

        /// Syllabus patch: a frame's unboxed dictionary is read without a cast.
        func _getImmediateChild(named name: String, from frame: MustacheFrame) -> Any? {
            if let fields = frame.fields { return fields[name] }
            if let dictionary = frame.dictionary { return dictionary[name] }
            return _getImmediateChild(named: name, from: frame.object)
        }

        func _getChildInStack(named names: ArraySlice<String>, from stack: MustacheStack) -> Any? {
            guard let name = names.first else { return stack.last }
            for frame in stack {
                if let childObject = _getImmediateChild(named: name, from: frame) {
                    let names2 = names.dropFirst()
                    return _getChild(named: names2, from: childObject)
                }
            }
            return nil
        }

        // work out which object to access. "." means the current object, if the variable name is ""
        // and we have a transform to run on the variable then we need the context object, otherwise
        // the name is split by "." and we use mirror to get the correct child object. If we cannot find
        // the root object we look up the context stack until we can find one with a matching name. The
        // stack climbing can be disabled by prefixing the variable name with a "."
        var child: Any?
        let first = name.utf8.first
        if let first, first != UInt8(ascii: "."), !Self.hasDot(name) {
            // Syllabus patch: the common name, tested on its bytes once instead of
            // by the comparisons below; without a dot it needs no split. Its
            // key for `MustacheFields` frames is worked out once, not per frame.
            child = nil
            let key = MustacheFields.key(name)
            for frame in context.stack {
                if let fields = frame.fields {
                    if let childObject = fields.value(named: name, key: key) {
                        child = childObject
                        break
                    }
                } else if let childObject = _getImmediateChild(named: name, from: frame) {
                    child = childObject
                    break
                }
            }
        } else if name == "." {
            child = context.stack.last!
        } else if name == "", !transforms.isEmpty {
            child = context.sequenceContext
        } else if name.first == "." {
            let nameSplit = name.split(separator: ".").map { String($0) }
            child = _getChild(named: nameSplit[...], from: context.stack.last!)
        } else if !name.isEmpty, !Self.hasDot(name) {
            // Syllabus patch: a name without a dot needs no split. (An empty
            // name, `{{}}`, splits into nothing and means the current object.)
            child = nil
            for frame in context.stack {
                if let childObject = _getImmediateChild(named: name, from: frame) {
                    child = childObject
                    break
                }
            }
        } else {
            let nameSplit = name.split(separator: ".").map { String($0) }
            child = _getChildInStack(named: nameSplit[...], from: context.stack)
        }

        if let value = child, !isPlainValue(value), !Self.isAnyArray(value), let custom = value as? MustacheCustomRepresentation {
            child = custom.representation
        }

        // skip transforms if child is already nil
        guard var child else {
            return nil
        }

        // if we want to run a transform and the current child can have transforms applied to it then
        // run transform on the current child
        for transform in transforms.reversed() {
            if let runnable = child as? MustacheTransformable,
                let transformed = runnable.transform(transform)
            {
                child = transformed
                continue
            }

            // return nil if transform is unsuccessful or has returned nil
            return nil
        }
        return child
    }

    private func unwrapIfAnyContainsOptional(_ value: Any) -> Any {
        guard let opt = value as? AnyOptional else { return value }
        return opt.anyWrapped ?? value  // nil? keep the original Optional.none
    }

    /// Syllabus patch: whether a variable name has a dot, scanning its bytes in
    /// place (a generic `utf8.contains` walked the string's index machinery).
    private static func hasDot(_ name: String) -> Bool {
        name.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: ".")) }
            ?? name.utf8.contains(UInt8(ascii: "."))
    }

    /// Syllabus patch: true for the standard types contexts are made of, none
    /// of which is a custom representation, sequence, lambda or template.
    /// Compared by type metadata, which costs far less than a failed
    /// protocol cast. The fast paths give the general path's results as long
    /// as no program adds a `MustacheCustomRenderable`,
    /// `MustacheCustomRepresentation` or `MustacheParent` conformance to these
    /// standard types.
    private static func isString(_ value: Any) -> Bool {
        ObjectIdentifier(Swift.type(of: value)) == ObjectIdentifier(String.self)
    }

    /// Syllabus patch: whether `value` is exactly `[Any]`, an array that
    /// renders as a sequence and is nothing else (see `isString`).
    private static func isAnyArray(_ value: Any) -> Bool {
        ObjectIdentifier(Swift.type(of: value)) == ObjectIdentifier([Any].self)
    }

    /// Syllabus patch: `value` when its type is exactly `T`, decided by its
    /// metadata before a cast (a cast would also unwrap optionals).
    private static func exactly<T>(_ type: T.Type, _ value: Any) -> T? {
        ObjectIdentifier(Swift.type(of: value)) == ObjectIdentifier(T.self) ? value as? T : nil
    }

    private func isPlainValue(_ value: Any) -> Bool {
        let type = ObjectIdentifier(Swift.type(of: value))
        return type == ObjectIdentifier(String.self) || type == ObjectIdentifier(Bool.self)
            || type == ObjectIdentifier(Int.self) || type == ObjectIdentifier([String: Any].self)
            || type == ObjectIdentifier(MustacheFields.self)
    }
}
