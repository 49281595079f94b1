/// Model: the document IR every stage shares — `Publication`, `Issue`, `Section`, `Article`,
/// `Block`, `Inline`, `Figure` — plus lengths (`Pt`) and the typed layout spec (`LayoutSpec`).
/// Values only: no I/O, no C. Each type dumps itself as compact text for tests and `bantin dump`.

/// A length in PostScript points (1/72 inch), the unit of PDF and of every layout computation.
public struct Pt: Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral, AdditiveArithmetic
{
    public var value: Double

    public init(_ value: Double) { self.value = value }
    public init(floatLiteral value: Double) { self.value = value }
    public init(integerLiteral value: Int) { self.value = Double(value) }

    public static func mm(_ millimetres: Double) -> Pt { Pt(millimetres * 72 / 25.4) }
    public var millimetres: Double { value * 25.4 / 72 }

    public static let zero = Pt(0)
    public static func + (a: Pt, b: Pt) -> Pt { Pt(a.value + b.value) }
    public static func - (a: Pt, b: Pt) -> Pt { Pt(a.value - b.value) }
    public static func * (a: Pt, k: Double) -> Pt { Pt(a.value * k) }
    public static func * (k: Double, a: Pt) -> Pt { Pt(a.value * k) }
    public static func / (a: Pt, k: Double) -> Pt { Pt(a.value / k) }
    public static func / (a: Pt, b: Pt) -> Double { a.value / b.value }
    public static prefix func - (a: Pt) -> Pt { Pt(-a.value) }
    public static func < (a: Pt, b: Pt) -> Bool { a.value < b.value }

    /// Two decimals, as in dumps: `241.50pt`.
    public var description: String { formatted + "pt" }
    public var formatted: String { Pt.format(value) }

    static func format(_ v: Double) -> String {
        let rounded = (v * 100).rounded() / 100
        let text = String(rounded == 0 ? 0 : rounded)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}

public struct Size: Hashable, Sendable {
    public var width: Pt
    public var height: Pt
    public init(width: Pt, height: Pt) {
        self.width = width
        self.height = height
    }
}

public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Pt
    public var y: Pt
    public var width: Pt
    public var height: Pt

    public init(x: Pt, y: Pt, width: Pt, height: Pt) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Pt { x + width }
    public var maxY: Pt { y + height }

    public func insetBy(_ d: Pt) -> Rect {
        Rect(x: x + d, y: y + d, width: width - d * 2, height: height - d * 2)
    }

    public var description: String { "[\(x.formatted) \(y.formatted) \(width.formatted)×\(height.formatted)]" }
}
