@testable import PathwayCore
import Testing

@Suite("a header row with broken quoting")
struct MalformedHeaderTests {
    @Test("stops with malformedHeader naming the file and line, never a silent guess", arguments: [
        "contact_id,\"child_id\"x,contact_date,source\nC1,K1,2026-01-01,Police\n",
        "\n\ncontact_id,child_id,\"contact_date,source\nC1,K1,2026-01-01,Police\n",
    ])
    func stops(text: String) {
        #expect {
            _ = try FileDecoder.decode(Contact.self, raw: Array(text.utf8), fileName: "contacts.csv")
        } throws: { error in
            guard let error = error as? SchemaError, case let .malformedHeader(file, line) = error else { return false }
            return file == "contacts.csv" && line == (text.hasPrefix("\n") ? 3 : 1)
                && error.description.contains("the header row has broken quoting")
        }
    }
}
