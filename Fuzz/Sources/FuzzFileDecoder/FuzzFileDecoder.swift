// libFuzzer harness: FileDecoder.decode for the four record types (SPEC §2: every row accepted or rejected
// with exactly one error finding, counts reconcile).
//
// Input layout: byte 0 chooses the record type (bits 0-1: contacts, s47_enquiries, conferences, audits) and
// whether a complete canonical header line is put in front of the rest (bit 2), so the fuzzer spends its time
// on data rows as well as on headers. Bytes 1... are the file.
//
// The invariants are FileDecoderInvariants in Tests/PathwayReference (root package), where they are listed; a
// violated one traps, a crash that libFuzzer saves as crash-*. Tests/PathwayCoreTests/Fuzz/FuzzRegressionTests.swift
// runs the same checks.
import FuzzSupport
import PathwayReference

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    require(FileDecoderInvariants.harness(Array(UnsafeBufferPointer(start: data, count: size)))?.problems ?? [])
    return 0
}

@_cdecl("FuzzFileDecoder_main") // see runLibFuzzer
func libFuzzerEntry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv, fuzz)
}
