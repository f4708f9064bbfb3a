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
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // ICU from the system (libicu-dev), behind a C shim: see Sources/CICU/include/cicu.h.
        .target(name: "CICU", linkerSettings: [
            .linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata"),
        ]),
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        // Plain value types that cross module boundaries (postings, classifications, errors).
        .target(name: "Records"),
        .target(name: "FrenchText", dependencies: ["CICU", "CStemmer"]),
        .target(name: "Taxonomy", dependencies: ["FrenchText"]),
        .target(name: "Classifier", dependencies: ["FrenchText", "Taxonomy", "Records"]),
        .target(name: "Ingest", dependencies: ["Records"]),
        .target(name: "Dedup", dependencies: ["Records"]),
        .target(name: "Store", dependencies: ["Records", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "Demo", dependencies: ["Records"]),
        .executableTarget(name: "observatoire", dependencies: [
            "FrenchText", "Records", "Taxonomy", "Classifier", "Ingest", "Dedup", "Store", "Demo",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "FrenchTextTests", dependencies: ["FrenchText"]),
        .testTarget(name: "TaxonomyTests", dependencies: ["Taxonomy"]),
        .testTarget(name: "ClassifierTests", dependencies: ["Classifier", "Taxonomy", "Records"],
                    resources: [.copy("Resources")]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Records"]),
        .testTarget(name: "DedupTests", dependencies: ["Dedup", "Records"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Records"]),
        .testTarget(name: "DemoTests", dependencies: ["Demo", "Records"]),
        .testTarget(name: "TrainingTests", dependencies: ["Ingest", "Store", "Classifier", "Taxonomy", "Records"]),
    ],
    swiftLanguageModes: [.v6]
)
