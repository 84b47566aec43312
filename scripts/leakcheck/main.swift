// Renders Markdown through the CommonMark wrapper in a loop, so that
// `make leakcheck` can show under valgrind that no cmark node, iterator or
// HTML buffer outlives a call. Compiled together with Sources/CommonMark.
import Foundation

let sample = """
## Overview

A *course* with a [link](other-course.md#part), an ![image](media/x.png),
"quotes" -- dashes... and <b>raw HTML</b>.

- one
- two [deep](../courses/a.md)

```
code
```
"""
let files = CommandLine.arguments.dropFirst().compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }
let inputs = files.isEmpty ? [sample] : files
var bytes = 0
for round in 0..<200 {
    for text in inputs {
        let html = MarkdownRenderer.html(from: text, options: round % 2 == 0 ? .standard : [.unsafeHTML]) { link in
            link.destination.hasSuffix(".md") ? "/courses/x/" : nil
        }
        bytes += html.utf8.count
        bytes += MarkdownRenderer.links(in: text).count
    }
}
print("rendered \(200 * inputs.count) documents, \(bytes) bytes of HTML")
