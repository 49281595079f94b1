// swift-tools-version:6.0
// libFuzzer targets for Bantin's loaders. Built and run by `make fuzz` with -sanitize=fuzzer;
// kept out of the main package so `swift build` there never sees them.
import PackageDescription

let fuzzFlags: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "BantinFuzz",
    dependencies: [.package(name: "Bantin", path: "../..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "BantinLoading", package: "Bantin")], path: "Sources/FuzzSupport"),
        .executableTarget(name: "FuzzArticle", dependencies: ["FuzzSupport"], path: "Sources/FuzzArticle", swiftSettings: fuzzFlags),
        .executableTarget(name: "FuzzManifest", dependencies: ["FuzzSupport"], path: "Sources/FuzzManifest", swiftSettings: fuzzFlags),
        .executableTarget(name: "FuzzLayout", dependencies: ["FuzzSupport"], path: "Sources/FuzzLayout", swiftSettings: fuzzFlags),
    ]
)
