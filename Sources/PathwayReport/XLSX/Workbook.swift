#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CXlsxWriter
import CXlsxHooks
import PathwayCore

/// One XLSX file being written: the libxlsxwriter workbook, its sheet names and its cell formats.
///
/// Not `Sendable`: libxlsxwriter is not thread-safe per workbook, so a workbook and its sheets and charts
/// stay inside one task. Use `Workbook.write(to:options:_:)`, which closes the workbook exactly once —
/// also when the body throws, in which case the partial file is removed.
public final class Workbook {
    public struct Options: Sendable {
        /// Folder for libxlsxwriter's temporary files (nil: the system's).
        public var temporaryDirectory: String?
        /// libxlsxwriter's constant_memory mode: rows must then be written in order. Off by default.
        public var constantMemory: Bool
        /// zlib's level (0...9) for the file's parts; nil leaves them to libxlsxwriter and minizip, at
        /// zlib's default level (6). libxlsxwriter has no option for it: the close sets it through CXlsxHooks,
        /// which then deflates each part in chunks.
        public var zipLevel: Int?
        /// With a `zipLevel`, the threads packing the parts during the close: 1 (the closing thread) or 2
        /// (a worker that hands the parts to minizip while the closing thread writes the next, and deflates
        /// each part's chunks with a helper). The file's bytes are the same either way.
        public var zipThreads: Int
        /// libxlsxwriter's temporary files (a streamed sheet's rows, and each part during the close) held
        /// in memory instead of in `temporaryDirectory` (CXlsxHooks.h). Off by default.
        public var temporaryFilesInMemory: Bool
        /// Rows and cells written by CXlsxHooks instead of libxlsxwriter's `fprintf` calls, with the same
        /// bytes (CXlsxHooks.h), while `write(to:options:_:)` runs. Off by default.
        public var directCells: Bool

        public init(temporaryDirectory: String? = nil, constantMemory: Bool = false, zipLevel: Int? = nil,
                    zipThreads: Int = 1, temporaryFilesInMemory: Bool = false, directCells: Bool = false) {
            self.temporaryDirectory = temporaryDirectory
            self.constantMemory = constantMemory
            self.zipLevel = zipLevel
            self.zipThreads = zipThreads
            self.temporaryFilesInMemory = temporaryFilesInMemory
            self.directCells = directCells
        }
    }

    /// Document properties (File ▸ Properties). `created` is a day, written as midnight UTC, so the
    /// same inputs give byte-identical files.
    public struct Properties: Sendable {
        public var title: String
        public var subject: String
        public var author: String
        public var company: String
        public var comments: String
        public var created: Day

        public init(title: String, subject: String = "", author: String = "", company: String = "",
                    comments: String = "", created: Day) {
            self.title = title
            self.subject = subject
            self.author = author
            self.company = company
            self.comments = comments
            self.created = created
        }
    }

    public let path: String
    let pointer: UnsafeMutablePointer<lxw_workbook>
    // `@exclusivity(unchecked)` on the properties read for every cell written (here and in `Worksheet`):
    // neither class is `Sendable`, so one thread writes a workbook and its sheets, and none of these
    // accesses overlaps another; the run-time checks (`swift_beginAccess`, a thread-local look-up each)
    // were about a sixth of pathway's own time while the exception lists were written (perf, 1M children).
    @exclusivity(unchecked) public private(set) var isClosed = false
    /// Sheet names in the order added.
    public private(set) var sheetNames: [SheetName] = []
    private var usedNames: Set<String> = []
    /// Indexed by `CellStyle.rawValue` (a dictionary lookup hashed the style for every cell written).
    @exclusivity(unchecked) private var formats = [UnsafeMutablePointer<lxw_format>?](repeating: nil, count: CellStyle.allCases.count)
    /// How many times libxlsxwriter was asked for a format (each style once) and to close the workbook.
    private(set) var formatsCreated = 0
    private(set) var closeCalls = 0
    private let zipLevel: Int?
    private let zipThreads: Int
    /// How many of the file's parts the close deflated at `zipLevel` (0 when none was set, or when
    /// libxlsxwriter's zip calls did not reach CXlsxHooks), and how many of those were cut into chunks for
    /// two threads.
    public private(set) var partsAtZipLevel = 0
    public private(set) var partsOnTwoThreads = 0
    /// How many of the file's parts (at `zipLevel` or not) a worker thread gave to minizip (`zipThreads` 2).
    public private(set) var partsOnWorker = 0
    private let temporaryFilesInMemory: Bool
    /// How many temporary files libxlsxwriter was given in memory for this workbook.
    public private(set) var temporaryFilesMadeInMemory = 0
    private let directCells: Bool
    /// How many cells CXlsxHooks wrote for this workbook in `write(to:options:_:)` (`Options.directCells`).
    public private(set) var cellsWrittenDirectly = 0

