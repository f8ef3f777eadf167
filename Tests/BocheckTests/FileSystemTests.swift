import BocheckSystem
import Foundation
import Testing

/// The file system through the C library, against what Foundation says of the same files.
@Suite("File system")
struct FileSystemTests {
  @Test("a folder's names: every entry but . and .., dot-files and subfolders included; an error when missing")
  func folderNames() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try CLIHarness.write("a", named: "b.txt", in: folder)
    try CLIHarness.write("", named: ".hidden", in: folder)
    try CLIHarness.write("é", named: "été.rule", in: folder)
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("sub"), withIntermediateDirectories: false)
    let listed = FileSystem.names(in: folder.path)
    #expect(listed.error == nil)
    #expect(listed.names.sorted() == [".hidden", "b.txt", "sub", "été.rule"])
    #expect(listed.names.sorted() == (try FileManager.default.contentsOfDirectory(atPath: folder.path)).sorted())

    let missing = FileSystem.names(in: folder.appendingPathComponent("none").path)
    #expect(missing.names.isEmpty)
    #expect(missing.error == ENOENT)
    #expect(FileSystem.errorDescription(ENOENT) == "No such file or directory")
  }

  @Test("a file read whole, byte for byte; nil for a missing file and for a folder")
  func contents() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    let path = folder.appendingPathComponent("data.bin").path
    #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
    #expect(FileSystem.contents(of: path) == bytes)
    let empty = try CLIHarness.write("", named: "empty.txt", in: folder)
    #expect(FileSystem.contents(of: empty) == [])
    #expect(FileSystem.contents(of: folder.appendingPathComponent("none").path) == nil)
    #expect(FileSystem.contents(of: folder.path) == nil)
    // A file whose size the system does not know in advance.
    #expect(FileSystem.contents(of: "/proc/self/status").map { $0.starts(with: Array("Name:".utf8)) } == true)
  }

  @Test("a descriptor read whole whatever size was expected; reading stops once past the limit")
  func descriptorReadWhole() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) }
    let path = folder.appendingPathComponent("data.bin").path
    #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
    func read(expecting size: Int, limit: Int = .max - 1) -> (bytes: [UInt8], error: Int32?) {
      let descriptor = open(path, O_RDONLY)
      defer { close(descriptor) }
      return FileSystem.readAll(descriptor, expectedSize: size, limit: limit)
    }
    // The size known, unknown (standard input, a pipe) and too small (a file that grew): the same bytes.
    for size in [bytes.count, 0, 10, 65_535, 65_536, 199_999] {
      let read = read(expecting: size)
      #expect(read.error == nil && read.bytes == bytes, "expected \(size)")
    }
    // A limit passed: the bytes read so far, more than the limit and fewer than the file.
    let limited = read(expecting: 0, limit: 1_000)
    #expect(limited.bytes.count == 65_537 && Array(bytes.prefix(65_537)) == limited.bytes)
    #expect(read(expecting: 0).bytes.count == 200_000)
  }

  @Test("what a path names, through symbolic links")
  func kinds() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try CLIHarness.write("x", named: "f.txt", in: folder)
    let link = folder.appendingPathComponent("link").path
    let dangling = folder.appendingPathComponent("dangling").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder.path)
    try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "/nonexistent/x")
    #expect(FileSystem.kind(of: file) == .file)
    #expect(FileSystem.kind(of: folder.path) == .directory)
    #expect(FileSystem.kind(of: link) == .directory)
    #expect(FileSystem.kind(of: dangling) == .missing)
    #expect(FileSystem.kind(of: "/dev/null") == .other)
  }

  @Test("the working directory is Foundation's; the cores are at least one and at most the processors")
  func processFacts() {
    #expect(FileSystem.currentDirectory() == FileManager.default.currentDirectoryPath)
    let cores = FileSystem.availableCores()
    #expect(cores >= 1)
    #expect(cores <= ProcessInfo.processInfo.processorCount)
  }
}
