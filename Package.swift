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
        .target(name: "TerminalKit"),
        .target(name: "Dashboard", dependencies: ["PlanModel", "TerminalKit"]),
        .systemLibrary(name: "CNcursesw"),
        .target(name: "NcursesTerminal", dependencies: ["TerminalKit", "CNcursesw"]),
        .target(name: "TestSupport", dependencies: ["PlanModel", "TerminalKit"]),
        .executableTarget(
            name: "duban",
            dependencies: [
                "PlanModel",
                "TerminalKit",
                "Dashboard",
                "NcursesTerminal",
                "TestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.copy("../../Themes")]
        ),
        .executableTarget(name: "dashboard-benchmark", dependencies: ["Dashboard", "TerminalKit", "PlanModel", "TestSupport"],
                          path: "Benchmarks/DashboardBenchmark"),
        .testTarget(name: "PlanModelTests", dependencies: ["PlanModel"]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "TerminalKit", "PlanModel", "TestSupport"]),
    ]
)
