import Foundation
import Testing
@testable import PathwayDiff

@Suite("bad input is a SnapshotDiffError naming the file (exit 64)")
struct SnapshotDiffInputErrorTests {
    private let good = Array(#"{"kpis": [{"id": "a", "kind": "rate", "value": 1.0}]}"#.utf8)

    /// The message for comparing a good base with `newText` as new.json.
    private func messageForNew(_ newText: String) -> String? {
        do {
            _ = try SnapshotDiff.compare(
                base: good, baseName: "base.json", new: Array(newText.utf8), newName: "new.json",
                options: SnapshotDiffOptions())
            return nil
        } catch {
            #expect(error.exitCode == 64)
            return error.message
        }
    }

    @Test func invalidJSONNamesTheFileAndThePlace() {
        #expect(messageForNew("{\n  \"kpis\": [\n    {\"id\": \"a\",}\n  ]\n}") ==
            "new.json: not valid JSON at line 3, column 16 (expected a quoted key)")
        #expect(messageForNew("") == "new.json: not valid JSON at line 1, column 1 (the document is empty)")
        #expect(messageForNew("{\"kpis\": []} x") ==
            "new.json: not valid JSON at line 1, column 14 (unexpected text after the JSON value)")
    }

    @Test func theBaseFileIsNamedWhenItIsTheBadOne() throws {
        let error = #expect(throws: SnapshotDiffError.self) {
            try SnapshotDiff.compare(
                base: Array("nonsense".utf8), baseName: "snapshots/base.json", new: good, newName: "new.json",
                options: SnapshotDiffOptions())
        }
        #expect(error?.message == "snapshots/base.json: not valid JSON at line 1, column 1 (unexpected character 'n', expected a value)")
        #expect(error?.description == error?.message)
    }

    @Test func missingOrMistypedKPIs() {
        #expect(messageForNew(#"{"as_of": "2026-03-31"}"#) == #"new.json: the snapshot has no "kpis""#)
        #expect(messageForNew(#"{"kpis": {}}"#) == #"new.json: "kpis" is an object, not an array"#)
        #expect(messageForNew(#"[1, 2]"#) == "new.json: the top level is an array, not a JSON object")
    }

    @Test func kpiEntriesAreChecked() {
        let ok = #"{"id": "a", "kind": "rate", "value": 1}"#
        let ok2 = #"{"id": "b", "kind": "count", "value": 1}"#
        let ok3 = #"{"id": "c", "kind": "rate", "value": null}"#
        #expect(messageForNew(#"{"kpis": [\#(ok), \#(ok2), \#(ok3), {"kind": "rate", "value": 1}]}"#) ==
            #"new.json: kpis[3] has no "id""#)
        #expect(messageForNew(#"{"kpis": [{"id": 7, "kind": "rate", "value": 1}]}"#) ==
            "new.json: kpis[0].id is a number, not a string")
        #expect(messageForNew(#"{"kpis": [\#(ok), \#(ok)]}"#) ==
            #"new.json: kpis[1] repeats the id "a" of kpis[0]"#)
        #expect(messageForNew(#"{"kpis": [{"id": "a", "kind": "ratio", "value": 1}]}"#) ==
            #"new.json: kpis[0].kind is "ratio", not "rate" or "count""#)
        #expect(messageForNew(#"{"kpis": [{"id": "a", "kind": "rate"}]}"#) ==
            #"new.json: kpis[0] has no "value""#)
        #expect(messageForNew(#"{"kpis": ["a"]}"#) == "new.json: kpis[0] is a string, not an object")
    }

    @Test func nonNumericValuesAreBadInput() {
        #expect(messageForNew(#"{"kpis": [{"id": "a", "kind": "rate", "value": "81.7"}]}"#) ==
            "new.json: kpis[0].value is a string, not a number or null")
        #expect(messageForNew(#"{"kpis": [{"id": "a", "kind": "rate", "value": true}]}"#) ==
            "new.json: kpis[0].value is true, not a number or null")
        #expect(messageForNew(#"{"kpis": [{"id": "a", "kind": "rate", "value": 1e999}]}"#) ==
            "new.json: kpis[0].value is 1e999, which is out of range")
        #expect(messageForNew(#"{"kpis": [{"id": "a", "kind": "rate", "value": 1, "monthly": [{"month": "2025-04", "value": [1]}]}]}"#) ==
            "new.json: kpis[0].monthly[0].value is an array, not a number or null")
        #expect(messageForNew(#"{"kpis": [{"id": "a", "kind": "rate", "value": 1, "by_team": [{"team": "X", "value": {}}]}]}"#) ==
            "new.json: kpis[0].by_team[0].value is an object, not a number or null")
    }

    @Test func seriesEntriesAreChecked() {
        #expect(messageForNew(#"{"kpis": [{"id": "a", "kind": "rate", "value": 1, "monthly": [{"value": 1}]}]}"#) ==
            #"new.json: kpis[0].monthly[0] has no "month""#)
        #expect(messageForNew(#"{"kpis": [{"id": "a", "kind": "rate", "value": 1, "by_team": [{"team": "X", "value": 1}, {"team": "X", "value": 2}]}]}"#) ==
            #"new.json: kpis[0].by_team[1] repeats the team "X" of kpis[0].by_team[0]"#)
        #expect(messageForNew(#"{"kpis": [{"id": "a", "kind": "rate", "value": 1, "by_team": {}}]}"#) ==
            "new.json: kpis[0].by_team is an object, not an array")
    }

    @Test func metadataTypesAreChecked() {
        #expect(messageForNew(#"{"schema_version": 2, "kpis": []}"#) ==
            "new.json: schema_version is 2, but pathway diff reads version 1")
        #expect(messageForNew(#"{"as_of": 20260331, "kpis": []}"#) == "new.json: as_of is a number, not a string")
        #expect(messageForNew(#"{"window": {"start": "2025-04-01"}, "kpis": []}"#) == #"new.json: window has no "end""#)
        #expect(messageForNew(#"{"findings": {"errors": "2"}, "kpis": []}"#) ==
            "new.json: findings.errors is a string, not a number")
    }

    @Test func negativeOrUnusableToleranceIsBadInput() {
        let error = #expect(throws: SnapshotDiffError.self) {
            try SnapshotDiff.compare(
                base: good, baseName: "base.json", new: good, newName: "new.json",
                options: SnapshotDiffOptions(tolerance: -0.5))
        }
        #expect(error?.message == "--tolerance -0.5 is negative; give 0 or more")
        #expect(error?.exitCode == 64)
        #expect(throws: SnapshotDiffError.self) {
            try SnapshotDiff.compare(
                base: good, baseName: "base.json", new: good, newName: "new.json",
                options: SnapshotDiffOptions(tolerance: .nan))
        }
    }

    @Test func toleranceArgumentIsParsed() throws {
        #expect(try SnapshotDiffOptions(toleranceArgument: "1.5").tolerance == 1.5)
        #expect(try SnapshotDiffOptions(toleranceArgument: "0").tolerance == 0)
        #expect(throws: SnapshotDiffError("--tolerance \"abc\" is not a number; give a value such as 0.5")) {
            try SnapshotDiffOptions(toleranceArgument: "abc")
        }
        #expect(throws: SnapshotDiffError("--tolerance -1 is negative; give 0 or more")) {
            try SnapshotDiffOptions(toleranceArgument: "-1")
        }
        #expect(throws: SnapshotDiffError.self) { try SnapshotDiffOptions(toleranceArgument: "inf") }
    }

    @Test func filesAreReadOrNamedWhenTheyCannotBe() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("pathway-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = folder.appendingPathComponent("base.json").path
        let new = folder.appendingPathComponent("new.json").path
        try Data(good).write(to: URL(fileURLWithPath: base))
        try Data(good).write(to: URL(fileURLWithPath: new))

        let diff = try SnapshotDiff.compareFiles(basePath: base, newPath: new, options: SnapshotDiffOptions())
        #expect(diff.exitCode == 0)
        #expect(diff.baseName == base)

        let missing = folder.appendingPathComponent("missing.json").path
        #expect(throws: SnapshotDiffError("\(missing): no such file")) {
            try SnapshotDiff.compareFiles(basePath: base, newPath: missing, options: SnapshotDiffOptions())
        }
        #expect(throws: SnapshotDiffError("\(folder.path): is a folder, not a kpis.json file")) {
            try SnapshotDiff.compareFiles(basePath: folder.path, newPath: new, options: SnapshotDiffOptions())
        }
    }
}
