#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The file system as the checker uses it (files read whole, folders listed, paths told apart, the working
/// directory, the cores it may run on), called through the C library.
///
/// The checker links no Foundation at all: a run over one filing then starts without Foundation's
/// initialisation, and every generic type the Swift runtime sets up for the first time searches a smaller
/// table of protocol conformances (Foundation's make up a third of a binary's). The rules, the command line
/// and anything else that touches files go through here.
public enum FileSystem {
  /// What a path names, following symbolic links.
  public enum PathKind: Sendable {
    case missing, file, directory, other
  }

  /// What a path names, following symbolic links.
  ///
  /// - Parameter path: Any path.
  public static func kind(of path: String) -> PathKind {
    var status = stat()
    guard stat(path, &status) == 0 else { return .missing }
    switch status.st_mode & S_IFMT {
    case S_IFDIR: return .directory
    case S_IFREG: return .file
    default: return .other
    }
  }

  /// Whether a path names a folder (a symbolic link to one counts).
  ///
  /// - Parameter path: Any path.
  public static func isDirectory(_ path: String) -> Bool {
    kind(of: path) == .directory
  }

  /// The bytes of the file at `path`, read whole, or `nil` when it cannot be opened or read (a folder
  /// cannot be read).
  ///
  /// - Parameter path: The file's path.
  public static func contents(of path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    let size = fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
    let (bytes, error) = readAll(descriptor, expectedSize: size, limit: Int.max - 1)
    return error == nil ? bytes : nil
  }

  /// The names of the entries of a folder (without `.` and `..`), in the order the system gives them.
  ///
  /// - Parameter folder: The folder's path.
  /// - Returns: The names, and the system's error number when the folder cannot be listed (the names are
  ///   then empty; ``errorDescription(_:)`` says why).
  public static func names(in folder: String) -> (names: [String], error: Int32?) {
    guard let directory = opendir(folder) else { return ([], errno) }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return (names, nil)
  }

  /// The system's description of an error number, such as "Permission denied".
  ///
  /// - Parameter number: An error number (`errno`).
  public static func errorDescription(_ number: Int32) -> String {
    String(cString: strerror(number))
  }

  /// The process's working directory, absolute; `.` when the system cannot tell it (it was deleted).
  public static func currentDirectory() -> String {
    guard let path = getcwd(nil, 0) else { return "." }
    defer { free(path) }
    return String(cString: path)
  }

  /// Reads a file descriptor to its end, straight into an array: sized one byte past `expectedSize` so that
  /// the end shows in the same reads, and given more room when more comes, until more than `limit` bytes
  /// are read (the reader then refuses the input as too large, and an endless stream cannot exhaust memory).
  ///
  /// - Parameters:
  ///   - descriptor: An open file descriptor.
  ///   - expectedSize: The size expected, in bytes (a file's size from `fstat`; 0 when unknown).
  ///   - limit: The most bytes wanted; reading stops once more than this were read.
  /// - Returns: The bytes read, and the system's error number when a read failed (the bytes are then those
  ///   read before it).
  public static func readAll(_ descriptor: Int32, expectedSize: Int, limit: Int) -> (bytes: [UInt8], error: Int32?) {
    var error: Int32?
    // The bytes are read into memory that nothing is written to first (a zero-filled buffer cost a pass over it).
    // The expected size and one byte more are asked for: a file that fills them has grown (or its size was not
    // known), and the rest is read 64 KiB at a time into one reused buffer and appended.
    let capacity = max(expectedSize, 0) + 1
    var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
      (count, error) = read(descriptor, into: buffer)
    }
    guard error == nil && bytes.count == capacity && bytes.count <= limit else { return (bytes, error) }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while error == nil && bytes.count <= limit {
      let count = chunk.withUnsafeMutableBufferPointer { buffer in
        let result = read(descriptor, into: buffer)
        error = result.error
        return result.count
      }
      bytes.append(contentsOf: chunk[..<count])
      if count < chunk.count { break }
    }
    return (bytes, error)
  }

  /// Reads a file descriptor into a buffer until the buffer is full or the input ends.
  ///
  /// - Parameters:
  ///   - descriptor: An open file descriptor.
  ///   - buffer: Where the bytes go, from its start.
  /// - Returns: How many bytes were read (fewer than the buffer holds only at the input's end or on an error),
  ///   and the system's error number when a read failed.
  public static func read(_ descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>) -> (
    count: Int, error: Int32?
  ) {
    var filled = 0
    while filled < buffer.count {
      let count = systemRead(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
      if count < 0 {
        if errno == EINTR { continue }
        return (filled, errno)
      }
      if count == 0 { break }
      filled += count
    }
    return (filled, nil)
  }

  /// How many cores the process may run on: those its CPU affinity allows (`taskset`), fewer when a control
  /// group's CPU quota grants less (a container limited to 1.5 CPUs gets 2), at least one.
  public static func availableCores() -> Int {
    #if os(Linux)
      var cores = allowedCores() ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
      if let quota = cpuQuota() { cores = min(cores, quota) }
      return max(1, cores)
    #else
      return max(1, Int(sysconf(_SC_NPROCESSORS_ONLN)))
    #endif
  }

  /// How many cores the process's CPU affinity allows, counted in the mask of `Cpus_allowed` in
  /// `/proc/self/status` ("00000000,0000000f" allows four), or `nil` when it cannot be read.
  private static func allowedCores() -> Int? {
    guard let bytes = contents(of: "/proc/self/status") else { return nil }
    let label = Array("Cpus_allowed:".utf8)
    for line in bytes.split(separator: 0x0A) where line.starts(with: label) {
      var count = 0
      for byte in line.dropFirst(label.count) {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): count += (byte - UInt8(ascii: "0")).nonzeroBitCount
        case UInt8(ascii: "a")...UInt8(ascii: "f"): count += (byte - UInt8(ascii: "a") + 10).nonzeroBitCount
        case UInt8(ascii: ","), UInt8(ascii: " "), UInt8(ascii: "\t"): continue
        default: return nil
        }
      }
      return count > 0 ? count : nil
    }
    return nil
  }

  /// The CPU quota of the process's control group, in whole CPUs rounded up, or `nil` when there is none:
  /// `cpu.max` ("150000 100000") under cgroup v2, `cpu.cfs_quota_us` and `cpu.cfs_period_us` under v1.
  private static func cpuQuota() -> Int? {
    func numbers(_ path: String) -> [Int]? {
      guard let bytes = contents(of: path) else { return nil }
      return String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
        .map { Int($0) ?? -1 }
    }
    let quotaAndPeriod =
      numbers("/sys/fs/cgroup/cpu.max")
      ?? (numbers("/sys/fs/cgroup/cpu/cpu.cfs_quota_us") ?? [])
      + (numbers("/sys/fs/cgroup/cpu/cpu.cfs_period_us") ?? [])
    guard quotaAndPeriod.count == 2, quotaAndPeriod[0] > 0, quotaAndPeriod[1] > 0 else { return nil }
    return (quotaAndPeriod[0] + quotaAndPeriod[1] - 1) / quotaAndPeriod[1]
  }
}

/// The C library's `read`, under a name that ``FileSystem/read(_:into:)`` does not hide.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}
