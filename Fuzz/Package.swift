// swift-tools-version: 6.0
// The libFuzzer targets live in a package of their own so that the main package builds without libFuzzer.
// Build and run with `make fuzz` from the repository root.
import PackageDescription

let package = Package(
  name: "bocheck-fuzz",
  dependencies: [.package(name: "bocheck", path: "..")],
  targets: [
    .executableTarget(
      name: "bocheck-fuzz-reader",
      dependencies: [.product(name: "BocheckReading", package: "bocheck")],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    .executableTarget(
      name: "bocheck-fuzz-rules",
      dependencies: [.product(name: "BocheckRules", package: "bocheck")],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
  ]
)
