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
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // ICU from the system (libicu-dev), behind a C shim: see Sources/CICU/include/cicu.h.
        .target(name: "CICU", linkerSettings: [
            .linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata"),
        ]),
        // SQLite's global configuration (sqlite3_config is variadic): see Sources/CSQLiteSetup/include.
        .target(name: "CSQLiteSetup", linkerSettings: [.linkedLibrary("sqlite3")]),
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        // Plain value types that cross module boundaries (postings, classifications, errors).
        .target(name: "Records"),
        .target(name: "FrenchText", dependencies: ["CICU", "CStemmer"]),
        .target(name: "Taxonomy", dependencies: ["FrenchText"]),
        .target(name: "Classifier", dependencies: ["FrenchText", "Taxonomy", "Records"]),
        .target(name: "Ingest", dependencies: ["Records"]),
        // Optimized in debug builds too: its MinHash uses SIMD types, which unoptimized code runs
        // lane by lane through generic calls (the debug ingest of `swift test` spent 58 % there).
        .target(name: "Dedup", dependencies: ["Records"], swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(name: "Store", dependencies: ["Records", "CSQLiteSetup", .product(name: "GRDB", package: "GRDB.swift"),
                                             .product(name: "GRDBSQLite", package: "GRDB.swift")]),
        .target(name: "Demo", dependencies: ["Records"]),
        // Title → ROME 4.0 mapping, emerging titles and terms, taxonomy suggestions and diffs.
        .target(name: "Emerging", dependencies: ["FrenchText", "Taxonomy", "Classifier", "Records", "Store",
                                                 .product(name: "GRDB", package: "GRDB.swift")]),
        // Read-side queries over the store (demand, growth, movers, co-occurrence, evidence).
        .target(name: "Trends", dependencies: ["Store", "Records", .product(name: "GRDB", package: "GRDB.swift")]),
        // Web pages and CSV/JSON exports over Trends; also loads the demo data into an empty store.
        .target(name: "ObservatoireServer", dependencies: [
            "Trends", "Records", "Store", "Taxonomy", "Classifier", "Dedup", "Ingest", "Emerging",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .executableTarget(name: "observatoire", dependencies: [
            "FrenchText", "Records", "Taxonomy", "Classifier", "Ingest", "Dedup", "Store", "Demo",
            "Emerging", "Trends", "ObservatoireServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "FrenchTextTests", dependencies: ["FrenchText"]),
        .testTarget(name: "TaxonomyTests", dependencies: ["Taxonomy"]),
        .testTarget(name: "ClassifierTests", dependencies: ["Classifier", "Taxonomy", "Records", "Ingest"],
                    resources: [.copy("Resources")]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Records"]),
        .testTarget(name: "DedupTests", dependencies: ["Dedup", "Records"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Records", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "DemoTests", dependencies: ["Demo", "Records"]),
        // Runs the built observatoire binary (no module dependency): see Tests/EndToEndTests/EndToEnd.swift.
        .testTarget(name: "EndToEndTests"),
        .testTarget(name: "EmergingTests", dependencies: ["Emerging", "Classifier", "Taxonomy", "Records", "Store",
                                                          .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "TrendsTests", dependencies: ["Trends", "Store", "Records", "Taxonomy", "Classifier",
                                                        "Dedup", "Demo", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "ServerTests", dependencies: [
            "ObservatoireServer", "Trends", "Store", "Records", "Taxonomy", "Classifier", "Demo",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .testTarget(name: "EmergingPagesTests", dependencies: [
            "ObservatoireServer", "Emerging", "Trends", "Store", "Records", "Taxonomy", "Classifier", "Demo",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "TrainingTests", dependencies: ["Ingest", "Store", "Classifier", "Taxonomy", "Records"]),
    ],
    swiftLanguageModes: [.v6]
)