    public init(path: String, options: Options = Options()) throws(XLSXError) {
        precondition(options.zipLevel.map { (0...9).contains($0) } ?? true, "zlib's levels are 0 to 9")
        precondition((1...2).contains(options.zipThreads), "parts are deflated on 1 or 2 threads")
        var cOptions = lxw_workbook_options()
        cOptions.constant_memory = options.constantMemory ? 1 : 0
        cOptions.use_zip64 = 0
        // libxlsxwriter copies the string; it only has to live for the call.
        let tmpdir = options.temporaryDirectory.flatMap { strdup($0) }
        defer { free(tmpdir) }
        cOptions.tmpdir = tmpdir
        guard let workbook = path.withCString({ workbook_new_opt($0, &cOptions) }) else {
            throw XLSXError(.notCreated("workbook for '\(path)'"), operation: "workbook_new_opt")
        }
        self.path = path
        self.pointer = workbook
        self.zipLevel = options.zipLevel
        self.zipThreads = options.zipThreads
        self.temporaryFilesInMemory = options.temporaryFilesInMemory
        self.directCells = options.directCells
    }

    deinit {
        // A workbook dropped without close (a caller bypassing `write`): free libxlsxwriter's memory and
        // leave no half-made file behind.
        if !isClosed {
            isClosed = true
            closeCalls += 1
            _ = closeInC()
            unlink(path)
        }
    }

    /// Creates the workbook, runs `body`, then writes and closes the file. `workbook_close` runs exactly
    /// once; when `body` or the close fails, the file at `path` is removed and the error is rethrown.
    /// With `Options.directCells`, CXlsxHooks writes the rows and cells on this thread meanwhile.
    @discardableResult
    public static func write(to path: String, options: Options = Options(),
                             _ body: (Workbook) throws(XLSXError) -> Void) throws(XLSXError) -> Workbook {
        let workbook = try Workbook(path: path, options: options)
        try workbook.withDirectCells { () throws(XLSXError) in
            do throws(XLSXError) {
                try body(workbook)
            } catch {
                workbook.discard()
                throw error
            }
            do throws(XLSXError) {
                try workbook.close()
            } catch {
                unlink(path)
                throw error
            }
        }
        return workbook
    }

    /// Runs `body` with CXlsxHooks writing this thread's rows and cells if the options asked for it,
    /// counting the cells it wrote.
    private func withDirectCells(_ body: () throws(XLSXError) -> Void) throws(XLSXError) {
        try withHook(directCells, set: pathway_xlsx_set_direct_cells, counter: pathway_xlsx_cells_written_directly,
                     adding: \.cellsWrittenDirectly, body)
    }

    /// Runs `call` with one of CXlsxHooks' settings for this thread turned on (when `on`) and off again
    /// afterwards, adding to `total` how far the setting's counter moved meanwhile.
    private func withHook<Result, Failure: Error>(
        _ on: Bool, set: (Int32) -> Void, counter: () -> UInt, adding total: ReferenceWritableKeyPath<Workbook, Int>,
        _ call: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        guard on else { return try call() }
        let before = counter()
        set(1)
        defer {
            set(0)
            self[keyPath: total] += Int(counter() - before)
        }
        return try call()
    }

    /// Writes the file and frees the workbook. A second call throws instead of reaching C.
    public func close() throws(XLSXError) {
        try ensureOpen("workbook_close")
        isClosed = true
        closeCalls += 1
        try XLSXError.check(closeInC(), "workbook_close", cell: nil)
    }

    /// `workbook_close`, with the options' zlib level and threads set for this thread while it packs
    /// the file.
    private func closeInC() -> lxw_error {
        withTemporaryFiles { closeInC(zipLevel: zipLevel) }
    }

    private func closeInC(zipLevel: Int?) -> lxw_error {
        guard let zipLevel else { return workbook_close(pointer) }
        let before = (pathway_xlsx_zip_parts_deflated(), pathway_xlsx_zip_parts_on_two_threads(),
                      pathway_xlsx_zip_parts_on_worker())
        pathway_xlsx_set_zip_level(Int32(zipLevel), Int32(zipThreads))
        let result = workbook_close(pointer)
        // Cleared before the counts are read: a worker that a failed close left behind adds its own.
        pathway_xlsx_set_zip_level(-1, 1)
        partsAtZipLevel = Int(pathway_xlsx_zip_parts_deflated() - before.0)
        partsOnTwoThreads = Int(pathway_xlsx_zip_parts_on_two_threads() - before.1)
        partsOnWorker = Int(pathway_xlsx_zip_parts_on_worker() - before.2)
        return result
    }

    /// Runs a call into libxlsxwriter that may make temporary files, with them in memory on this thread
    /// if the options asked for it.
    private func withTemporaryFiles<Result>(_ call: () -> Result) -> Result {
        withHook(temporaryFilesInMemory, set: pathway_xlsx_set_memory_files, counter: pathway_xlsx_memory_files_opened,
                 adding: \.temporaryFilesMadeInMemory, call)
    }

