/// What a page's content streams paint, read back as a RIP reads them (issue 14, item 7): the
/// colour every text show, stroke and fill is painted in, whether it overprints, and where
/// each image and filled rectangle lands on the page. A small tokenizer and interpreter of the
/// operators that matter — graphics state (`q Q cm gs`), colour (`g G rg RG k K cs CS sc scn
/// SC SCN`), paths (`re m l c h W n f S`…), text shows (`Tj TJ ' "`) and `Do`, forms entered
/// with their matrix — everything else is read and passed over.
struct ContentScan: Sendable {
    /// A colour as the content sets it: its space and components.
    struct Colour: Hashable, Sendable {
        enum Space: Hashable, Sendable { case gray, rgb, cmyk, named(String) }
        var space: Space
        var components: [Double]

        static let black = Colour(space: .gray, components: [0])

        /// Pure black on the black plate: `0 g` or `0 0 0 1 k`.
        var isPureBlack: Bool {
            switch space {
            case .gray: components.first == 0
            case .cmyk: components == [0, 0, 0, 1]
            default: false
            }
        }

        /// Four-colour black or near it: every ink, 250 % or more in all.
        var isRichBlack: Bool {
            space == .cmyk && components.count == 4 && components.allSatisfy { $0 > 0 } && components.reduce(0, +) >= 2.5
        }
    }

    /// One painting operation: what it painted and in what colour.
    struct Mark: Hashable, Sendable {
        enum Kind: Hashable, Sendable { case text, stroke, fill }
        var kind: Kind
        var colour: Colour
        var overprint: Bool
    }

    /// Every distinct (kind, colour, overprint) painted, with how often.
    var marks: [Mark: Int] = [:]
    /// Images drawn: the image's object id (`Resolver.image`), the rectangle on the page it
    /// covers (clipped), x0 y0 x1 y1.
    var images: [(id: Int, rect: [Double])] = []
    /// Filled rectangles (artwork that may touch the trim), on the page, clipped.
    var fills: [[Double]] = []
    /// Stroked paths: their colour and the rectangle they span on the page (printer's marks among them).
    var strokes: [(colour: Colour, rect: [Double])] = []

    /// How `Do` finds a form's content and resources, and ExtGState names their overprint.
    /// A resource dictionary as the scan needs it, read out of the file beforehand (so pages
    /// can be scanned side by side, away from qpdf): forms with their content, matrix and own
    /// resources; images by object id; graphics states' overprint; colour spaces by what they are.
    struct Resolver: Sendable {
        final class Form: Sendable {
            let content: [UInt8]
            let resolver: Resolver
            let matrix: [Double]

            init(content: [UInt8], resolver: Resolver, matrix: [Double]) {
                self.content = content
                self.resolver = resolver
                self.matrix = matrix
            }
        }

        var forms: [String: Form] = [:]
        /// The object id of each named image.
        var images: [String: Int] = [:]
        /// `/OP` and `/op` of each named graphics state (nil: not set there).
        var overprints: [String: Overprint] = [:]
        /// Each named colour space, as `/Separation /All` or its family's name.
        var colourSpaces: [String: String] = [:]

        struct Overprint: Sendable {
            var stroke: Bool?
            var fill: Bool?
        }

        func form(_ name: String) -> Form? { forms[name] }
        func image(_ name: String) -> Int { images[name] ?? 0 }
        func colourSpace(_ name: String) -> String { colourSpaces[name] ?? name }
        func overprint(_ name: String) -> Overprint { overprints[name] ?? Overprint() }
    }

    private struct State {
        var ctm: [Double] = [1, 0, 0, 1, 0, 0]
        var fill = Colour.black
        var stroke = Colour.black
        var fillOverprint = false
        var strokeOverprint = false
        var clip: [Double]? = nil
    }

    mutating func scan(_ content: [UInt8], resolver: Resolver, depth: Int = 0) {
        var state = State(), stack: [State] = []
        scan(content, resolver: resolver, state: &state, stack: &stack, depth: depth)
    }

