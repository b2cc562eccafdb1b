@testable import PathwayCore
import Testing

@Suite("schemas")
struct SchemaColumnTests {
    static func ordinals<C: SchemaColumn>(_: C.Type) -> [Int] { C.allCases.map(\.ordinal) }

    @Test("each column's raw value is its position, so lookups by position are right")
    func ordinals() {
        #expect(Self.ordinals(ContactColumn.self) == Array(0..<ContactColumn.allCases.count))
        #expect(Self.ordinals(Section47Column.self) == Array(0..<Section47Column.allCases.count))
        #expect(Self.ordinals(ConferenceColumn.self) == Array(0..<ConferenceColumn.allCases.count))
        #expect(Self.ordinals(AuditColumn.self) == Array(0..<AuditColumn.allCases.count))
    }

    @Test("canonical names are unique snake_case within a file, and required columns are SPEC §2's")
    func names() {
        func check<C: SchemaColumn>(_: C.Type, required: [String]) {
            let names = C.allCases.map(\.spec.name)
            #expect(Set(names).count == names.count)
            #expect(names.allSatisfy { $0.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" } })
            #expect(C.allCases.filter(\.spec.required).map(\.spec.name) == required)
        }
        check(ContactColumn.self, required: ["contact_id", "child_id", "contact_date", "source"])
        check(Section47Column.self, required: ["s47_id", "child_id", "strategy_date"])
        check(ConferenceColumn.self, required: ["conference_id", "child_id", "type", "conference_date"])
        check(AuditColumn.self, required: ["audit_id", "child_id", "audit_date", "grade"])
    }
}
