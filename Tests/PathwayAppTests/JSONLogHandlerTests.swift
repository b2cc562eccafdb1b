import Foundation
import Logging
@testable import PathwayApp
import Testing

@Suite("--log-format json")
struct JSONLogHandlerTests {
    @Test("each event is one line of JSON with time, level, message and metadata")
    func oneLine() throws {
        let event = LogEvent(level: .info, message: "load: 4 files\n\"quoted\"", metadata: ["stage": "load"],
                             source: "PathwayApp", file: "f", function: "g", line: 1)
        let line = JSONLogHandler.line(event: event, label: "pathway", time: "2026-03-31T02:00:00Z", metadata: [:])
        #expect(line.hasSuffix("}\n"))
        #expect(line.dropLast().contains("\n") == false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object == ["time": "2026-03-31T02:00:00Z", "level": "info", "logger": "pathway",
                           "message": "load: 4 files\n\"quoted\"", "source": "PathwayApp", "meta_stage": "load"])
    }
}
