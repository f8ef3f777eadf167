import BocheckModel

/// The JSON report of `bocheck check --format json` and the JSON `bocheck parse` prints.
///
/// The report is `{"version": 1, "files": [...], "summary": {"files", "errors", "warnings", "notes"}}`,
/// one object per file read (see ``ModelJSON/file(_:includeFindings:)``); files that could not be read are
/// reported on standard error and are not in `files`. Keys are sorted and the output ends with a newline.
public enum JSONReport {
  /// The version of the JSON shapes; it changes only when a key is renamed, removed or changes meaning.
  public static let version = 1

  /// The report of checked files.
  ///
  /// - Parameter files: The files read, in the order they were given.
  /// - Returns: The JSON text, ending with a newline.
  public static func render(_ files: [FileReport]) -> String {
    var totals = SeverityCounts()
    for file in files { totals.add(SeverityCounts(file.findings)) }
    var summary = ModelJSON.counts(totals)
    summary["files"] = .integer(files.count)
    let report: JSONValue = .object([
      "version": .integer(version),
      "files": .array(files.map { ModelJSON.file($0, includeFindings: true) }),
      "summary": .object(summary),
    ])
    return JSONWriter.string(report) + "\n"
  }

  /// The model of one file as read, without findings, for `bocheck parse`.
  ///
  /// The object is the per-file object of the check report without `findings`, plus `version`.
  ///
  /// - Parameter file: The file; its findings are ignored.
  /// - Returns: The JSON text, ending with a newline.
  public static func renderModel(_ file: FileReport) -> String {
    guard case .object(var object) = ModelJSON.file(file, includeFindings: false) else { return "{}\n" }
    object["version"] = .integer(version)
    return JSONWriter.string(.object(object)) + "\n"
  }
}
