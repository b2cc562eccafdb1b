/// pathway's version, written to the definitions sheet and run manifests.
public enum ProgramVersion {
    public static let current = "0.1.0"
}
