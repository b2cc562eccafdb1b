// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "pathway",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pathway", targets: ["pathway"]),
        // For the fuzzing package in Fuzz/ (make fuzz).
        .library(name: "PathwayCore", targets: ["PathwayCore"]),
        .library(name: "PathwayReference", targets: ["PathwayReference"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Test-only: PathwayReportTests unzips dashboard.xlsx to read its parts.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // Calendar, schemas, ingest, validation, linking, KPI engine. Foundation only; no C, no files.
        .target(
            name: "PathwayCore",
            linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]
        ),
        // `pathway sample`: deterministic synthetic exports of a whole authority.
        .target(name: "PathwaySample", dependencies: ["PathwayCore"]),
        // Dashboard model and renderers (JSON, CSV, Markdown, XLSX). The only importer of CXlsxWriter and
        // CXlsxHooks.
        .target(name: "PathwayReport", dependencies: ["PathwayCore", "CXlsxWriter", "CXlsxHooks"]),
        // libxlsxwriter 1.1.4 (Debian libxlsxwriter-dev), wrapped by PathwayReport/XLSX.
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // minizip's and libxlsxwriter's functions that pathway defines itself, so that libxlsxwriter's calls
        // reach them first: rows and cells written without printf, the zip parts' zlib level and two
        // deflating threads, and temporary files in memory (Sources/CXlsxHooks/include/CXlsxHooks.h).
        .target(name: "CXlsxHooks", linkerSettings: [
            .linkedLibrary("dl", .when(platforms: [.linux])), .linkedLibrary("z"), .linkedLibrary("xlsxwriter"),
        ]),
        // OpenSSL's libcrypto (Debian libssl-dev), for the input files' SHA-256 only (PathwayApp/FileDigest).
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // `pathway diff`: compares two kpis.json snapshots with tolerances.
        .target(name: "PathwayDiff", dependencies: ["PathwayCore"]),
        // Load and publish (the only stages that touch the file system), configuration, orchestration.
        .target(
            name: "PathwayApp",
            dependencies: [
                "PathwayCore", "PathwayReport", "CCrypto",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Resources/bank-holidays-england-and-wales.csv")]
        ),
        // Thin executable: parses arguments, maps outcomes to exit codes.
        .executableTarget(
            name: "pathway",
            dependencies: [
                "PathwayApp", "PathwayCore", "PathwayReport", "PathwayDiff", "PathwaySample",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "PathwayCoreTests", dependencies: ["PathwayCore", "PathwayReference", "PathwayTestSupport"],
                    exclude: ["Fuzz/Regressions"]),
        // Reference readers and parsers written from the spec, and the invariants of the code that reads
        // untrusted bytes, as lists of problems: shared by PathwayCoreTests and the fuzz harnesses in Fuzz/
        // (which build it with -sanitize=fuzzer, so it must not import Testing).
        .target(name: "PathwayReference", dependencies: ["PathwayCore"], path: "Tests/PathwayReference"),
        // Golden files and temporary folders, shared by every test target.
        .target(name: "PathwayTestSupport", dependencies: ["PathwayCore"], path: "Tests/PathwayTestSupport"),
        .testTarget(name: "PathwayDiffTests", dependencies: ["PathwayDiff", "PathwayCore", "PathwayTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "PathwaySampleTests", dependencies: ["PathwaySample", "PathwayCore", "PathwayTestSupport"]),
        .testTarget(name: "PathwayReportTests",
                    dependencies: ["PathwayReport", "PathwayCore", "PathwayTestSupport",
                                   .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    exclude: ["Markdown/Fixtures"]),
        .testTarget(
            name: "PathwayAppTests",
            dependencies: ["PathwayApp", "PathwayCore", "PathwayReport", "PathwayTestSupport"],
            exclude: ["Fixtures", "Golden"]
        ),
    ]
)
