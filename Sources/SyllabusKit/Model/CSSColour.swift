/// A colour as CSS writes it, checked before it reaches a stylesheet: a
/// value from `site.yml` is pasted into a `<style>` block, so anything but a
/// colour (a `;`, a `}`, a `</style>`) must never get through.
public struct CSSColour: Sendable, Hashable, CustomStringConvertible {
    public let description: String

    /// `#0a6e5c`, `#08f`, `rgb(10 110 92)`, `hsl(170deg 80% 30%)`, `oklch(…)` or a named colour (`teal`).
    public init?(_ text: String) {
        let value = text.trimmingWhitespace().lowercased()
        if value.hasPrefix("#") {
            let digits = value.dropFirst()
            guard [3, 4, 6, 8].contains(digits.count), digits.allSatisfy(\.isHexDigit) else { return nil }
        } else if let open = value.firstIndex(of: "("), value.hasSuffix(")") {
            let function = String(value[..<open])
            let arguments = value[value.index(after: open)..<value.index(before: value.endIndex)]
            guard Self.functions.contains(function), !arguments.isEmpty,
                  arguments.allSatisfy({ $0.isNumber || " .,%/+-degturanone".contains($0) }) else { return nil }
        } else {
            guard Self.names.contains(value) else { return nil }
        }
        description = value
    }

    static let functions: Set<String> = ["rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch"]

    /// The CSS Color Module's named colours.
    static let names: Set<String> = Set("""
    aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown \
    burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan \
    darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred \
    darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink \
    deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold \
    goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush \
    lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey \
    lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow \
    lime limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen \
    mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin \
    navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise \
    palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue \
    saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow \
    springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen
    """.split(separator: " ").map(String.init))
}
