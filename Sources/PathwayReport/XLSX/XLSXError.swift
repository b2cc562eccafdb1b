import CXlsxWriter

/// A failure while writing an XLSX file: what went wrong, in which operation, on which sheet and cell.
///
/// Every `lxw_error` libxlsxwriter returns becomes one of these (`Reason.library`); the wrapper's own
/// checks (sheet names, positions, closed workbooks) are made before C is called.
public struct XLSXError: Error, Equatable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        /// libxlsxwriter returned this `lxw_error`: its number, its C name and its own message.
        case library(code: Int, name: String, message: String)
        /// A sheet name Excel would refuse (checked before libxlsxwriter sees it).
        case invalidSheetName(String, problem: String)
        /// A sheet name already used in the workbook (Excel compares names case-insensitively).
        case duplicateSheetName(String)
        /// A row or column that libxlsxwriter's index types cannot even represent (negative, too large).
        case positionOutOfRange
        /// A number Excel cannot store (NaN or infinite).
        case notFinite(Double)
        /// libxlsxwriter returned NULL when asked to create this object (workbook, worksheet, format, chart...).
        case notCreated(String)
        /// The workbook has already been closed (written); nothing more can be added.
        case workbookClosed
        /// A row above `current` (1-based) on a streamed sheet, whose earlier rows are already written.
        case rowAlreadyStreamed(current: Int)
    }

    public let reason: Reason
    /// The C function or wrapper operation that failed, e.g. `worksheet_write_number`.
    public let operation: String
    /// The sheet at fault, when there is one.
    public let sheet: String?
    /// The cell or range at fault in A1 notation (`B7`, `A5:K20`), when there is one.
    public let cell: String?

    public init(_ reason: Reason, operation: String, sheet: String? = nil, cell: String? = nil) {
        self.reason = reason
        self.operation = operation
        self.sheet = sheet
        self.cell = cell
    }

    public var description: String {
        var place = ""
        if let sheet { place += "sheet '\(sheet)'" }
        if let cell { place += (place.isEmpty ? "cell " : ", cell ") + cell }
        let prefix = place.isEmpty ? "" : place + ": "
        return prefix + "\(operation) failed: " + reasonText
    }

    private var reasonText: String {
        switch reason {
        case let .library(code, name, message): return "\(message) (\(name), \(code))"
        case let .invalidSheetName(name, problem): return "the sheet name '\(name)' \(problem)"
        case let .duplicateSheetName(name): return "the sheet name '\(name)' is already used in this workbook"
        case .positionOutOfRange: return "the row or column is outside what a worksheet can hold"
        case let .notFinite(value): return "\(value) is not a number Excel can store"
        case let .notCreated(what): return "libxlsxwriter could not create the \(what)"
        case .workbookClosed: return "the workbook has already been closed"
        case let .rowAlreadyStreamed(current):
            return "the sheet is streamed (written row by row) and row \(current) is being written; rows above it are final"
        }
    }

    /// Turns a libxlsxwriter return code into a thrown error naming the operation, sheet and cell.
    /// `cell` is built only when the call failed: naming every written cell up front was 1.8 % of all CPU
    /// samples of a 1M-children run, on the render's single core.
    static func check(_ code: lxw_error, _ operation: String, sheet: String? = nil,
                      cell: @autoclosure () -> String? = nil) throws(XLSXError) {
        guard code != LXW_NO_ERROR else { return }
        throw XLSXError(library(code), operation: operation, sheet: sheet, cell: cell())
    }

    static func library(_ code: lxw_error) -> Reason {
        let message = lxw_strerror(code).map { String(cString: $0) } ?? "unknown error"
        return .library(code: Int(code.rawValue), name: name(of: code), message: message)
    }

    /// The C enumerator's name, so a log line can be searched for in libxlsxwriter's documentation.
    static func name(of code: lxw_error) -> String {
        let names: [(lxw_error, String)] = [
            (LXW_NO_ERROR, "LXW_NO_ERROR"),
            (LXW_ERROR_MEMORY_MALLOC_FAILED, "LXW_ERROR_MEMORY_MALLOC_FAILED"),
            (LXW_ERROR_CREATING_XLSX_FILE, "LXW_ERROR_CREATING_XLSX_FILE"),
            (LXW_ERROR_CREATING_TMPFILE, "LXW_ERROR_CREATING_TMPFILE"),
            (LXW_ERROR_READING_TMPFILE, "LXW_ERROR_READING_TMPFILE"),
            (LXW_ERROR_ZIP_FILE_OPERATION, "LXW_ERROR_ZIP_FILE_OPERATION"),
            (LXW_ERROR_ZIP_PARAMETER_ERROR, "LXW_ERROR_ZIP_PARAMETER_ERROR"),
            (LXW_ERROR_ZIP_BAD_ZIP_FILE, "LXW_ERROR_ZIP_BAD_ZIP_FILE"),
            (LXW_ERROR_ZIP_INTERNAL_ERROR, "LXW_ERROR_ZIP_INTERNAL_ERROR"),
            (LXW_ERROR_ZIP_FILE_ADD, "LXW_ERROR_ZIP_FILE_ADD"),
            (LXW_ERROR_ZIP_CLOSE, "LXW_ERROR_ZIP_CLOSE"),
            (LXW_ERROR_FEATURE_NOT_SUPPORTED, "LXW_ERROR_FEATURE_NOT_SUPPORTED"),
            (LXW_ERROR_NULL_PARAMETER_IGNORED, "LXW_ERROR_NULL_PARAMETER_IGNORED"),
            (LXW_ERROR_PARAMETER_VALIDATION, "LXW_ERROR_PARAMETER_VALIDATION"),
            (LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED, "LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED"),
            (LXW_ERROR_INVALID_SHEETNAME_CHARACTER, "LXW_ERROR_INVALID_SHEETNAME_CHARACTER"),
            (LXW_ERROR_SHEETNAME_START_END_APOSTROPHE, "LXW_ERROR_SHEETNAME_START_END_APOSTROPHE"),
            (LXW_ERROR_SHEETNAME_ALREADY_USED, "LXW_ERROR_SHEETNAME_ALREADY_USED"),
            (LXW_ERROR_32_STRING_LENGTH_EXCEEDED, "LXW_ERROR_32_STRING_LENGTH_EXCEEDED"),
            (LXW_ERROR_128_STRING_LENGTH_EXCEEDED, "LXW_ERROR_128_STRING_LENGTH_EXCEEDED"),
            (LXW_ERROR_255_STRING_LENGTH_EXCEEDED, "LXW_ERROR_255_STRING_LENGTH_EXCEEDED"),
            (LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED, "LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED"),
            (LXW_ERROR_SHARED_STRING_INDEX_NOT_FOUND, "LXW_ERROR_SHARED_STRING_INDEX_NOT_FOUND"),
            (LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, "LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE"),
            (LXW_ERROR_WORKSHEET_MAX_URL_LENGTH_EXCEEDED, "LXW_ERROR_WORKSHEET_MAX_URL_LENGTH_EXCEEDED"),
            (LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED, "LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED"),
            (LXW_ERROR_IMAGE_DIMENSIONS, "LXW_ERROR_IMAGE_DIMENSIONS"),
        ]
        return names.first { $0.0 == code }?.1 ?? "lxw_error \(code.rawValue)"
    }
}
