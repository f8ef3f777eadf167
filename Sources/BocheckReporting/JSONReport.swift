import BocheckModel

/// The JSON report of `bocheck check --format json` and the JSON `bocheck parse` prints.
///
/// The report is `{"version": 1, "files": [...], "summary": {"files", "errors", "warnings", "notes"}}`,
/// one object per file read, or per filing of a file that holds several, each with its `filing` position
/// (see ``ModelJSON/file(_:includeFindings:)``); files that could not be read are
/// reported on standard error and are not in `files`. Keys are sorted and the output ends with a newline.
public enum JSONReport {
  /// The version of the JSON shapes; it changes only when a key is renamed, removed or changes meaning.
  public static let version = 1

  /// The report of checked files.
  ///
  /// - Parameter files: The files read, in the order they were given.
  /// - Returns: The JSON text, ending with a newline.
  public static func render(_ files: [FileReport]) -> String {
    var stream = Stream()
    var text = stream.begin()
    for file in files { text += stream.add(file) }
    return text + stream.end()
  }

  /// Writes the check report one file at a time, so that a run over many files keeps only the totals.
  ///
  /// The pieces joined are exactly ``render(_:)``'s text: `{"files": [...], "summary": {...}, "version": 1}`
  /// with sorted keys.
  public struct Stream: Sendable {
    private var totals = SeverityCounts()
    private var count = 0

    /// Creates a stream.
    public init() {}

    /// The report's opening, up to the list of files.
    public func begin() -> String {
      "{\n  \"files\": ["
    }

    /// One file's object, with the separator it needs.
    public mutating func add(_ file: FileReport) -> String {
      totals.add(SeverityCounts(file.findings))
      count += 1
      var output = JSONOutput(indentLevel: 2)
      ModelJSON.writeFile(file, includeFindings: true, to: &output)
      return (count > 1 ? "," : "") + "\n    " + output.text
    }

    /// The end of the list of files, the summary and the version, ending with a newline.
    public func end() -> String {
      var summary = ModelJSON.counts(totals)
      summary["files"] = .integer(count)
      return (count == 0 ? "]" : "\n  ]") + ",\n  \"summary\": " + JSONWriter.string(.object(summary), indentLevel: 1)
        + ",\n  \"version\": \(version)\n}\n"
    }
  }

  /// The models of a file that holds several filings, without findings, for `bocheck parse`:
  /// `{"filings": [...], "version": 1}`, each filing's object that of ``renderModel(_:)`` without `version`
  /// and with its `filing` position.
  ///
  /// - Parameter files: The file's filings as read, in order; their findings are ignored.
  /// - Returns: The JSON text, ending with a newline.
  public static func renderModels(_ files: [FileReport]) -> String {
    var output = JSONOutput()
    output.beginObject()
    output.key("filings")
    output.beginArray()
    for file in files { ModelJSON.writeFile(file, includeFindings: false, to: &output) }
    output.endArray()
    output.member("version", version)
    output.endObject()
    return output.text + "\n"
  }

  /// The model of one file as read, without findings, for `bocheck parse`.
  ///
  /// The object is the per-file object of the check report without `findings`, plus `version`.
  ///
  /// - Parameter file: The file; its findings are ignored.
  /// - Returns: The JSON text, ending with a newline.
  public static func renderModel(_ file: FileReport) -> String {
    var output = JSONOutput()
    ModelJSON.writeFile(file, includeFindings: false, version: version, to: &output)
    return output.text + "\n"
  }
}
