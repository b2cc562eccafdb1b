// swift-tools-version:6.0
// Fuzzing harnesses for PathwayCore (libFuzzer). Build and run them with `Fuzz/run.sh` (or `make fuzz`).
//
// A separate package so the sanitizer flags never touch the main build: it depends on the root package by
// path and builds it in its own `.build` folder (Fuzz/.build). Each harness is an executable target with a
// single file that defines `LLVMFuzzerTestOneInput` and no `main` (libFuzzer provides `main`), so it must be
// built with `-Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library`, as run.sh does. The invariants
// the harnesses check come from the root package's PathwayReference (shared with FuzzRegressionTests); the
// libFuzzer driver and the trap on a violated invariant from FuzzSupport.
import PackageDescription

let harnesses = ["FuzzCSVReader", "FuzzFileDecoder", "FuzzDateParser"]

let package = Package(
    name: "PathwayFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "pathway", path: ".."),
    ],
    targets: harnesses.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport", .product(name: "PathwayReference", package: "pathway")],
            path: "Sources/\(name)"
        )
    } + [
        .target(name: "FuzzSupport", path: "Sources/FuzzSupport"),
    ]
)