    private mutating func scan(_ content: [UInt8], resolver: Resolver, state: inout State, stack: inout [State], depth: Int) {
        var numbers: [Double] = []
        var lastName: String? = nil
        var path: [Double]? = nil  // the last `re` of the path being built, on the page
        var subpaths: [[Double]] = []  // each subpath of the path being built, the rectangle it spans on the page
        func reach(_ x: Double, _ y: Double, starting: Bool = false) {
            let p = Self.bounds(of: [x, y, x, y], state.ctm)
            if starting || subpaths.isEmpty { subpaths.append(p); return }
            let e = subpaths[subpaths.count - 1]
            subpaths[subpaths.count - 1] = [min(e[0], p[0]), min(e[1], p[1]), max(e[2], p[2]), max(e[3], p[3])]
        }
        var tokens = Tokenizer(content)
        var nameRange: Range<Int>? = nil
        while let token = tokens.next() {
            let op: String
            switch token {
            case .number(let v):
                numbers.append(v)
                nameRange = nil
                continue
            case .name(let range):
                nameRange = range
                continue
            case .other:
                nameRange = nil
                continue
            case .op(let word):
                op = word
            }
            lastName = nameRange.map { tokens.string($0) }
            defer {
                numbers.removeAll(keepingCapacity: true)
                nameRange = nil
            }
            switch op {
            case "q": stack.append(state)
            case "Q": if let s = stack.popLast() { state = s }
            case "cm" where numbers.count == 6: state.ctm = Self.multiply(numbers, state.ctm)
            case "gs":
                if let name = lastName {
                    let op = resolver.overprint(name)
                    if let s = op.stroke { state.strokeOverprint = s }
                    if let f = op.fill { state.fillOverprint = f }
                }
            case "g": state.fill = Colour(space: .gray, components: numbers)
            case "G": state.stroke = Colour(space: .gray, components: numbers)
            case "rg": state.fill = Colour(space: .rgb, components: numbers)
            case "RG": state.stroke = Colour(space: .rgb, components: numbers)
            case "k": state.fill = Colour(space: .cmyk, components: numbers)
            case "K": state.stroke = Colour(space: .cmyk, components: numbers)
            case "cs": state.fill = Colour(space: Self.space(lastName, resolver), components: [])
            case "CS": state.stroke = Colour(space: Self.space(lastName, resolver), components: [])
            case "sc", "scn": state.fill.components = numbers
            case "SC", "SCN": state.stroke.components = numbers
            case "re" where numbers.count == 4:
                path = Self.bounds(of: [numbers[0], numbers[1], numbers[0] + numbers[2], numbers[1] + numbers[3]], state.ctm)
                reach(numbers[0], numbers[1], starting: true)
                reach(numbers[0] + numbers[2], numbers[1] + numbers[3])
            case "m" where numbers.count == 2: reach(numbers[0], numbers[1], starting: true)
            case "l" where numbers.count == 2: reach(numbers[0], numbers[1])
            case "c" where numbers.count == 6: reach(numbers[4], numbers[5])
            case "v" where numbers.count == 4, "y" where numbers.count == 4: reach(numbers[2], numbers[3])
            case "W", "W*":
                if let p = Self.union(subpaths) ?? path { state.clip = state.clip.map { Self.intersect($0, p) } ?? p }
            case "f", "F", "f*", "b", "B", "b*", "B*":
                record(.fill, state.fill, state.fillOverprint)
                if let p = Self.union(subpaths) ?? path {
                    let r = state.clip.map { Self.intersect($0, p) } ?? p
                    if r[0] < r[2], r[1] < r[3] { fills.append(r) }
                }
                if op.hasPrefix("b") || op.hasPrefix("B") { record(.stroke, state.stroke, state.strokeOverprint) }
                path = nil
                subpaths = []
            case "S", "s":
                record(.stroke, state.stroke, state.strokeOverprint)
                let colour = resolved(state.stroke, resolver)
                strokes += subpaths.map { (colour, $0) }
                path = nil
                subpaths = []
            case "n":
                path = nil
                subpaths = []
            case "Tj", "TJ", "'", "\"":
                record(.text, state.fill, state.fillOverprint)
            case "Do":
                guard let name = lastName else { break }
                if let form = resolver.form(name) {
                    guard depth < 8 else { break }
                    var inner = state
                    inner.ctm = Self.multiply(form.matrix, state.ctm)
                    var innerStack: [State] = []
                    scan(form.content, resolver: form.resolver, state: &inner, stack: &innerStack, depth: depth + 1)
                } else {
                    let rect = Self.bounds(of: [0, 0, 1, 1], state.ctm)
                    let shown = state.clip.map { Self.intersect($0, rect) } ?? rect
                    if shown[0] < shown[2], shown[1] < shown[3] { images.append((resolver.image(name), shown)) }
                }
            default: break
            }
        }
    }

