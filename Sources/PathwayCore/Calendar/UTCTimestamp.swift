/// A moment written as `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds): run.json's `started_at` and
/// `finished_at`, and the time of a JSON log line.
///
/// Written from the seconds since 1970 with `Day`'s own calendar arithmetic, so the executable reads
/// the clock and nothing here needs Foundation's date formatters: `ISO8601DateFormatter` loaded ICU's
/// calendar and locale data on the first call, 2-3 ms of every run's start-up on one core with the data
/// in the page cache and about 15 ms without (perf, at 1M children).
public enum UTCTimestamp {
    /// `seconds` since 1970-01-01T00:00:00Z; fractions are dropped towards the past (like
    /// `ISO8601DateFormatter`, which wrote whole seconds).
    public static func string(secondsSince1970 seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        let (days, second) = whole.quotientAndRemainder(dividingBy: 86_400)
        // Before 1970 the remainder is negative: borrow a day.
        let (day, ofDay) = second < 0 ? (days - 1, second + 86_400) : (days, second)
        return Day(daysSinceEpoch: day).description + "T" + Day.pad(ofDay / 3_600, 2) + ":"
            + Day.pad(ofDay / 60 % 60, 2) + ":" + Day.pad(ofDay % 60, 2) + "Z"
    }
}
