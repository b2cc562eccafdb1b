import CXlsxWriter

/// A native Excel chart of a `Workbook`, built from cell ranges and then inserted into one worksheet.
public final class Chart {
    public enum Kind: Sendable {
        case line
        /// Horizontal bars.
        case bar
        /// Vertical bars.
        case column

        var cType: UInt8 {
            switch self {
            case .line: return UInt8(LXW_CHART_LINE.rawValue)
            case .bar: return UInt8(LXW_CHART_BAR.rawValue)
            case .column: return UInt8(LXW_CHART_COLUMN.rawValue)
            }
        }
    }

    /// A block of cells on a sheet.
    public struct Range: Sendable {
        public let sheet: String
        public let firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int

        public init(sheet: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
            self.sheet = sheet
            self.firstRow = firstRow
            self.firstColumn = firstColumn
            self.lastRow = lastRow
            self.lastColumn = lastColumn
        }

        /// One column from `firstRow` to `lastRow`.
        public static func column(_ column: Int, rows: ClosedRange<Int>, on sheet: String) -> Range {
            Range(sheet: sheet, firstRow: rows.lowerBound, firstColumn: column, lastRow: rows.upperBound, lastColumn: column)
        }
    }

    /// How a series is drawn.
    public struct SeriesStyle: Sendable {
        public var colour: UInt32
        public var dashed = false
        public var markers = true
        /// Data labels with this number format (nil: no labels).
        public var labelFormat: String?

        public init(colour: UInt32, dashed: Bool = false, markers: Bool = true, labelFormat: String? = nil) {
            self.colour = colour
            self.dashed = dashed
            self.markers = markers
            self.labelFormat = labelFormat
        }
    }

    let pointer: UnsafeMutablePointer<lxw_chart>
    public let kind: Kind
    let workbook: Workbook
    public private(set) var seriesCount = 0

    init(pointer: UnsafeMutablePointer<lxw_chart>, kind: Kind, workbook: Workbook) {
        self.pointer = pointer
        self.kind = kind
        self.workbook = workbook
    }

    /// Adds a series: values against categories, named in the legend.
    public func addSeries(name: String, categories: Range, values: Range, style: SeriesStyle) throws(XLSXError) {
        try workbook.ensureOpen("chart_add_series", sheet: values.sheet)
        for range in [categories, values] {
            guard [range.firstRow, range.lastRow].allSatisfy({ lxw_row_t(exactly: $0) != nil }),
                  [range.firstColumn, range.lastColumn].allSatisfy({ lxw_col_t(exactly: $0) != nil }) else {
                throw XLSXError(.positionOutOfRange, operation: "chart_add_series", sheet: range.sheet,
                                cell: Chart.reference(range))
            }
        }
        guard let series = chart_add_series(pointer, nil, nil) else {
            throw XLSXError(.notCreated("chart series '\(name)'"), operation: "chart_add_series", sheet: values.sheet,
                            cell: Chart.reference(values))
        }
        categories.sheet.withCString {
            chart_series_set_categories(series, $0, lxw_row_t(categories.firstRow), lxw_col_t(categories.firstColumn),
                                        lxw_row_t(categories.lastRow), lxw_col_t(categories.lastColumn))
        }
        values.sheet.withCString {
            chart_series_set_values(series, $0, lxw_row_t(values.firstRow), lxw_col_t(values.firstColumn),
                                    lxw_row_t(values.lastRow), lxw_col_t(values.lastColumn))
        }
        Chart.literal(name).withCString { chart_series_set_name(series, $0) }
        var line = lxw_chart_line()
        line.color = style.colour
        switch kind {
        case .line:
            line.width = 2.25
            if style.dashed { line.dash_type = UInt8(LXW_CHART_LINE_DASH_DASH.rawValue) }
            chart_series_set_line(series, &line)
            if style.markers {
                chart_series_set_marker_type(series, UInt8(LXW_CHART_MARKER_CIRCLE.rawValue))
                chart_series_set_marker_size(series, 5)
                var fill = lxw_chart_fill()
                fill.color = style.colour
                chart_series_set_marker_fill(series, &fill)
                chart_series_set_marker_line(series, &line)
            } else {
                chart_series_set_marker_type(series, UInt8(LXW_CHART_MARKER_NONE.rawValue))
            }
        case .bar, .column:
            var fill = lxw_chart_fill()
            fill.color = style.colour
            chart_series_set_fill(series, &fill)
            chart_series_set_line(series, &line)
        }
        if let labelFormat = style.labelFormat {
            chart_series_set_labels(series)
            labelFormat.withCString { chart_series_set_labels_num_format(series, $0) }
        }
        seriesCount += 1
    }

