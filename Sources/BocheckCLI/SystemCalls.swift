#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few operating-system services the command line needs beyond the file system (``FileSystem``), called
/// through the C library: paths resolved with `realpath`, a file replaced with `rename`, output written with
/// `write`, worker threads run on POSIX threads.
enum SystemCalls {
  /// The absolute path with every symbolic link resolved, or the path unchanged when it cannot be resolved.
  ///
  /// - Parameter path: Any path.
  static func resolvedPath(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Writes a text to a file in one step: to a new file beside it, then renamed over it, so that a reader
  /// never sees half of it.
  ///
  /// - Parameters:
  ///   - text: The text, written as UTF-8.
  ///   - path: The file's path.
  /// - Returns: `nil` when the file was written, else the system's reason why not.
  static func replaceFile(at path: String, with text: String) -> String? {
    let temporary = path + ".bocheck-\(getpid()).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return String(cString: strerror(errno)) }
    var failure = writeAll(text, to: descriptor)
    if close(descriptor) != 0 && failure == nil { failure = errno }
    if failure == nil && rename(temporary, path) != 0 { failure = errno }
    guard let failure else { return nil }
    unlink(temporary)
    return String(cString: strerror(failure))
  }

  /// Writes all of a text's UTF-8 bytes to a file descriptor, again after an interrupted write.
  ///
  /// - Parameters:
  ///   - text: The text.
  ///   - descriptor: An open file descriptor.
  /// - Returns: `nil` when every byte was written, else the system's error number.
  static func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
    var text = text
    return text.withUTF8 { buffer in
      var offset = 0
      while offset < buffer.count {
        let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { return errno }
        offset += count
      }
      return nil
    }
  }

  /// Starts a detached thread with its own stack size.
  ///
  /// - Parameters:
  ///   - stackSize: The thread's stack size, in bytes.
  ///   - body: What the thread runs; the thread ends when it returns.
  /// - Returns: Whether the thread was started (the system may refuse more threads).
  static func startThread(stackSize: Int, _ body: @escaping @Sendable () -> Void) -> Bool {
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, stackSize)
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
    #if canImport(Darwin)
      var thread: pthread_t?
    #else
      var thread = pthread_t()
    #endif
    let result = pthread_create(&thread, &attributes, runThreadBody, context)
    guard result == 0 else {
      Unmanaged<ThreadBody>.fromOpaque(context).release()
      return false
    }
    return true
  }

}

/// A thread's work, kept alive from `pthread_create` until the thread runs it.
private final class ThreadBody: Sendable {
  let run: @Sendable () -> Void
  init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}

/// The function a thread started by ``SystemCalls/startThread(stackSize:_:)`` runs: its ``ThreadBody``.
#if canImport(Darwin)
  private func runThreadBody(_ context: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
    Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue().run()
    return nil
  }
#else
  private func runThreadBody(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    guard let context else { return nil }
    Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue().run()
    return nil
  }
#endif

/// A lock with a condition to wait on: a POSIX mutex and condition variable.
///
/// `@unchecked Sendable`: the mutex and condition variable are made for sharing between threads, and the
/// pointers to them never change.
final class LockedCondition: @unchecked Sendable {
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

  init() {
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(condition, nil)
  }

  deinit {
    pthread_cond_destroy(condition)
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
    condition.deallocate()
  }

  /// Takes the lock, waiting for it.
  func lock() { pthread_mutex_lock(mutex) }

  /// Gives the lock back.
  func unlock() { pthread_mutex_unlock(mutex) }

  /// Gives the lock back until another thread broadcasts, then takes it again; call with the lock taken.
  func wait() { pthread_cond_wait(condition, mutex) }

  /// Wakes every thread waiting.
  func broadcast() { pthread_cond_broadcast(condition) }
}

extension String {
  /// The text without white space (and, when asked, line breaks) at either end.
  ///
  /// - Parameter newlines: Whether line breaks are trimmed too.
  func trimmingWhiteSpace(newlines: Bool = false) -> String {
    let isTrimmed: (Unicode.Scalar) -> Bool = { scalar in
      scalar.properties.isWhitespace && (newlines || !Character(scalar).isNewline)
    }
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
    let last = scalars.lastIndex(where: { !isTrimmed($0) })!
    return String(scalars[first...last])
  }
}
