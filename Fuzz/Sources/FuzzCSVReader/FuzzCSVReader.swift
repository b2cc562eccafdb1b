// libFuzzer harness: SourceDecoder.decode + CSVReader over every record (SPEC §2 "Exact reading rules").
//
// The invariants, among them agreement with a byte-by-byte reference reader written from the spec, are
// CSVInvariants in Tests/PathwayReference (root package), where they are listed; a violated one traps, a crash
// that libFuzzer saves as crash-*. Tests/PathwayCoreTests/Fuzz/FuzzRegressionTests.swift runs the same checks.
import FuzzSupport
import PathwayReference

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    require(CSVInvariants.check(Array(UnsafeBufferPointer(start: data, count: size))).problems)
    return 0
}

@_cdecl("FuzzCSVReader_main") // see runLibFuzzer
func libFuzzerEntry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv, fuzz)
}
