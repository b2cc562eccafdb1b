import Foundation
import PathwayCore

/// The England and Wales holiday list shipped with pathway (Sources/PathwayApp/Resources), read from the
/// source tree: the one calendar every test target uses.
public enum ShippedHolidays {
    public static let fileName = "bank-holidays-england-and-wales.csv"

    public static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/PathwayApp/Resources/\(fileName)").standardized

    /// The file's bytes.
    public static func bytes() throws -> [UInt8] { Array(try Data(contentsOf: url)) }

    /// The calendar, loaded once for the whole test run.
    public static let calendar: WorkingDayCalendar = {
        do {
            return try WorkingDayCalendar.load(csv: try bytes(), source: fileName)
        } catch {
            preconditionFailure("cannot load \(url.path): \(error)")
        }
    }()
}
