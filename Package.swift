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
        .target(name: "Synthetic", dependencies: ["PlanModel"]),
        .executableTarget(
            name: "duban",
            dependencies: [
                "PlanModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
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
        .testTarget(name: "SyntheticTests", dependencies: ["Synthetic", "PlanModel"]),
        .testTarget(name: "DubanBenchTests", dependencies: ["duban-bench", "PlanModel"]),
    ]
)
