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
    ],
    targets: [
        .target(name: "PlanModel"),
        .target(name: "PlanImport", dependencies: ["PlanModel"]),
        .target(name: "PlanStore", dependencies: ["PlanModel"]),
        .target(name: "Synthetic", dependencies: ["PlanModel"]),
        .executableTarget(
            name: "duban",
            dependencies: [
                "PlanModel",
                "PlanImport",
                "PlanStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.copy("Samples")]
        ),
        .executableTarget(
            name: "duban-bench",
            dependencies: [
                "PlanModel",
                "Synthetic",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PlanModelTests", dependencies: ["PlanModel"]),
        .testTarget(name: "PlanImportTests", dependencies: ["PlanImport", "PlanModel"]),
        // A child process for the store's crash and concurrency tests: marks measures and prints each acknowledged id.
        .executableTarget(name: "duban-store-writer", dependencies: ["PlanStore"], path: "Tests/StoreWriter"),
        .testTarget(name: "PlanStoreTests", dependencies: ["PlanStore", "duban-store-writer"]),
        // Runs the built `duban` binary against temporary stores.
        .testTarget(name: "CommandLineTests", dependencies: ["duban", "PlanStore"]),
        // Timings of a large synthetic store (`swift run -c release duban-store-bench`); not a test.
        .executableTarget(name: "duban-store-bench", dependencies: ["PlanStore", "Synthetic"], path: "Benchmarks/StoreBenchmark"),
        .testTarget(name: "SyntheticTests", dependencies: ["Synthetic", "PlanModel"]),
        .testTarget(name: "DubanBenchTests", dependencies: ["duban-bench", "PlanModel"]),
    ]
)