    /// A named colour space as the resources define it (`/Reg` → `/Separation /All`).
    private func resolved(_ colour: Colour, _ resolver: Resolver) -> Colour {
        guard case .named(let name) = colour.space else { return colour }
        return Colour(space: .named(resolver.colourSpace(name)), components: colour.components)
    }

    private mutating func record(_ kind: Mark.Kind, _ colour: Colour, _ overprint: Bool) {
        marks[Mark(kind: kind, colour: colour, overprint: overprint), default: 0] += 1
    }

    /// A colour space operand: a device space, or a named one as the resources define it (an
    /// ICC-based space as the device space of its components, a separation by its colorant).
    private static func space(_ name: String?, _ resolver: Resolver) -> Colour.Space {
        let resolved = name.map { ["/DeviceGray", "/DeviceRGB", "/DeviceCMYK"].contains($0) ? $0 : resolver.colourSpace($0) }
        switch resolved {
        case "/DeviceGray": return .gray
        case "/DeviceRGB": return .rgb
        case "/DeviceCMYK": return .cmyk
        default: return .named(resolved ?? "?")
        }
    }

    /// `a × b` for PDF matrices [a b c d e f].
    static func multiply(_ a: [Double], _ b: [Double]) -> [Double] {
        [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
         a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
         a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]
    }

