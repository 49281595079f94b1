import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One element of a parsed XML part, names without their namespace prefix (`w:p` → `p`):
/// WordprocessingML's prefixes are conventions, and no part Bantin reads uses one local name
/// in two namespaces where it matters.
final class XNode {
    let name: String
    let attributes: [String: String]
    var children: [XNode] = []
    /// Character data directly inside this element (for `w:t`, `w:delText`, `w:instrText`).
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    subscript(attribute: String) -> String? { attributes[attribute] }

    func child(_ name: String) -> XNode? { children.first { $0.name == name } }

    func children(_ name: String) -> [XNode] { children.filter { $0.name == name } }

    /// The first element named `name` at any depth below this one.
    func descendant(_ name: String) -> XNode? {
        for child in children {
            if child.name == name { return child }
            if let found = child.descendant(name) { return found }
        }
        return nil
    }

    /// Every element named `name` below this one, in document order.
    func descendants(_ name: String) -> [XNode] {
        var found: [XNode] = []
        func walk(_ element: XNode) {
            for child in element.children {
                if child.name == name { found.append(child) }
                walk(child)
            }
        }
        walk(self)
        return found
    }

    /// `w:val` of the child `name` (`<w:pStyle w:val="Heading1"/>`).
    func value(of name: String) -> String? { child(name)?["val"] }

    /// An on/off property (`<w:b/>`, `<w:b w:val="0"/>`): nil when absent.
    func toggle(_ name: String) -> Bool? {
        guard let element = child(name) else { return nil }
        guard let value = element["val"] else { return true }
        return !["0", "false", "off", "none"].contains(value)
    }
}

enum XMLTree {
    struct Failure: Error, CustomStringConvertible {
        let part: String
        let reason: String
        var description: String { "\(part) is not well-formed XML: \(reason)" }
    }

    /// Parses `data` into a tree; throws when it is not well-formed.
    static func parse(_ data: Data, part: String) throws -> XNode {
        // WordprocessingML never declares a DTD; one that does could define entities that expand
        // without end (the "billion laughs"), so it is refused before libxml2 reads it.
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            throw Failure(part: part, reason: "it declares a DTD, which no Word file does")
        }
        // Foundation's XMLParser traps on a name or value that is not valid UTF-8 (libxml2 passes
        // it through), so a damaged part is refused here. Word writes every part in UTF-8.
        if String(validatingUTF8CString: data) == nil {
            throw Failure(part: part, reason: "it is not UTF-8 text (the file is damaged)")
        }
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        guard parser.parse(), let root = builder.root else {
            throw Failure(part: part, reason: parser.parserError.map { "\($0.localizedDescription)" } ?? "no root element")
        }
        // Foundation's parser on Linux reports no error for a part cut short: an element left
        // open at the end says it.
        guard builder.stack.isEmpty else {
            throw Failure(part: part, reason: "it ends inside <\(builder.stack.last!.name)> (the file is cut short)")
        }
        return root
    }

    static func localName(_ qualified: String) -> String {
        guard let colon = qualified.lastIndex(of: ":") else { return qualified }
        return String(qualified[qualified.index(after: colon)...])
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XNode?
        var stack: [XNode] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            var local: [String: String] = [:]
            for (key, value) in attributes where !key.hasPrefix("xmlns") {
                local[XMLTree.localName(key)] = value
            }
            let element = XNode(name: XMLTree.localName(elementName), attributes: local)
            if let parent = stack.last { parent.children.append(element) } else { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}

extension String {
    /// Nil when `data` is not valid UTF-8 (a NUL byte counts as invalid too: no XML holds one).
    init?(validatingUTF8CString data: Data) {
        guard !data.contains(0), let text = String(data: data, encoding: .utf8) else { return nil }
        self = text
    }
}
