/// Applies a function to every element of a list on several threads and hands the results back one by one,
/// in the list's order, on the calling thread.
///
/// At most `window` elements are *in flight* at once: taken by a worker and not yet handed back. A result
/// that is ready before the ones in front of it waits (in memory) until they have been handed back, and no
/// worker starts another element while the window is full; so memory holds at most `window` results,
/// however long the list.
///
/// ```swift
/// OrderedParallelMap.forEach(
///   paths, threads: 4, window: 8, transform: { check($0) },
///   inOrder: { index, result in print(index, result) })  // 0, 1, 2, ... on the calling thread
/// ```
///
/// The transform runs on dedicated threads (not Swift concurrency's cooperative pool and not Dispatch's),
/// so the calling thread may block on them even when it is itself a task's thread; a single element, or a
/// single thread, is transformed on the calling thread, each result handed back before the next element is
/// transformed.
enum OrderedParallelMap {
  /// The stack size of the worker threads: that of a process's main thread on Linux, so that a worker can
  /// go as deep as a serial run.
  static let workerStackSize = 8 << 20

  /// Transforms every element on `threads` worker threads and passes each result to `inOrder` in the
  /// elements' order.
  ///
  /// Returns once every result has been passed to `inOrder` and every worker thread has ended.
  ///
  /// - Parameters:
  ///   - elements: The elements, in the order their results are handed back.
  ///   - threads: How many worker threads run `transform` (fewer are started when there are fewer elements);
  ///     with 1 or less, or a single element, `transform` runs on the calling thread and no thread is started.
  ///   - window: How many elements may be in flight at once; raised to `threads` when smaller.
  ///   - transform: The work done for one element, on a worker thread.
  ///   - inOrder: Receives each element's index and result, in order, on the calling thread.
  static func forEach<Element: Sendable, Output: Sendable>(
    _ elements: [Element], threads: Int, window: Int,
    transform: @escaping @Sendable (Element) -> Output,
    inOrder body: (Int, Output) -> Void
  ) {
    // One element, or one thread: the work is done here, in order, and no thread is started.
    guard elements.count > 1, threads > 1 else {
      for (index, element) in elements.enumerated() { body(index, transform(element)) }
      return
    }
    let workerCount = min(threads, elements.count)
    let queue = OrderedResults<Output>(count: elements.count, window: max(window, workerCount))
    var startedWorkers = 0
    for _ in 0..<workerCount {
      let started = SystemCalls.startThread(stackSize: workerStackSize) {
        while let index = queue.claim() {
          queue.deliver(transform(elements[index]), at: index)
        }
        queue.workerEnded()
      }
      guard started else { break }
      startedWorkers += 1
    }
    // When the system refuses every thread, the work is done here, in order.
    guard startedWorkers > 0 else {
      for (index, element) in elements.enumerated() { body(index, transform(element)) }
      return
    }
    for index in elements.indices {
      body(index, queue.take(index))
    }
    queue.waitForWorkers(startedWorkers)
  }
}

/// The shared state of an ``OrderedParallelMap`` run: which index is next to be taken by a worker, the
/// results waiting to be handed back, and how many workers have ended.
///
/// `@unchecked Sendable`: every stored property is read and written only while `condition` is locked (each
/// method locks it first), so the compiler cannot see what makes the sharing safe, but it is.
private final class OrderedResults<Output: Sendable>: @unchecked Sendable {
  private let condition = LockedCondition()
  private let count: Int
  private let window: Int
  /// The next index a worker takes.
  private var nextClaimed = 0
  /// The next index handed back; the ones from here to `nextClaimed` are in flight.
  private var nextTaken = 0
  /// Results ready but not yet handed back, by index.
  private var ready: [Int: Output] = [:]
  private var endedWorkers = 0

  init(count: Int, window: Int) {
    self.count = count
    self.window = window
  }

  /// The next index to work on, waiting while the window is full; `nil` when every index has been taken.
  func claim() -> Int? {
    condition.lock()
    defer { condition.unlock() }
    while nextClaimed < count && nextClaimed - nextTaken >= window {
      condition.wait()
    }
    guard nextClaimed < count else { return nil }
    nextClaimed += 1
    return nextClaimed - 1
  }

  /// Stores the result of an index and wakes the thread waiting for it.
  func deliver(_ output: Output, at index: Int) {
    condition.lock()
    ready[index] = output
    condition.broadcast()
    condition.unlock()
  }

  /// Waits for the result of an index, removes it and frees its place in the window.
  ///
  /// - Parameter index: The next index in order: each is taken once, from 0 up.
  func take(_ index: Int) -> Output {
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let output = ready.removeValue(forKey: index) {
        nextTaken = index + 1
        condition.broadcast()
        return output
      }
      condition.wait()
    }
  }

  /// Records that a worker thread has returned from its last ``claim()``.
  func workerEnded() {
    condition.lock()
    endedWorkers += 1
    condition.broadcast()
    condition.unlock()
  }

  /// Waits until the given number of workers have ended.
  func waitForWorkers(_ workers: Int) {
    condition.lock()
    while endedWorkers < workers {
      condition.wait()
    }
    condition.unlock()
  }
}
