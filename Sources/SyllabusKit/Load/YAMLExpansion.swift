// libyaml, the parser Yams wraps: its event stream is the one place where
// an alias can be weighed before Yams builds (and hashes) what it stands for.
import CYaml

/// Bounds how much YAML may expand to through aliases.
///
/// Yams resolves `*name` to the node it names, sharing it; but a mapping key
/// is hashed to check for duplicates, and hashing walks the whole expansion:
/// nine levels of nine aliases (485 bytes, "billion laughs") took 142 s. So
/// before composing, this walks libyaml's events once and adds up the nodes
/// the document stands for with every alias expanded.
enum YAMLExpansion {
    /// Nodes a document may stand for, aliases expanded. A large course file
    /// has a few hundred; hashing this many takes milliseconds.
    static let maximumNodes = 100_000

    /// Where the first alias that passes `maximumNodes` is (1-based line and
    /// column in `yaml`), or `nil` when the document stays within it. Text
    /// that libyaml cannot parse is `nil` too: composing it then reports the
    /// syntax error at its place.
    static func excess(in yaml: String) -> (line: Int, column: Int)? {
        // Only a document with both an anchor and an alias can expand; most
        // have neither, and skip the second parse.
        let bytes = yaml.utf8
        guard bytes.contains(UInt8(ascii: "&")), bytes.contains(UInt8(ascii: "*")) else { return nil }
        var text = Array(bytes)
        return text.withUnsafeMutableBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return walk(&parser)
        }
    }

    private static func walk(_ parser: inout yaml_parser_t) -> (line: Int, column: Int)? {
        // Expanded size of each anchored node, and of each collection still open.
        var anchors: [String: Int] = [:]
        var open: [(anchor: String?, size: Int)] = []
        var total = 0
        func add(_ size: Int) {
            total += size
            if !open.isEmpty { open[open.count - 1].size += size }
        }
        func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            anchor.map { String(cString: $0) }
        }
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                add(1)
                if let anchor = name(event.data.scalar.anchor) { anchors[anchor] = 1 }
            case YAML_SEQUENCE_START_EVENT:
                add(1)
                open.append((name(event.data.sequence_start.anchor), 1))
            case YAML_MAPPING_START_EVENT:
                add(1)
                open.append((name(event.data.mapping_start.anchor), 1))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { return nil }
                if let anchor = closed.anchor { anchors[anchor] = closed.size }
                // Its nodes were counted into `total` as they came; the parent
                // holds them now.
                if !open.isEmpty { open[open.count - 1].size += closed.size - 1 }
            case YAML_ALIAS_EVENT:
                add(name(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1)
                if total > maximumNodes {
                    return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
                }
            default:
                break
            }
        }
    }
}
