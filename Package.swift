// swift-tools-version:6.0
// Bantin — a publishing pipeline for quarterly bulletins. See README.md and ../shared/DESIGN.md.
import PackageDescription

let package = Package(
    name: "Bantin",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bantin", targets: ["BantinCLI"]),
        .library(name: "Bantin", targets: ["Bantin"]),
        // For the fuzzers in Tests/Fuzz (a package of their own, built with -sanitize=fuzzer).
        .library(name: "BantinLoading", targets: ["Loading"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        // `bantin serve` only (the Server target): the core library never depends on NIO.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        // `bantin serve --site` only (the Counting target): view counts in SQLite or PostgreSQL.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        // `bantin import FILE.docx` only (the Importing target): a .docx is a zip archive.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // C bridges: module maps + shims, found through pkg-config.
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm", providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CHarfBuzz", pkgConfig: "harfbuzz", providers: [.apt(["libharfbuzz-dev", "libfreetype-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CQPDF", pkgConfig: "libqpdf", providers: [.apt(["libqpdf-dev"])]),
        .systemLibrary(name: "CHarfBuzzSubset", pkgConfig: "harfbuzz-subset", providers: [.apt(["libharfbuzz-dev"])]),
        .systemLibrary(name: "CLibDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CTurboJPEG", pkgConfig: "libturbojpeg", providers: [.apt(["libturbojpeg0-dev"])]),
        .systemLibrary(name: "CLittleCMS", pkgConfig: "lcms2", providers: [.apt(["liblcms2-dev"])]),

        // Stages, in the direction of their imports.
        .target(name: "Diagnostics"),
        .target(name: "Output"),
        .target(name: "Model", dependencies: ["Diagnostics"]),
        .target(name: "Loading", dependencies: ["Model", "CCmarkGFM", "Yams"]),
        .target(name: "Pages", dependencies: ["Model"]),
        .target(name: "Typesetting", dependencies: ["Model", "Pages", "CHarfBuzz"]),
        .target(name: "Layout", dependencies: ["Typesetting", "Pages", "Output"]),
        .target(name: "Imaging", dependencies: ["Output", "CCairo", "CTurboJPEG", "CLibDeflate", "CLittleCMS"]),
        // The PDF stage sees pages only: never the typesetter or the layout.
        .target(name: "PDF", dependencies: ["Pages", "Imaging", "Output", "CCairo", "CQPDF", "CHarfBuzzSubset", "CLibDeflate"]),
        .target(name: "Web", dependencies: ["Model", "Imaging", "Output", "CHarfBuzzSubset", .product(name: "Mustache", package: "swift-mustache")]),
        // `bantin import`: Word files (WordprocessingML read with Foundation's XMLParser) as articles.
        .target(name: "Importing", dependencies: ["Loading", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "Bantin", dependencies: ["Loading", "Typesetting", "Pages", "Layout", "PDF", "Web", "Output", "Imaging"]),
        // `bantin serve`: the web edition, the desk and the PDFs over HTTP, rebuilt as files change.
        .target(name: "Server", dependencies: [
            "Bantin", "Layout", "PDF", "Pages", "Web", "Output", "Diagnostics", "Counting", "CLibDeflate",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The readers' site's view counters: visitors as salted daily hashes, counts in SQLite
        // (GRDB) or PostgreSQL (postgres-nio), acknowledged only once committed.
        .target(name: "Counting", dependencies: [
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "BantinCLI", dependencies: [
            "Bantin", "Server", "Importing", "Loading", "Output", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // What every test target shares: the project's root, throwaway projects, goldens, the default layout.
        .target(name: "TestSupport", dependencies: ["Loading"], path: "Tests/TestSupport"),
        .testTarget(name: "LoadingTests", dependencies: ["Loading", "TestSupport"]),
        .testTarget(name: "TypesettingTests", dependencies: ["Typesetting", "Loading", "TestSupport"], exclude: ["Goldens"]),
        .testTarget(name: "LayoutTests", dependencies: ["Layout", "Loading", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: [
            "Bantin", "Web", "Output", "Imaging", "Importing", "Loading", "TestSupport", .product(name: "Mustache", package: "swift-mustache"),
        ], exclude: ["Goldens"]),
    ]
)
