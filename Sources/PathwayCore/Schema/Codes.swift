// The vocabularies of SPEC §2. Raw values are the canonical codes written to outputs.

public enum ContactOutcome: String, VocabularyCode {
    case referral, earlyHelp = "early_help", nfa, advice, openCase = "open_case", other

    public var labels: [String] {
        switch self {
        case .referral:
            return ["referral", "referral to children's social care", "referral to social care", "referral to csc"]
        case .earlyHelp: return ["early help", "early help referral", "early help assessment"]
        case .nfa: return ["nfa", "no further action"]
        case .advice: return ["advice", "information and advice", "signposting"]
        case .openCase: return ["open case", "existing case", "already open"]
        case .other: return []
        }
    }
}

public enum Section47Outcome: String, VocabularyCode {
    case icpc, cin, nfa, other

    public var labels: [String] {
        switch self {
        case .icpc: return ["icpc", "initial child protection conference", "proceed to icpc"]
        case .cin: return ["cin", "child in need", "child in need plan"]
        case .nfa: return ["nfa", "no further action"]
        case .other: return []
        }
    }
}

public enum ConferenceType: String, VocabularyCode {
    case initial, review, transferIn = "transfer_in"

    public var labels: [String] {
        switch self {
        case .initial: return ["initial", "icpc", "initial child protection conference"]
        case .review: return ["review", "rcpc", "review child protection conference"]
        case .transferIn: return ["transfer in", "transfer-in", "ticpc"]
        }
    }
}

public enum ConferenceOutcome: String, VocabularyCode {
    case plan, noPlan = "no_plan", `continue`, end

    public var labels: [String] {
        switch self {
        case .plan: return ["plan", "cp plan", "child protection plan", "yes"]
        case .noPlan: return ["no plan", "no", "nfa", "no further action"]
        case .continue: return ["continue", "plan continues", "continue plan"]
        case .end: return ["end", "end plan", "plan ended", "discontinue", "discontinued"]
        }
    }
}

public enum AbuseCategory: String, VocabularyCode {
    case neglect, physical, sexual, emotional, multiple

    public var labels: [String] {
        switch self {
        case .neglect: return ["neglect"]
        case .physical: return ["physical", "physical abuse"]
        case .sexual: return ["sexual", "sexual abuse"]
        case .emotional: return ["emotional", "emotional abuse"]
        case .multiple: return ["multiple", "multiple/not recommended"]
        }
    }
}

public enum AuditGrade: String, VocabularyCode {
    case outstanding, good, requiresImprovement = "requires_improvement", inadequate

    public var labels: [String] {
        switch self {
        case .outstanding: return ["outstanding"]
        case .good: return ["good"]
        case .requiresImprovement: return ["requires improvement", "requires improvement to be good", "ri"]
        case .inadequate: return ["inadequate"]
        }
    }

    public var isGoodOrBetter: Bool { self == .outstanding || self == .good }
}

public enum YesNo: String, VocabularyCode {
    case yes, no

    public var labels: [String] {
        switch self {
        case .yes: return ["y", "yes", "true", "1"]
        case .no: return ["n", "no", "false", "0"]
        }
    }
}
