//
//  AsyncSequence+Extensions.swift
//  FlyingFox
//
//  Created by Simon Whitty on 13/02/2022.
//  Copyright © 2022 Simon Whitty. All rights reserved.
//
//  Distributed under the permissive MIT license
//  Get the latest version from here:
//
//  https://github.com/swhitty/FlyingFox
//
//  Permission is hereby granted, free of charge, to any person obtaining a copy
//  of this software and associated documentation files (the "Software"), to deal
//  in the Software without restriction, including without limitation the rights
//  to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
//  copies of the Software, and to permit persons to whom the Software is
//  furnished to do so, subject to the following conditions:
//
//  The above copyright notice and this permission notice shall be included in all
//  copies or substantial portions of the Software.
//
//  THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
//  IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
//  FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
//  AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
//  LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
//  OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
//  SOFTWARE.
//

import Foundation

extension AsyncSequence {
    func collectUntil(maxCount: Int = .max, buffer: @escaping ([Element]) -> Bool) -> CollectUntil<Self> {
        CollectUntil(self, maxCount: maxCount, until: buffer)
    }

    func takeNext() async throws -> Element {
        var iterator = makeAsyncIterator()
        guard let line = try await iterator.next() else {
            throw SequenceTerminationError()
        }
        return line
    }
}

// SYLLABUS: thrown by `CollectUntil` past its `maxCount`.
struct CollectLimitExceeded: LocalizedError {
    var errorDescription: String? = "Collection Limit Exceeded"
}

struct SequenceTerminationError: LocalizedError {
    var errorDescription: String? = "Sequence Terminated"
}

struct CollectUntil<Base: AsyncSequence>: AsyncSequence {
    typealias Element = [Base.Element]
    typealias Predicate = ([Base.Element]) -> Bool

    let base: Base
    let until: Predicate
    // SYLLABUS: most elements one collection may hold before `next()` throws
    // `CollectLimitExceeded` (the request line and header limits).
    let maxCount: Int

    init(_ base: Base, maxCount: Int = .max, until: @escaping Predicate) {
        self.base = base
        self.until = until
        self.maxCount = maxCount
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(iterator: base.makeAsyncIterator(), until: until, maxCount: maxCount)
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        var iterator: Base.AsyncIterator
        var until: Predicate
        var maxCount: Int

        mutating func next() async throws -> Element? {
            var buffer = Element()

            while let element = try await iterator.next() {
                buffer.append(element)
                guard !until(buffer) else {
                    break
                }
                if buffer.count >= maxCount {
                    throw CollectLimitExceeded()
                }
            }

            return buffer.isEmpty ? nil : buffer
        }
    }
}

extension AsyncSequence where Element == UInt8 {

    // some AsyncSequence<String>
    func collectStrings(separatedBy string: String, maxLength: Int = .max) -> AsyncThrowingMapSequence<CollectUntil<Self>, String> {
        let bytes = Array(string.data(using: .utf8)!)
        // SYLLABUS: upstream's `$0.suffix(bytes.count) == bytes` resolves to
        // `Sequence.suffix(_:) -> [Element]`, which walks the whole buffer, and it
        // runs after every byte: a line of n bytes cost O(n^2). Compare the tail
        // in place instead.
        let maxCount = maxLength == .max ? .max : maxLength + bytes.count
        let buffer = collectUntil(maxCount: maxCount, buffer: {
            $0.count >= bytes.count && $0[($0.count - bytes.count)...].elementsEqual(bytes)
        })
        return buffer.map {
            let chars = ($0.suffix(bytes.count) == bytes) ? $0.dropLast(bytes.count) : $0
            guard let string = String(bytes: chars, encoding: .utf8) else {
                throw AsyncSequenceError("Invalid String Conversion")
            }
            return string
        }
    }
}

struct AsyncSequenceError: LocalizedError {
    var errorDescription: String?

    init(_ description: String) {
        self.errorDescription = description
    }
}
