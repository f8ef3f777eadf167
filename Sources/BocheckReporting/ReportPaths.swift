/// How the CI reports (SARIF, GitHub annotations, JUnit, checkstyle) name a file: relative to the source
/// root, with forward slashes, without `./` or `..` segments.
///
/// Code scanning, workflow annotations and most CI dashboards match a report's paths against the files of
/// the repository, so a path is made relative to the source root (the repository's checkout) when the
/// file lies inside it. Relative paths given on the command line are taken from the working directory.
/// The paths are normalised lexically: symbolic links are not resolved.
public struct ReportPaths: Hashable, Sendable {
  /// The absolute path of the working directory, against which relative inputs are resolved.
  public var workingDirectory: String
  /// The folder report paths are relative to; a relative one is taken from the working directory.
  public var sourceRoot: String

  /// Creates the path rules of a run.
  ///
  /// - Parameters:
  ///   - workingDirectory: The absolute path of the working directory.
  ///   - sourceRoot: The absolute path of the source root; the working directory when `nil`.
  public init(workingDirectory: String, sourceRoot: String? = nil) {
    self.workingDirectory = workingDirectory
    self.sourceRoot = sourceRoot ?? workingDirectory
  }

  /// The path reports print: relative to the source root when the file lies inside it, otherwise the
  /// absolute path; `<stdin>` for standard input (`-`).
  ///
  /// - Parameter path: A path as given on the command line or found in a folder.
  public func reportPath(_ path: String) -> String {
    relativePath(path) ?? (path == "-" ? FileReport.displayPath(path) : absolutePath(path))
  }

  /// The path relative to the source root, or `nil` when the file lies outside it (or is standard input).
  ///
  /// - Parameter path: A path as given on the command line or found in a folder.
  public func relativePath(_ path: String) -> String? {
    guard path != "-" else { return nil }
    let file = ReportPaths.components(absolutePath(path))
    let root = ReportPaths.components(absolutePath(sourceRoot))
    guard file.count > root.count, Array(file.prefix(root.count)) == root else { return nil }
    return file.dropFirst(root.count).joined(separator: "/")
  }

  /// The path made absolute against the working directory and normalised.
  ///
  /// - Parameter path: A path as given.
  public func absolutePath(_ path: String) -> String {
    ReportPaths.normalized(path.hasPrefix("/") ? path : workingDirectory + "/" + path)
  }

  /// A path without empty, `.` and `..` segments; `..` at the root stays at the root.
  ///
  /// - Parameter path: A path; an absolute one keeps its leading `/`.
  static func normalized(_ path: String) -> String {
    let kept = components(path)
    return path.hasPrefix("/") ? "/" + kept.joined(separator: "/") : kept.joined(separator: "/")
  }

  /// The segments of a path that stay once empty, `.` and `..` segments are gone, in order.
  ///
  /// An ASCII path is cut at its `/` bytes, its segments compared byte for byte; any other is split by
  /// characters, where a `/` followed by a combining mark is not a separator.
  private static func components(_ path: String) -> [String] {
    var path = path
    let ascii = path.withUTF8 { bytes -> [String]? in
      guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
      var kept: [String] = []
      var start = 0
      for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x2F {
        defer { start = end + 1 }
        let segment = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if segment.isEmpty || segment.elementsEqual([0x2E]) { continue }
        if segment.elementsEqual([0x2E, 0x2E]) {
          if !kept.isEmpty { kept.removeLast() }
          continue
        }
        kept.append(String(decoding: segment, as: UTF8.self))
      }
      return kept
    }
    if let ascii { return ascii }
    var kept: [String] = []
    for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch segment {
      case ".": continue
      case "..": if !kept.isEmpty { kept.removeLast() }
      default: kept.append(String(segment))
      }
    }
    return kept
  }
}
