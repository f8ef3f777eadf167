/// A path pattern with `*`, `**` and `?`, as suppressions use it.
///
/// `*` stands for any run of characters within one path component (no `/`), `?` for one such character,
/// and `**` for any run of characters across components: `**/` also matches no folder at all, so that
/// `filings/**/*.txt` matches `filings/a.txt` and `filings/2024/q1/a.txt`. Every other character, `[`
/// included, stands for itself; matching is case-sensitive and compares Unicode scalars.
struct PathGlob: Sendable, Equatable, CustomStringConvertible {
  /// The pattern as written.
  let pattern: String

  /// The pattern as written.
  var description: String { pattern }

  private enum Token: Equatable {
    case literal(Unicode.Scalar)
    case anyInComponent
    case anyAcrossComponents
    case anyFolders
    case oneCharacter
  }

  private let tokens: [Token]

  /// Compiles a pattern.
  ///
  /// - Parameter pattern: The pattern, such as `filings/**/*.txt`.
  init(_ pattern: String) {
    self.pattern = pattern
    var tokens: [Token] = []
    let scalars = Array(pattern.unicodeScalars)
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "*" {
        if index + 1 < scalars.count && scalars[index + 1] == "*" {
          let atComponentStart = index == 0 || scalars[index - 1] == "/"
          if atComponentStart && index + 2 < scalars.count && scalars[index + 2] == "/" {
            tokens.append(.anyFolders)
            index += 3
          } else {
            tokens.append(.anyAcrossComponents)
            index += 2
            while index < scalars.count && scalars[index] == "*" { index += 1 }
          }
        } else {
          tokens.append(.anyInComponent)
          index += 1
        }
      } else if scalar == "?" {
        tokens.append(.oneCharacter)
        index += 1
      } else {
        tokens.append(.literal(scalar))
        index += 1
      }
    }
    self.tokens = tokens
  }

  /// Whether the whole path matches the pattern.
  ///
  /// - Parameter path: A path, such as `filings/2024/a.txt`.
  func matches(_ path: String) -> Bool {
    let text = Array(path.unicodeScalars)
    // memo[token][position]: nil unknown; dynamic programming keeps the matching linear in their product.
    var memo = [[Bool?]](repeating: [Bool?](repeating: nil, count: text.count + 1), count: tokens.count + 1)

    func match(_ token: Int, _ position: Int) -> Bool {
      if let known = memo[token][position] { return known }
      let result: Bool
      if token == tokens.count {
        result = position == text.count
      } else {
        switch tokens[token] {
        case .literal(let scalar):
          result = position < text.count && text[position] == scalar && match(token + 1, position + 1)
        case .oneCharacter:
          result = position < text.count && text[position] != "/" && match(token + 1, position + 1)
        case .anyInComponent:
          result =
            match(token + 1, position)
            || (position < text.count && text[position] != "/" && match(token, position + 1))
        case .anyAcrossComponents:
          result = match(token + 1, position) || (position < text.count && match(token, position + 1))
        case .anyFolders:
          // Nothing, or any run of characters that ends with a `/`.
          var matched = match(token + 1, position)
          var next = position
          while !matched && next < text.count {
            if text[next] == "/" && match(token + 1, next + 1) { matched = true }
            next += 1
          }
          result = matched
        }
      }
      memo[token][position] = result
      return result
    }

    return match(0, 0)
  }
}

/// Lexical path arithmetic: absolute forms and paths relative to a folder, without touching the disk.
enum PathArithmetic {
  /// The path made absolute against a folder, with `.` and `..` components and repeated slashes removed.
  ///
  /// - Parameters:
  ///   - path: A path as given; an absolute one is only normalised.
  ///   - directory: The absolute folder a relative path is relative to.
  static func absolute(_ path: String, in directory: String) -> String {
    let joined = path.hasPrefix("/") ? path : directory + "/" + path
    var components: [Substring] = []
    for component in joined.split(separator: "/", omittingEmptySubsequences: true) {
      switch component {
      case ".": continue
      case "..": if !components.isEmpty { components.removeLast() }
      default: components.append(component)
      }
    }
    return "/" + components.joined(separator: "/")
  }

  /// The path relative to a folder when it lies inside it.
  ///
  /// - Parameters:
  ///   - absolutePath: A normalised absolute path.
  ///   - folder: A normalised absolute folder.
  /// - Returns: The part of the path below the folder, or `nil` when the path is not inside it.
  static func relative(_ absolutePath: String, to folder: String) -> String? {
    let prefix = folder == "/" ? "/" : folder + "/"
    guard absolutePath.hasPrefix(prefix), absolutePath.count > prefix.count else { return nil }
    return String(absolutePath.dropFirst(prefix.count))
  }

  /// The folder a path names its file in (`.` for a bare name), lexically.
  ///
  /// - Parameter path: A file's path.
  static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    if slash == path.startIndex { return "/" }
    return String(path[..<slash])
  }
}