    /// Chart title and axis titles; the value axis may get a number format and fixed bounds.
    public func setTitles(chart title: String, categoryAxis: String, valueAxis: String, valueFormat: String? = nil,
                          valueMinimum: Double? = nil, valueMaximum: Double? = nil) throws(XLSXError) {
        try workbook.ensureOpen("chart_title_set_name")
        Chart.literal(title).withCString { chart_title_set_name(pointer, $0) }
        var titleFont = lxw_chart_font()
        titleFont.size = 11
        titleFont.bold = 1
        chart_title_set_name_font(pointer, &titleFont)
        let categories = self.categoryAxis
        let values = self.valueAxis
        Chart.literal(categoryAxis).withCString { chart_axis_set_name(categories, $0) }
        Chart.literal(valueAxis).withCString { chart_axis_set_name(values, $0) }
        var axisFont = lxw_chart_font()
        axisFont.size = 9
        axisFont.bold = 1
        chart_axis_set_name_font(categories, &axisFont)
        chart_axis_set_name_font(values, &axisFont)
        var numberFont = lxw_chart_font()
        numberFont.size = 8
        chart_axis_set_num_font(categories, &numberFont)
        chart_axis_set_num_font(values, &numberFont)
        if let valueFormat { valueFormat.withCString { chart_axis_set_num_format(values, $0) } }
        if let valueMinimum { chart_axis_set_min(values, valueMinimum) }
        if let valueMaximum { chart_axis_set_max(values, valueMaximum) }
    }

    /// Lists a bar chart's categories top to bottom in sheet order (Excel draws them bottom up), keeping
    /// the value axis at the bottom.
    public func reverseCategories() throws(XLSXError) {
        try workbook.ensureOpen("chart_axis_set_reverse")
        chart_axis_set_reverse(categoryAxis)
        chart_axis_set_crossing_max(categoryAxis)
    }

    public func setLegend(atBottom: Bool) throws(XLSXError) {
        try workbook.ensureOpen("chart_legend_set_position")
        chart_legend_set_position(pointer, UInt8((atBottom ? LXW_CHART_LEGEND_BOTTOM : LXW_CHART_LEGEND_NONE).rawValue))
        var font = lxw_chart_font()
        font.size = 8
        chart_legend_set_font(pointer, &font)
    }

    /// libxlsxwriter follows Excel: in a bar chart the horizontal x axis holds the values and the
    /// vertical y axis the categories; in line and column charts it is the other way round.
    private var categoryAxis: UnsafeMutablePointer<lxw_chart_axis> {
        kind == .bar ? pointer.pointee.y_axis : pointer.pointee.x_axis
    }

    private var valueAxis: UnsafeMutablePointer<lxw_chart_axis> {
        kind == .bar ? pointer.pointee.x_axis : pointer.pointee.y_axis
    }

    /// libxlsxwriter reads a name starting with `=` as a cell reference; a title is always literal text.
    static func literal(_ text: String) -> String {
        let safe = CellText.safe(text)
        return safe.hasPrefix("=") ? " " + safe : safe
    }

    static func reference(_ range: Range) -> String {
        CellReference.range(firstRow: range.firstRow, firstColumn: range.firstColumn,
                            lastRow: range.lastRow, lastColumn: range.lastColumn)
    }
}
