import PathwayCore

/// Excel's date serial numbers (1900 date system): days since 1899-12-30, valid from 1900-03-01 on
/// (earlier serials are skewed by Excel's 29 February 1900).
enum ExcelDate {
    /// 1970-01-01 is serial 25,569.
    static let unixEpochSerial = 25_569
    static let firstExact = Day(year: 1900, month: 3, day: 1)!

    /// The serial of a day, or nil when Excel cannot show it as a date.
    static func serial(_ day: Day) -> Double? {
        guard day >= firstExact else { return nil }
        return Double(Int(day.daysSinceEpoch) + unixEpochSerial)
    }

    /// Midnight UTC of the day as a Unix time: the workbook's creation time, so a run is reproducible.
    static func unixTime(_ day: Day) -> Int {
        Int(day.daysSinceEpoch) * 86_400
    }
}
