// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "bocheck",
  products: [
    .executable(name: "bocheck", targets: ["bocheck"]),
    .library(name: "BocheckCLI", targets: ["BocheckCLI"]),
    .library(name: "BocheckReading", targets: ["BocheckReading"]),
    .library(name: "BocheckRules", targets: ["BocheckRules"]),
  ],
  targets: [
    // The file system through the C library (the checker links no Foundation).
    .target(name: "BocheckSystem"),
    // The typed model of a filing, exact arithmetic and the findings rules produce.
    .target(name: "BocheckModel"),
    // Readers that turn a filing's bytes into the model.
    .target(name: "BocheckReading", dependencies: ["BocheckModel"]),
    // Rule files, the expression language and its building blocks.
    .target(name: "BocheckRules", dependencies: ["BocheckModel", "BocheckSystem"]),
    // Report formats (text, JSON).
    .target(name: "BocheckReporting", dependencies: ["BocheckModel"]),
    // Commands and argument parsing, kept apart from the thin executable so they can be tested.
    // The built-in rules are parsed at build time (plugin CompileRules) and embedded in the CLI.
    .target(
      name: "BocheckCLI",
      dependencies: ["BocheckModel", "BocheckReading", "BocheckRules", "BocheckReporting", "BocheckSystem"],
      plugins: ["CompileRules"]),
    .executableTarget(name: "bocheck-rules-compiler", dependencies: ["BocheckRules"]),
    .plugin(
      name: "CompileRules", capability: .buildTool(), dependencies: ["bocheck-rules-compiler"],
      path: "Sources/CompileRules"),
    .executableTarget(name: "bocheck", dependencies: ["BocheckCLI"]),
    // Compares the checker with hand-made readings of real filings (`make corpus` and the ratchet test).
    .target(name: "BocheckCorpus", dependencies: ["BocheckModel", "BocheckReading", "BocheckRules"]),
    .executableTarget(name: "bocheck-corpus", dependencies: ["BocheckCorpus", "BocheckReading", "BocheckRules"]),
    // The benchmark behind `make bench` (a deterministic corpus, medians of repeated runs), never run as a test,
    // and the trivial executable whose start-up it measures bocheck's against.
    // peer/ holds the script that times the peer edgartools (Python), which the benchmark runs when it can.
    .executableTarget(
      name: "bocheck-bench", dependencies: ["BocheckModel", "BocheckReading", "BocheckRules", "BocheckSeeded"],
      exclude: ["peer"]),
    .executableTarget(name: "bocheck-bench-noop"),
    // The seeded generator behind the tests' synthetic filings and the benchmark's corpus.
    .target(name: "BocheckSeeded"),
    .testTarget(
      name: "BocheckTests",
      dependencies: [
        "BocheckModel", "BocheckReading", "BocheckRules", "BocheckReporting", "BocheckCLI", "BocheckCorpus",
        "BocheckSeeded", "BocheckSystem",
      ],
      resources: [.copy("Fixtures")]),
  ]
)
