import PathwayApp
import PathwayCore
import Testing

@Suite("configuration file")
struct ConfigurationTests {
    @Test("every key is read")
    func readsEverything() throws {
        let config = try ConfigurationLoader.parse("""
            authority: Anytown
            input:
              folder: /data/exports
              files: {contacts: Contacts Export.csv}
              optional: [audits]
            holidays: /etc/pathway/holidays.csv
            max_rejected_percent: 2.5
            amber_margin: 3
            keep_days: 90
            targets: {icpc_within_15wd: 92.5, contacts_marf: null}
            vocabulary:
              contact_outcome: {Families Together Hub: early_help}
              yes_no: {oui: "yes"}
            teams: {CPAT E: CPAT East}
            """, source: "c.yaml")
        #expect(config.authority == "Anytown")
        #expect(config.inputFolder == "/data/exports")
        #expect(config.fileNames[.contacts] == "Contacts Export.csv")
        #expect(config.fileNames[.audits] == "audits.csv")
        #expect(config.optionalInputs == [.audits])
        #expect(config.holidaysFile == "/etc/pathway/holidays.csv")
        #expect(config.maxRejectedPercent == 2.5)
        #expect(config.amberMargin == OneDecimal(tenths: 30))
        #expect(config.keepDays == 90)
        #expect(config.targets["icpc_within_15wd"] == .some(OneDecimal(tenths: 925)))
        #expect(config.targets["contacts_marf"] == .some(nil))
        #expect(config.vocabulary.contactOutcomes["Families Together Hub"] == .earlyHelp)
        #expect(config.decodingOptions.contactOutcomes.code(for: "families together hub") == .earlyHelp)
        #expect(config.decodingOptions.yesNo.code(for: "OUI") == .yes)
        #expect(config.teamNames["CPAT E"] == "CPAT East")
    }

    @Test("unknown keys and bad values are errors naming the key", arguments: [
        ("colour: red", "unknown key 'colour'"),
        ("input: {folder: x, file: y}", "unknown key 'input.file'"),
        ("input: {files: {referrals: r.csv}}", "unknown key 'input.files.referrals'"),
        ("input: {files: {contacts: ../x.csv}}", "'input.files.contacts' must be a file name"),
        ("input: {optional: [letters]}", "'input.optional' lists 'letters'"),
        ("targets: {icpc_within15wd: 90}", "unknown key 'targets.icpc_within15wd'"),
        ("targets: {contacts: 90}", "'targets.contacts' cannot be set"),
        ("targets: {s47_to_icpc: 30}", "'targets.s47_to_icpc' cannot be set"),
        ("targets: {icpc_within_15wd: 190}", "'targets.icpc_within_15wd' must be a number from 0 to 100"),
        ("targets: {icpc_within_15wd: 90.25}", "must have at most one decimal place"),
        ("targets: {icpc_within_15wd: ninety}", "'targets.icpc_within_15wd' must be a number"),
        ("max_rejected_percent: -1", "'max_rejected_percent' must be a number from 0 to 100"),
        ("keep_days: 1.5", "'keep_days' must be a whole number"),
        ("vocabulary: {contact_outcome: {Hub: help}}", "'vocabulary.contact_outcome.Hub' maps to 'help'"),
        ("vocabulary: {outcomes: {}}", "unknown key 'vocabulary.outcomes'"),
        ("authority: [a, b]", "'authority' must be text"),
        ("authority: a\nauthority: b", "duplicated key(s): 'authority'"),
        ("- a\n- b", "the top level must be a mapping"),
        ("a: [unclosed", "not valid YAML"),
    ])
    func rejects(yaml: String, message: String) {
        #expect {
            _ = try ConfigurationLoader.parse(yaml, source: "c.yaml")
        } throws: { error in
            guard let error = error as? PathwayError, error.exitCode == 64 else { return false }
            return error.description.hasPrefix("c.yaml: ") && error.description.contains(message)
        }
    }

    @Test("an empty file gives the defaults")
    func empty() throws {
        #expect(try ConfigurationLoader.parse("", source: "c.yaml") == Configuration())
        #expect(try ConfigurationLoader.parse("# only a comment\n", source: "c.yaml") == Configuration())
    }
}
