/// The four areas of the KPI catalogue (SPEC §4), in dashboard order.
public enum KPIArea: String, Sendable, Hashable, CaseIterable {
    case frontDoor = "front_door"
    case strategyAndSection47 = "strategy_and_s47"
    case conferences
    case qualityAssurance = "quality_assurance"

    public var title: String {
        switch self {
        case .frontDoor: return "Front door"
        case .strategyAndSection47: return "Strategy and S47"
        case .conferences: return "Conferences"
        case .qualityAssurance: return "Quality assurance"
        }
    }
}
