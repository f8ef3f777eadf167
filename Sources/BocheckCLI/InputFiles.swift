import BocheckReading
import BocheckSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An input the command line named, once folders are expanded.
enum InputSource: Hashable, Sendable {
  /// Standard input (`-`).
  case standardInput
  /// A file at a path, as given or as found in a folder.
  case file(String)

  /// The path recorded in the model: `-` for standard input.
  var path: String {
    switch self {
    case .standardInput: return "-"
    case .file(let path): return path
    }
  }
}

/// An input that cannot be used, with the message to print on standard error.
struct InputError: Error, Sendable, Equatable {
  /// The path as given.
  var path: String
  /// The 1-based line of the problem, when known.
  var line: Int?
  /// What is wrong, in words.
  var message: String

  /// `path:line: message`, or `path: message` when there is no line.
  var description: String {
    let shown = path == "-" ? "<stdin>" : path
    return line.map { "\(shown):\($0): \(message)" } ?? "\(shown): \(message)"
  }
}

/// Finds the filings the command line names and reads their bytes, never modifying them.
enum InputFiles {
  /// The file name extensions searched for in folders, lower-cased.
  static let filingExtensions: Set<String> = ["txt", "htm", "html", "xml", "nc"]

  /// Expands the paths given on the command line into inputs.
  ///
  /// A folder is searched recursively for files whose extension (what follows the name's last point) is one of
  /// ``filingExtensions`` (any case); entries whose name starts with a dot are skipped; each folder's entries
  /// are taken in sorted order, so the result is stable. A symbolic link to a folder is followed once (a
  /// folder reached again is skipped, so links cannot make the search loop). A file named directly is taken
  /// whatever its extension. An input found twice is kept once, where it was first found.
  ///
  /// - Parameter paths: The paths as given; `-` stands for standard input.
  /// - Returns: The inputs in order, and an error for each path that does not exist or holds no filing.
  static func expand(_ paths: [String]) -> (inputs: [InputSource], errors: [InputError]) {
    var inputs: [InputSource] = []
    // The paths of the files taken, and whether standard input is: a set of strings, whose hashing every run
    // sets up anyway, rather than a set of sources, whose hashing a run over one file would set up for this.
    var seenFiles: Set<String> = []
    var seenStandardInput = false
    var errors: [InputError] = []
    func add(_ input: InputSource) {
      let isNew: Bool
      switch input {
      case .standardInput: (isNew, seenStandardInput) = (!seenStandardInput, true)
      case .file(let path): isNew = seenFiles.insert(path).inserted
      }
      if isNew { inputs.append(input) }
    }
    for path in paths {
      if path == "-" {
        add(.standardInput)
        continue
      }
      switch FileSystem.kind(of: path) {
      case .missing:
        errors.append(InputError(path: path, message: "no such file or folder"))
      case .directory:
        var visited: Set<String> = []
        var found: [String] = []
        collect(folder: path, into: &found, visited: &visited)
        if found.isEmpty {
          let extensions = filingExtensions.sorted().map { "." + $0 }.joined(separator: " ")
          errors.append(InputError(path: path, message: "the folder holds no filing (\(extensions))"))
        }
        for file in found { add(.file(file)) }
      case .file, .other:
        add(.file(path))
      }
    }
    return (inputs, errors)
  }

  /// Reads an input's text.
  ///
  /// A file is read piece by piece into the storage of its text (``FilingText/init(size:reading:)``), so that a
  /// large file is held once while it is decoded.
  ///
  /// - Parameters:
  ///   - input: The input.
  ///   - standardInput: Reads all of standard input.
  /// - Throws: ``InputError`` when the file cannot be opened or read, is not a regular file, is larger
  ///   than ``FilingReader/maximumSize``, or is empty or binary (then with the 1-based line of the problem).
  static func text(of input: InputSource, standardInput: () -> [UInt8]) throws(InputError) -> FilingText {
    switch input {
    case .standardInput:
      return try decoded(path: input.path) { () throws(ReadError) in try FilingText(bytes: standardInput()) }
    case .file(let path):
      return try readFile(path)
    }
  }

  private static func collect(folder: String, into found: inout [String], visited: inout Set<String>) {
    let resolved = SystemCalls.resolvedPath(folder)
    guard visited.insert(resolved).inserted else { return }
    let (names, error) = FileSystem.names(in: folder)
    guard error == nil else { return }
    let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    let sortedNames = names.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    for name in sortedNames where !name.hasPrefix(".") {
      let path = base.isEmpty ? "/" + name : base + "/" + name
      switch FileSystem.kind(of: path) {
      case .directory:
        collect(folder: path, into: &found, visited: &visited)
      case .file:
        // The extension is what follows the name's last point, found on its bytes.
        guard let point = name.utf8.lastIndex(of: UInt8(ascii: ".")) else { continue }
        let fileExtension = String(name[name.utf8.index(after: point)...]).lowercased()
        if filingExtensions.contains(fileExtension) { found.append(path) }
      case .missing, .other:
        continue
      }
    }
  }

  private static func readFile(_ path: String) throws(InputError) -> FilingText {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK)
    guard descriptor >= 0 else { throw InputError(path: path, message: systemMessage(errno)) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw InputError(path: path, message: systemMessage(errno)) }
    switch status.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw InputError(path: path, message: "is a folder")
    default: throw InputError(path: path, message: "not a regular file")
    }
    let size = Int(status.st_size)
    guard size <= FilingReader.maximumSize else {
      throw InputError(path: path, message: "the file is larger than \(FilingReader.maximumSize / 1024 / 1024) MiB")
    }
    // A file that grew since `fstat` gives no text this way.
    var readError: Int32?
    let text = try decoded(path: path) { () throws(ReadError) in
      try FilingText(size: size) { buffer in
        let (count, error) = FileSystem.read(descriptor, into: buffer)
        readError = error
        return error == nil ? count : nil
      }
    }
    if let text { return text }
    if let readError { throw InputError(path: path, message: systemMessage(readError)) }
    // The file grew: it is read again from its start into bytes that grow with it.
    guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw InputError(path: path, message: systemMessage(errno)) }
    let (bytes, error) = FileSystem.readAll(descriptor, expectedSize: size, limit: FilingReader.maximumSize)
    if let error { throw InputError(path: path, message: systemMessage(error)) }
    return try decoded(path: path) { () throws(ReadError) in try FilingText(bytes: bytes) }
  }

  /// The result of decoding an input, with a ``ReadError`` (empty, too large, binary) told as an input error.
  private static func decoded<Result>(
    path: String, _ decode: () throws(ReadError) -> Result
  ) throws(InputError) -> Result {
    do {
      return try decode()
    } catch {
      throw InputError(path: path, line: error.line, message: error.message)
    }
  }

  private static func systemMessage(_ code: Int32) -> String {
    switch code {
    case ENOENT: return "no such file or folder"
    case EACCES, EPERM: return "permission denied"
    case EISDIR: return "is a folder"
    default: return String(cString: strerror(code)).lowercased()
    }
  }
}
