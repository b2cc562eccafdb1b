// What every harness shares: the libFuzzer driver and the trap on a violated invariant. The invariants
// themselves are in the root package's PathwayReference (Tests/PathwayReference), shared with
// Tests/PathwayCoreTests/Fuzz/FuzzRegressionTests.swift.

/// A harness's `LLVMFuzzerTestOneInput`.
public typealias FuzzTarget = @convention(c) (UnsafePointer<UInt8>, Int) -> CInt

/// Traps, printing every message, when an invariant check found problems: a crash that libFuzzer saves as
/// crash-*. `fatalError` keeps its message in release (-O) builds, where `precondition` prints none; run.sh
/// names the saved input after the text following "fuzz invariant violated: ".
public func require(_ problems: [String]) {
    if !problems.isEmpty { fatalError("fuzz invariant violated: " + problems.joined(separator: "; ")) }
}

/// libFuzzer's own driver: what libFuzzer's `main` calls.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: FuzzTarget
) -> CInt

/// SwiftPM (tools >= 5.5) links every Linux executable target with `--defsym main=<Module>_main`, which would
/// leave the link without a `main` under -parse-as-library. So each harness defines `<Module>_main` (the name
/// differs per module, so it cannot live here) as a call of this function, which only hands control to
/// libFuzzer's driver: the binary behaves exactly like one linked with libFuzzer's `main` (same flags, corpus
/// handling and crash artifacts).
public func runLibFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                         _ target: FuzzTarget) -> CInt {
    var argc = argc, argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, target)
}
