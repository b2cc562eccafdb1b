import CXlsxWriter

/// The semantic cell styles of the dashboard. `Workbook` creates each one's libxlsxwriter format once,
/// on first use, and reuses it. The raw value (the case's position) indexes `Workbook`'s formats, so
/// finding a cell's format hashes nothing.
public enum CellStyle: Int, Hashable, Sendable, CaseIterable {
    /// Sheet title: large and bold.
    case title
    /// A line under the title (as-of, window, what the sheet shows).
    case subtitle
    /// A key sentence under the title: bold, not widening its column.
    case headline
    /// Small grey explanatory text.
    case note
    /// A block's heading within a sheet ("Monthly series", "By team").
    case sectionHeading
    /// Table column heading: bold, filled, bordered, wrapped.
    case header
    /// Table column heading for a numeric column: as `header`, right-aligned.
    case headerNumber
    /// A group row within a table (an area on the summary).
    case groupHeading
    /// A label in a key/value block ("As of").
    case label
    /// Plain text in a table cell.
    case text
    /// Bold text in a table cell (a KPI title).
    case textBold
    /// Long text that wraps within its column (definitions, messages).
    case wrap
    /// A count: whole number with thousands separators.
    case integer
    /// A percentage: the cell holds value ÷ 100 and shows one decimal place.
    case percent
    /// A date: an Excel date shown as `dd/mm/yyyy`.
    case date
    /// A date outside a table (as-of on the summary).
    case dateLabel
    /// A missing figure ("no data"): grey italic.
    case missing
    /// The RAG word cell: centred and bold; its colour comes from conditional formats.
    case rag
    /// Conditional-format fills for the RAG word (Excel's "light red fill with dark red text" family).
    case ragRed, ragAmber, ragGreen
    /// Direction of travel (▲ up, better).
    case trend
    /// Identifiers and hashes from the data or the run (written as text, whatever they look like).
    case code

    /// Excel's standard number formats for the dashboard.
    public static let percentFormat = "0.0%"
    public static let integerFormat = "#,##0"
    public static let dateFormat = "dd/mm/yyyy"

    static let headerFill: lxw_color_t = 0xDCE6F1
    static let groupFill: lxw_color_t = 0xF2F2F2
    static let borderColor: lxw_color_t = 0xBFBFBF
    static let grey: lxw_color_t = 0x595959

    /// The fill and font colour of each RAG rating.
    static let ragColours: [CellStyle: (fill: lxw_color_t, font: lxw_color_t)] = [
        .ragRed: (0xFFC7CE, 0x9C0006),
        .ragAmber: (0xFFEB9C, 0x9C5700),
        .ragGreen: (0xC6EFCE, 0x006100),
    ]

    /// The style whose format this style is written with: styles configured alike share one format.
    /// libxlsxwriter numbers a format only if it is the first with its properties; a second format
    /// configured alike is looked up again (copied, hashed and freed) for every cell written with it.
    /// With `.code` and `.text` apart, the hashing alone was 8.5 % of perf's samples during the render at
    /// 1M children, where every id on the exception lists is `.code`. `WorkbookTests` checks that no two
    /// formats are alike.
    var formatStyle: CellStyle {
        switch self {
        case .code, .trend: return .text
        case .label: return .headline
        default: return self
        }
    }

    /// Applies the style to a fresh format.
    func configure(_ format: UnsafeMutablePointer<lxw_format>) {
        switch self {
        case .title:
            format_set_bold(format)
            format_set_font_size(format, 16)
        case .subtitle:
            format_set_font_color(format, CellStyle.grey)
        case .headline:
            format_set_bold(format)
        case .note:
            format_set_italic(format)
            format_set_font_size(format, 10)
            format_set_font_color(format, CellStyle.grey)
        case .sectionHeading:
            format_set_bold(format)
            format_set_font_size(format, 13)
        case .header, .headerNumber:
            format_set_bold(format)
            format_set_text_wrap(format)
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            format_set_align(format, UInt8((self == .header ? LXW_ALIGN_LEFT : LXW_ALIGN_RIGHT).rawValue))
            format_set_bg_color(format, CellStyle.headerFill)
            bordered(format)
        case .groupHeading:
            format_set_bold(format)
            format_set_bg_color(format, CellStyle.groupFill)
            bordered(format)
        case .label:
            format_set_bold(format)
        case .text, .code:
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            bordered(format)
        case .textBold:
            format_set_bold(format)
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            bordered(format)
        case .wrap:
            format_set_text_wrap(format)
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            bordered(format)
        case .integer:
            format_set_num_format(format, CellStyle.integerFormat)
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            bordered(format)
        case .percent:
            format_set_num_format(format, CellStyle.percentFormat)
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            bordered(format)
        case .date:
            format_set_num_format(format, CellStyle.dateFormat)
            format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            bordered(format)
        case .dateLabel:
            format_set_num_format(format, CellStyle.dateFormat)
            format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .missing:
            format_set_italic(format)
            format_set_font_color(format, CellStyle.grey)
            format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue))
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            bordered(format)
        case .rag, .trend:
            if self == .rag {
                format_set_bold(format)
                format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
            }
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            bordered(format)
        case .ragRed, .ragAmber, .ragGreen:
            let colours = CellStyle.ragColours[self]!
            format_set_bg_color(format, colours.fill)
            format_set_font_color(format, colours.font)
        }
    }

    private func bordered(_ format: UnsafeMutablePointer<lxw_format>) {
        format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
        format_set_border_color(format, CellStyle.borderColor)
    }

    /// Whether text written in this style should widen its column when columns are fitted. Titles and
    /// notes spill into the empty cells to their right; wrapped text and headers wrap instead.
    var fitsColumn: Bool {
        switch self {
        case .title, .subtitle, .headline, .note, .sectionHeading, .wrap: return false
        default: return true
        }
    }

    /// Bold text is about a tenth wider than regular text.
    var widthFactor: Double {
        switch self {
        case .header, .headerNumber, .groupHeading, .label, .textBold, .rag: return 1.1
        default: return 1.0
        }
    }
}
