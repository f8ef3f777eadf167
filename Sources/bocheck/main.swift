// The bocheck executable: wires the real standard input, output, error and exit status to BocheckCommand.
import BocheckCLI
import BocheckReading

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads standard input to its end, stopping a byte past the largest filing read so that an endless
/// stream cannot exhaust memory (the reader then refuses the input as too large).
func readStandardInput() -> [UInt8] {
  var bytes: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 1 << 16)
  while bytes.count <= FilingReader.maximumSize {
    let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
    if count < 0 && errno == EINTR { continue }
    if count <= 0 { break }
    bytes.append(contentsOf: buffer[0..<count])
  }
  return bytes
}

/// Writes all of a text's UTF-8 bytes to a file descriptor, stopping quietly when the reader has gone.
func writeAll(_ text: String, to descriptor: Int32) {
  var bytes = Array(text.utf8)[...]
  while !bytes.isEmpty {
    let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    if count < 0 && errno == EINTR { continue }
    if count <= 0 { return }
    bytes = bytes.dropFirst(count)
  }
}

/// The environment variables, read from the C library's environment (`ProcessInfo` takes longer to set up than
/// a short run can afford). A name given twice keeps its first value, as `getenv` does.
func environmentVariables() -> [String: String] {
  var variables: [String: String] = [:]
  var entry = environ
  while let pointer = entry.pointee {
    let text = String(cString: pointer)
    if let equals = text.utf8.firstIndex(of: UInt8(ascii: "=")) {
      let name = String(text[..<equals])
      if variables[name] == nil { variables[name] = String(text[text.utf8.index(after: equals)...]) }
    }
    entry += 1
  }
  return variables
}

let status = BocheckCommand.run(
  arguments: Array(CommandLine.arguments.dropFirst()),
  standardInput: readStandardInput,
  standardOutput: { writeAll($0, to: STDOUT_FILENO) },
  standardError: { writeAll($0, to: STDERR_FILENO) },
  isTerminal: isatty(STDOUT_FILENO) == 1,
  errorIsTerminal: isatty(STDERR_FILENO) == 1,
  environment: environmentVariables())
exit(status)
