import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// An .xlsx file opened for reading in tests: its zip parts, parsed into small XML trees.
struct XLSXPackage {
    /// A parsed XML element.
    final class Element {
        let name: String
        let attributes: [String: String]
        var children: [Element] = []
        var text = ""

        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }

        /// Every descendant (depth first) with this local name (namespace prefix ignored).
        func all(_ local: String) -> [Element] {
            var found: [Element] = []
            for child in children {
                if child.localName == local { found.append(child) }
                found += child.all(local)
            }
            return found
        }

        func first(_ local: String) -> Element? { all(local).first }

        var localName: String { name.split(separator: ":").last.map(String.init) ?? name }

        /// All text below this element.
        var allText: String { text + children.map(\.allText).joined() }
    }

    /// One worksheet cell as stored.
    struct Cell {
        let reference: String
        /// `t` attribute: "s" shared string, "str" formula string, "n" or nil number, "b", "inlineStr".
        let type: String?
        let style: Int
        let value: String?
        let hasFormula: Bool
    }

    let parts: [String: Data]

    init(path: String) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive where entry.type == .file {
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            parts[entry.path] = data
        }
        self.parts = parts
    }

    func xml(_ part: String) throws -> Element {
        guard let data = parts[part] else { throw PackageError.missingPart(part) }
        return try XMLTree.parse(data)
    }

    /// Sheet names in workbook order (sheet N is `xl/worksheets/sheetN.xml`).
    func sheetNames() throws -> [String] {
        try xml("xl/workbook.xml").all("sheet").compactMap { $0.attributes["name"] }
    }

    func sheetXML(_ name: String) throws -> Element {
        guard let index = try sheetNames().firstIndex(of: name) else { throw PackageError.missingPart(name) }
        return try xml("xl/worksheets/sheet\(index + 1).xml")
    }

    func sharedStrings() throws -> [String] {
        guard parts["xl/sharedStrings.xml"] != nil else { return [] }
        return try xml("xl/sharedStrings.xml").all("si").map { si in si.all("t").map(\.text).joined() }
    }

    /// Cells of a sheet by reference (`B7`).
    func cells(_ sheet: String) throws -> [String: Cell] {
        var cells: [String: Cell] = [:]
        for c in try sheetXML(sheet).all("c") {
            guard let reference = c.attributes["r"] else { continue }
            // An inline string (a streamed sheet's text) is held in the cell itself: `<is><t>…</t></is>`.
            let value = c.attributes["t"] == "inlineStr" ? c.first("is")?.all("t").map(\.text).joined() : c.first("v")?.text
            cells[reference] = Cell(reference: reference, type: c.attributes["t"], style: Int(c.attributes["s"] ?? "0") ?? 0,
                                    value: value, hasFormula: c.first("f") != nil)
        }
        return cells
    }

    /// The text of a cell: the shared string, or the stored value (an inline string's text).
    func text(_ cell: Cell?, strings: [String]) -> String? {
        guard let cell, let value = cell.value else { return nil }
        if cell.type == "s", let index = Int(value), strings.indices.contains(index) { return strings[index] }
        return value
    }

    /// The number format code of each cell style (`cellXfs` index → format code).
    func numberFormats() throws -> [String] {
        let styles = try xml("xl/styles.xml")
        var custom: [Int: String] = [:]
        for format in styles.all("numFmt") {
            if let id = format.attributes["numFmtId"].flatMap(Int.init), let code = format.attributes["formatCode"] {
                custom[id] = code
            }
        }
        let builtIn = [0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 14: "mm-dd-yy"]
        guard let cellXfs = styles.first("cellXfs") else { return [] }
        return cellXfs.children.filter { $0.localName == "xf" }.map { xf in
            let id = Int(xf.attributes["numFmtId"] ?? "0") ?? 0
            return custom[id] ?? builtIn[id] ?? "numFmt \(id)"
        }
    }

    enum PackageError: Error { case missingPart(String), badXML(String) }
}

/// XMLParser into `XLSXPackage.Element` trees.
final class XMLTree: NSObject, XMLParserDelegate {
    private var stack: [XLSXPackage.Element] = []
    private var root: XLSXPackage.Element?

    static func parse(_ data: Data) throws -> XLSXPackage.Element {
        let tree = XMLTree()
        let parser = XMLParser(data: data)
        parser.delegate = tree
        guard parser.parse(), let root = tree.root else {
            throw XLSXPackage.PackageError.badXML(parser.parserError.map { "\($0)" } ?? "no root")
        }
        return root
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        let element = XLSXPackage.Element(name: elementName, attributes: attributeDict)
        stack.last?.children.append(element)
        if root == nil { root = element }
        stack.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }
}

/// A fresh temporary folder per test, removed afterwards.
struct ScratchDirectory: ~Copyable {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/pathway-xlsx-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