    /// Closes the workbook (freeing libxlsxwriter's memory) and removes whatever it wrote.
    func discard() {
        guard !isClosed else { return }
        isClosed = true
        closeCalls += 1
        _ = closeInC()
        unlink(path)
    }

    func ensureOpen(_ operation: String, sheet: String? = nil) throws(XLSXError) {
        if isClosed { throw XLSXError(.workbookClosed, operation: operation, sheet: sheet) }
    }

    /// Adds a worksheet after checking the name (Excel's rules, and unique ignoring case).
    ///
    /// A `streamed` sheet (libxlsxwriter's constant_memory mode for this sheet only) writes each row out
    /// as soon as a later row is begun, with its text in the cells rather than in the shared-string table:
    /// faster and smaller in memory for long lists, but its rows must be written in order, with their
    /// heights set before the next row (size the columns first with `measuring`). A chart cannot show a
    /// streamed sheet's values when the file is opened without recalculation, so charts read normal sheets.
    public func addWorksheet(_ name: String, streamed: Bool = false) throws(XLSXError) -> Worksheet {
        try ensureOpen("workbook_add_worksheet", sheet: name)
        let sheetName = try SheetName(name)
        guard !usedNames.contains(sheetName.uniquenessKey) else {
            throw XLSXError(.duplicateSheetName(name), operation: "add worksheet", sheet: name)
        }
        // libxlsxwriter 1.1.4 reads `options.constant_memory` only when a sheet is added (into the sheet's
        // own `optimize`), so setting it for this one call streams this sheet alone. The workbook's own
        // setting is put back afterwards.
        let workbookSetting = pointer.pointee.options.constant_memory
        if streamed { pointer.pointee.options.constant_memory = 1 }
        defer { pointer.pointee.options.constant_memory = workbookSetting }
        // A streamed sheet's rows go to a temporary file.
        let added = withTemporaryFiles { name.withCString { workbook_add_worksheet(pointer, $0) } }
        guard let added else {
            // The checks above mirror libxlsxwriter's; if it still refuses, report its reason.
            let code = name.withCString { workbook_validate_sheet_name(pointer, $0) }
            let reason: XLSXError.Reason = code == LXW_NO_ERROR ? .notCreated("worksheet") : XLSXError.library(code)
            throw XLSXError(reason, operation: "workbook_add_worksheet", sheet: name)
        }
        usedNames.insert(sheetName.uniquenessKey)
        sheetNames.append(sheetName)
        // The sheet's own flag says what the library did.
        return Worksheet(name: name, pointer: added, workbook: self, streamed: added.pointee.optimize != 0)
    }

    /// Adds a chart, to be filled and then inserted into a worksheet.
    public func addChart(_ kind: Chart.Kind) throws(XLSXError) -> Chart {
        try ensureOpen("workbook_add_chart")
        guard let chart = workbook_add_chart(pointer, kind.cType) else {
            throw XLSXError(.notCreated("chart"), operation: "workbook_add_chart")
        }
        return Chart(pointer: chart, kind: kind, workbook: self)
    }

    /// The format of a style, created on first use and reused afterwards (one for the styles that
    /// share a `formatStyle`).
    func format(_ style: CellStyle, sheet: String? = nil) throws(XLSXError) -> UnsafeMutablePointer<lxw_format> {
        let style = style.formatStyle
        if let format = formats[style.rawValue] { return format }
        try ensureOpen("workbook_add_format", sheet: sheet)
        guard let format = workbook_add_format(pointer) else {
            throw XLSXError(.notCreated("cell format \(style)"), operation: "workbook_add_format", sheet: sheet)
        }
        formatsCreated += 1
        style.configure(format)
        formats[style.rawValue] = format
        return format
    }

    public func setProperties(_ properties: Properties) throws(XLSXError) {
        try ensureOpen("workbook_set_properties")
        // libxlsxwriter copies every string; the copies here only live for the call.
        let strings = [properties.title, properties.subject, properties.author, properties.company,
                       properties.comments].map { strdup(CellText.safe($0)) }
        defer { strings.forEach { free($0) } }
        var cProperties = lxw_doc_properties()
        cProperties.title = strings[0]
        cProperties.subject = strings[1]
        cProperties.author = strings[2]
        cProperties.company = strings[3]
        cProperties.comments = strings[4]
        cProperties.created = time_t(ExcelDate.unixTime(properties.created))
        try XLSXError.check(workbook_set_properties(pointer, &cProperties), "workbook_set_properties")
    }

    /// The libxlsxwriter version compiled against (`LXW_VERSION`).
    public static var libraryVersion: String { String(cString: pathway_lxw_header_version()) }
}
