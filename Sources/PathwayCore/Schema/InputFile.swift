/// The four exports of SPEC §2.
public enum InputFile: String, Sendable, Hashable, CaseIterable, Comparable {
    case contacts
    case s47Enquiries = "s47_enquiries"
    case conferences
    case audits

    /// The default file name in the input folder.
    public var defaultFileName: String { rawValue + ".csv" }

    public static func < (lhs: InputFile, rhs: InputFile) -> Bool {
        CodePoint.less(lhs.defaultFileName, rhs.defaultFileName)
    }
}
