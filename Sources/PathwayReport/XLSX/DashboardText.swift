import PathwayCore

/// Words and labels shared by the dashboard's sheets.
enum DashboardText {
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let notRecordedTeam = "(not recorded)"

    /// `31/03/2026`, as English councils write dates.
    static func date(_ day: Day) -> String {
        let c = day.components
        return pad(c.day) + "/" + pad(c.month) + "/" + String(c.year)
    }

    /// `Apr 2025`: months are written as text so LibreOffice shows chart categories as words, not serials.
    static func month(_ month: YearMonth) -> String {
        monthNames[month.month - 1] + " " + String(month.year)
    }

    /// The last month's label says when it is cut short by as-of: `Mar 2026 (to 15/03)`.
    static func monthLabel(_ month: YearMonth, asOf: Day) -> String {
        guard month == asOf.yearMonth, asOf != month.lastDay else { return self.month(month) }
        let c = asOf.components
        return self.month(month) + " (to " + pad(c.day) + "/" + pad(c.month) + ")"
    }

    /// `▲ up (better)`: the symbol, the direction in words, and whether that is good news for the KPI.
    static func trend(_ trend: Dashboard.Trend, polarity: Polarity) -> String {
        let word: String
        switch trend {
        case .up: word = "up"
        case .down: word = "down"
        case .flat: word = "same"
        }
        var text = trend.symbol + " " + word
        switch (trend, polarity) {
        case (.up, .higherIsBetter), (.down, .lowerIsBetter): text += " (better)"
        case (.down, .higherIsBetter), (.up, .lowerIsBetter): text += " (worse)"
        default: break
        }
        return text
    }

    /// `Red`, `Amber`, `Green`: the word the RAG cell holds (its colour comes from conditional formatting).
    static func rag(_ rag: RAG) -> String {
        switch rag {
        case .red: return "Red"
        case .amber: return "Amber"
        case .green: return "Green"
        }
    }

    static func polarity(_ polarity: Polarity) -> String {
        switch polarity {
        case .higherIsBetter: return "higher is better"
        case .lowerIsBetter: return "lower is better"
        case .neutral: return "neutral"
        }
    }

    static func team(_ team: String?) -> String {
        guard let team, !team.isEmpty else { return notRecordedTeam }
        return team
    }

    /// `1 child` / `12 children` style counts.
    static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(n) " + (n == 1 ? singular : plural)
    }

    /// A page footer: the authority and as-of on the left, the sheet in the middle, page numbers right.
    /// `&` is doubled (it starts a control code) and the whole stays within Excel's 255 characters.
    static func footer(authority: String, asOf: Day) -> String {
        let left = String(authority.prefix(60)).replacingAmpersands() + " \u{2014} as of " + date(asOf)
        return "&L&8" + left + "&C&8&A&R&8Page &P of &N"
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
}

extension String {
    fileprivate func replacingAmpersands() -> String {
        var out = ""
        for character in self {
            out.append(character)
            if character == "&" { out.append("&") }
        }
        return out
    }
}
