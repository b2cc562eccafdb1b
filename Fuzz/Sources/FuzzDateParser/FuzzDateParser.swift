// libFuzzer harness: DateParser.parse on arbitrary bytes (SPEC §2 "dates" and "Exact reading rules").
//
// The invariants, among them agreement with a reference parser written from the spec, are DateParserInvariants
// in Tests/PathwayReference (root package), where they are listed; a violated one traps, a crash that libFuzzer
// saves as crash-*. Tests/PathwayCoreTests/Fuzz/FuzzRegressionTests.swift runs the same checks.
import FuzzSupport
import PathwayReference

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    require(DateParserInvariants.check(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

@_cdecl("FuzzDateParser_main") // see runLibFuzzer
func libFuzzerEntry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv, fuzz)
}
