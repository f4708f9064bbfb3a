// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Observatoire",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "observatoire", targets: ["observatoire"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // ICU from the system (libicu-dev), behind a C shim: see Sources/CICU/include/cicu.h.
        .target(name: "CICU", linkerSettings: [
            .linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata"),
        ]),
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .target(name: "Records"),
        .target(name: "FrenchText", dependencies: ["CICU", "CStemmer"]),
        .executableTarget(name: "observatoire", dependencies: [
            "FrenchText", "Records",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "FrenchTextTests", dependencies: ["FrenchText"]),
    ],
    swiftLanguageModes: [.v6]
)
