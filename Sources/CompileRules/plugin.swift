import Foundation
import PackagePlugin

/// Compiles the built-in rules (`Rules/*.rule` at the package root) into the target it is applied to, as the
/// Swift file `CompiledBuiltInRules.swift` declaring `compiledBuiltInRules` (see `CompiledRules`).
///
/// The rule files stay the source of truth: they are the command's inputs, so editing one rebuilds the archive,
/// and at run time the archive is used only when the folder of built-in rules holds exactly those files.
@main
struct CompileRules: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let rules = context.package.directoryURL.appending(path: "Rules")
    let inputs = try FileManager.default.contentsOfDirectory(at: rules, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "rule" }.sorted { $0.path < $1.path }
    let output = context.pluginWorkDirectoryURL.appending(path: "CompiledBuiltInRules.swift")
    return [
      .buildCommand(
        displayName: "Compiling the built-in rules in \(rules.path)",
        executable: try context.tool(named: "bocheck-rules-compiler").url,
        arguments: [rules.path, output.path],
        inputFiles: inputs,
        outputFiles: [output])
    ]
  }
}
