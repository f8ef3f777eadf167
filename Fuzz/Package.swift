// swift-tools-version: 6.0
// The libFuzzer targets live in a package of their own so that the main package builds without libFuzzer.
// Build and run with `make fuzz` from the repository root.
//
// The modules fuzzed are the main package's own sources (Modules/ links to them), not its products: depending on
// the main package would also build its build-tool plugin's executable with the fuzzer, whose `main` then clashes
// with libFuzzer's. Keep their dependencies as the main package's Package.swift gives them.
import PackageDescription

let package = Package(
  name: "bocheck-fuzz",
  targets: [
    .target(name: "BocheckSystem", path: "Modules/BocheckSystem"),
    .target(name: "BocheckModel", path: "Modules/BocheckModel"),
    .target(name: "BocheckReading", dependencies: ["BocheckModel"], path: "Modules/BocheckReading"),
    .target(name: "BocheckRules", dependencies: ["BocheckModel", "BocheckSystem"], path: "Modules/BocheckRules"),
    .executableTarget(
      name: "bocheck-fuzz-reader",
      dependencies: ["BocheckReading"],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    .executableTarget(
      name: "bocheck-fuzz-rules",
      dependencies: ["BocheckRules"],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
  ]
)