    /// The page rectangle [x0 y0 x1 y1] covering rectangle `r` under matrix `m`.
    static func bounds(of r: [Double], _ m: [Double]) -> [Double] {
        let corners = [(r[0], r[1]), (r[2], r[1]), (r[0], r[3]), (r[2], r[3])].map { x, y in
            (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
        }
        return [corners.map(\.0).min()!, corners.map(\.1).min()!, corners.map(\.0).max()!, corners.map(\.1).max()!]
    }

    /// The rectangle spanning every subpath, nil for none.
    static func union(_ rects: [[Double]]) -> [Double]? {
        guard var u = rects.first else { return nil }
        for r in rects.dropFirst() { u = [min(u[0], r[0]), min(u[1], r[1]), max(u[2], r[2]), max(u[3], r[3])] }
        return u
    }

    static func intersect(_ a: [Double], _ b: [Double]) -> [Double] {
        [max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])]
    }

    enum Token {
        case number(Double), name(Range<Int>), other, op(String)
    }

    /// Content-stream tokens: numbers, names (as the range of their bytes, made a `String` only
    /// when an operator needs one), strings, arrays and dictionaries (as `other`, their insides
    /// skipped), comments dropped, inline images passed over.
    struct Tokenizer {
        let bytes: [UInt8]
        var at = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        /// 1: white space, 2: delimiter (`( ) < > [ ] { } / %`), 0: a regular character.
        @inline(__always) private static func kind(_ b: UInt8) -> UInt8 {
            switch b {
            case 0, 9, 10, 12, 13, 32: 1
            case 40, 41, 60, 62, 91, 93, 123, 125, 47, 37: 2
            default: 0
            }
        }

        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

        mutating func next() -> Token? {
            while at < bytes.count {
                let b = bytes[at]
                if Self.kind(b) == 1 { at += 1; continue }
                if b == UInt8(ascii: "%") {
                    while at < bytes.count, bytes[at] != 10, bytes[at] != 13 { at += 1 }
                    continue
                }
                switch b {
                case UInt8(ascii: "("):
                    skipString()
                    return .other
                case UInt8(ascii: "<"):
                    if at + 1 < bytes.count, bytes[at + 1] == UInt8(ascii: "<") { at += 2; return .other }
                    while at < bytes.count, bytes[at] != UInt8(ascii: ">") { at += 1 }
                    at += 1
                    return .other
                case UInt8(ascii: ">"):
                    at += at + 1 < bytes.count && bytes[at + 1] == UInt8(ascii: ">") ? 2 : 1
                    return .other
                case UInt8(ascii: "["):
                    // An array's insides (a `TJ`'s strings and kerning, a dash pattern) matter to no check: skipped whole.
                    skipArray()
                    return .other
                case UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                    at += 1
                    return .other
                case UInt8(ascii: "/"):
                    let start = at
                    at += 1
                    while at < bytes.count, Self.kind(bytes[at]) == 0 { at += 1 }
                    return .name(start..<at)
                default:
                    let start = at
                    while at < bytes.count, Self.kind(bytes[at]) == 0 { at += 1 }
                    if at == start { at += 1; return .other }
                    if let v = number(start..<at) { return .number(v) }
                    let word = string(start..<at)
                    if word == "BI" { skipInlineImage(); return .other }
                    return .op(word)
                }
            }
            return nil
        }

        /// `-12.5`, `.5`, `3`: PDF's numbers (no exponent); nil for anything else.
        private func number(_ range: Range<Int>) -> Double? {
            var i = range.lowerBound, negative = false
            if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { negative = bytes[i] == UInt8(ascii: "-"); i += 1 }
            var value = 0.0, scale = 0.0, digits = 0
            while i < range.upperBound {
                let b = bytes[i]
                if b >= 48 && b <= 57 {
                    value = value * 10 + Double(b - 48)
                    if scale > 0 { scale *= 10 }
                    digits += 1
                } else if b == UInt8(ascii: "."), scale == 0 {
                    scale = 1
                } else {
                    return nil
                }
                i += 1
            }
            guard digits > 0 else { return nil }
            if scale > 1 { value /= scale }
            return negative ? -value : value
        }

        /// From `[` past its matching `]`, over the strings inside (whose brackets do not count).
        private mutating func skipArray() {
            var depth = 0
            while at < bytes.count {
                switch bytes[at] {
                case UInt8(ascii: "["): depth += 1; at += 1
                case UInt8(ascii: "]"):
                    depth -= 1
                    at += 1
                    if depth == 0 { return }
                case UInt8(ascii: "("): skipString()
                case UInt8(ascii: "<"):
                    while at < bytes.count, bytes[at] != UInt8(ascii: ">") { at += 1 }
                    at += 1
                case UInt8(ascii: "%"):
                    while at < bytes.count, bytes[at] != 10, bytes[at] != 13 { at += 1 }
                default: at += 1
                }
            }
        }

        /// A literal string, with its nested parentheses and escapes.
        private mutating func skipString() {
            var depth = 0
            while at < bytes.count {
                let b = bytes[at]
                at += 1
                if b == UInt8(ascii: "\\") { at += 1; continue }
                if b == UInt8(ascii: "(") { depth += 1 }
                if b == UInt8(ascii: ")") { depth -= 1; if depth == 0 { return } }
            }
        }

        /// `BI … ID <data> EI`: to the `EI` that stands alone after the data.
        private mutating func skipInlineImage() {
            while at + 1 < bytes.count, !(bytes[at] == UInt8(ascii: "I") && bytes[at + 1] == UInt8(ascii: "D")) { at += 1 }
            at += 2
            while at + 2 < bytes.count {
                if Self.kind(bytes[at]) == 1, bytes[at + 1] == UInt8(ascii: "E"), bytes[at + 2] == UInt8(ascii: "I"),
                   at + 3 >= bytes.count || Self.kind(bytes[at + 3]) == 1 {
                    at += 3
                    return
                }
                at += 1
            }
            at = bytes.count
        }
    }
}
