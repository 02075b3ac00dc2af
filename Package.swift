// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "duban",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "duban", targets: ["duban"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // Line diffs of whole screen frames in the dashboard's tests.
        .package(url: "https://github.com/pointfreeco/swift-custom-dump", from: "1.7.3"),
    ],
    targets: [
        // Layers, dependencies pointing down only (see docs/architecture.md).
        .target(name: "PlanModel", dependencies: ["JSONTree"]),
        // What the C library and zlib do, wrapped: child processes, zip containers.
        .systemLibrary(name: "CZlibSystem"),
        .target(name: "Platform", dependencies: ["CZlibSystem"]),
        .target(name: "PlanImport", dependencies: ["PlanModel"]),
        // Office documents to text before the importer: .docx (zip + XML), .pdf (pdftotext subprocess).
        .target(name: "DocumentReaders", dependencies: ["PlanImport", "Platform"]),
        .target(name: "JSONTree"),
        // FastJSON/README.md documents the hand-written JSON layer; it is not a resource.
        .target(name: "PlanStore", dependencies: ["PlanModel", "JSONTree"], exclude: ["FastJSON/README.md"]),
        // `duban sync`: the only code that runs git (a subprocess).
        .target(name: "StoreSync", dependencies: ["PlanStore", "PlanModel", "JSONTree", "Platform"]),
        .target(name: "TerminalKit", dependencies: ["JSONTree"]),
        .target(name: "Dashboard", dependencies: ["PlanModel", "TerminalKit"]),
        // The ledger as an Excel workbook: the XML parts written here, the zip container by Platform.
        .target(name: "LedgerXLSX", dependencies: ["PlanModel", "TerminalKit", "Platform"]),
        .systemLibrary(name: "CNcursesw"),
        .target(name: "NcursesTerminal", dependencies: ["TerminalKit", "CNcursesw"]),
        .executableTarget(
            name: "duban",
            dependencies: [
                "PlanModel", "PlanImport", "DocumentReaders", "PlanStore", "StoreSync", "TerminalKit", "Dashboard", "NcursesTerminal", "LedgerXLSX",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Found by path (BundledResources), not as SwiftPM resources: their accessor is corelibs' Bundle.
            exclude: ["Samples"]
        ),

        // Test support and tests.
        .target(name: "TestSupport", dependencies: ["PlanModel", "TerminalKit"]),
        .testTarget(name: "JSONTreeTests", dependencies: ["JSONTree", "Synthetic"]),
        .testTarget(name: "PlanModelTests", dependencies: ["PlanModel", "Synthetic", "TestSupport"]),
        .testTarget(name: "PlanImportTests", dependencies: ["PlanImport", "PlanModel", "Synthetic"]),
        .testTarget(name: "DocumentReadersTests", dependencies: ["DocumentReaders", "PlanImport", "PlanModel", "Synthetic",
                                                                 .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    exclude: ["Fixtures"]),
        // A child process for the store's crash and concurrency tests: marks measures and prints each acknowledged id.
        .executableTarget(name: "duban-store-writer", dependencies: ["PlanStore"], path: "Tests/StoreWriter"),
        .testTarget(name: "PlanStoreTests", dependencies: ["PlanStore", "Synthetic", "JSONTree", "duban-store-writer"]),
        .testTarget(name: "StoreSyncTests", dependencies: ["StoreSync", "PlanStore", "PlanModel", "Synthetic"]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit", "TestSupport"]),
        // ZIPFoundation here only: an independent zip implementation to check Platform's against.
        .testTarget(name: "PlatformTests", dependencies: ["Platform", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "LedgerXLSXTests", dependencies: ["LedgerXLSX", "PlanModel", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "TerminalKit", "PlanModel", "TestSupport",
                                                          .product(name: "CustomDump", package: "swift-custom-dump")],
                    exclude: ["Frames"]),
        // Runs the built `duban` binary against temporary stores.
        // Measures a duban run's peak memory from outside the (large) test runner: ImportMemoryTests.
        .executableTarget(name: "duban-peak-meter", path: "Tests/PeakMeter"),
        .testTarget(name: "CommandLineTests", dependencies: ["duban", "PlanStore", "TestSupport", "JSONTree", "duban-peak-meter"]),

        // Benchmarks (not tests): the synthetic generator and the runners.
        .target(name: "Synthetic", dependencies: ["PlanModel"]),
        .testTarget(name: "SyntheticTests", dependencies: ["Synthetic", "PlanModel"]),
        .executableTarget(
            name: "duban-bench",
            dependencies: ["PlanModel", "PlanStore", "Synthetic", "LedgerXLSX",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "DubanBenchTests", dependencies: ["duban-bench", "PlanModel", "PlanStore"]),
        // Timings of a large synthetic store (`swift run -c release duban-store-bench`).
        .executableTarget(name: "duban-store-bench", dependencies: ["PlanStore", "Synthetic"], path: "Benchmarks/StoreBenchmark"),
        // The importer's speed and memory on the samples and large generated documents (BENCHMARKS.md).
        .executableTarget(name: "import-benchmark", dependencies: ["PlanImport", "TestSupport"], path: "Benchmarks/ImportBenchmark"),
        .executableTarget(name: "dashboard-benchmark", dependencies: ["Dashboard", "TerminalKit", "PlanModel", "TestSupport"],
                          path: "Benchmarks/DashboardBenchmark"),
    ]
)
