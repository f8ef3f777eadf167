/// Ties a parent's cover page to the cover pages of the persons whose shares it reports.
///
/// A parent's row 11 names whose shares it counts ("owned by X", "collectively owned by A, B and C"). Its
/// holders are the other reporting persons whose pages account for exactly those names: a fund whose own name
/// is among them, or a manager whose own row 11 is attributed to some (not all) of them, standing in for funds
/// that have no page of their own.
///
/// It lives in the model, not with the rules, so that the rules' `holders` function and the reports that
/// draw the ownership structure use one and the same graph.
public enum OwnershipGraph {
  /// The most candidate combinations the search tries before it gives up, so that no filing can make it hang.
  static let searchLimit = 20_000

  /// The holders of the person on a cover page.
  ///
  /// Names compare by ``NameKey``. A candidate is another page with a readable row 11; it covers its own name
  /// when that name is among the parent's names, else its own row 11's names when they are a proper subset of
  /// the parent's (peers attributing to the same names are not children). The holders are an exact cover of the
  /// parent's names by candidates: the one with the most members, then the most covering by their own name,
  /// then the earliest pages.
  ///
  /// - Parameters:
  ///   - page: The 1-based index of the parent's page.
  ///   - filing: The filing.
  /// - Returns: The 1-based pages of the holders in page order; empty when the row names nobody or no exact
  ///   cover exists.
  public static func holders(ofPage page: Int, in filing: Filing) -> [Int] {
    Index(filing).holders(ofPage: page)
  }

  /// The name keys of every page with a readable row 11, indexed once per filing so that finding one page's
  /// holders looks up the names its row 11 gives instead of going through every other page.
  ///
  /// Each distinct name key of the filing is numbered once, as it is first met, and the index holds names by
  /// number: a set of names is its numbers in ascending order, so that comparing, grouping and searching names
  /// hashes no text. Finding the holders of every page of a filing then takes time linear in the number of
  /// pages, however many of them repeat a name or attribute their shares to the same persons.
  public struct Index: Sendable {
    /// One page with a readable row 11.
    struct Entry: Sendable {
      /// The page's 1-based index.
      let page: Int
      /// The number of the page's own name, if it has one.
      let name: Int?
      /// The numbers of the names its row 11 is attributed to, ascending, each once.
      let attributedTo: [Int]
      /// The position in ``Index/groups`` of the pages attributing to the same names; `nil` when it names none.
      let group: Int?
    }

    /// Pages that attribute their row 11 to the same set of names, in page order.
    struct AttributionGroup: Sendable {
      /// The numbers of the names the group's pages attribute their row 11 to, ascending.
      let names: [Int]
      /// Indices into ``Index/entries`` of the group's pages, in page order.
      var entries: [Int]
    }

    /// Each numbered name's key, by its number.
    let keys: [NameKey]
    /// The pages with a readable row 11, in page order.
    let entries: [Entry]
    /// The position in ``entries`` of each page, by its 1-based index.
    let entryOfPage: [Int: Int]
    /// The 1-based pages whose own name is numbered, by that number, in page order.
    let pagesByName: [[Int]]
    /// The distinct non-empty attributions, in the order of their first page.
    let groups: [AttributionGroup]
    /// The groups filed under the one of their names that the fewest groups hold, by that name's number, so
    /// that a parent looks only at groups that can be part of its own names.
    let groupsByRarestName: [[Int]]

    /// Indexes the pages of a filing whose row 11 holds an amount.
    ///
    /// - Parameter filing: The filing.
    public init(_ filing: Filing) {
      self.init(filing, pageNames: PageNameKeys(filing))
    }

    /// Indexes the pages of a filing whose row 11 holds an amount, with the keys of its pages' names already
    /// made (a key costs about a thousand instructions); a name row 11 is attributed to that a page's row 1
    /// prints exactly so takes that page's key.
    ///
    /// - Parameters:
    ///   - filing: The filing.
    ///   - pageNames: The row 1 name of each page and its ``NameKey``, in the order of the filing's cover pages.
    public init(_ filing: Filing, pageNames: PageNameKeys) {
      let nameKeys = pageNames.keys
      precondition(nameKeys.count == filing.coverPages.count, "one name key for each cover page")
      // Room for every page at once: a table that grows moves its entries each time.
      let pageCount = filing.coverPages.count
      var keys: [NameKey] = []
      var numberOfKey = [NameKey: Int](minimumCapacity: pageCount)
      var pagesByName: [[Int]] = []
      func number(_ key: NameKey) -> Int {
        if let known = numberOfKey[key] { return known }
        numberOfKey[key] = keys.count
        keys.append(key)
        pagesByName.append([])
        return keys.count - 1
      }
      var entries: [Entry] = []
      entries.reserveCapacity(pageCount)
      var entryOfPage = [Int: Int](minimumCapacity: pageCount)
      var groups: [AttributionGroup] = []
      var groupOfNames: [[Int]: Int] = [:]
      for (position, page) in filing.coverPages.enumerated() {
        guard let amount = page.rows[.aggregateAmountOwned]?.amount else { continue }
        let name = nameKeys[position].map(number)
        var attributedTo = amount.attributedTo.map { number(pageNames.key(of: $0)) }
        attributedTo.sort()
        Index.removeRepeats(&attributedTo)
        var group: Int?
        if !attributedTo.isEmpty {
          if let known = groupOfNames[attributedTo] {
            groups[known].entries.append(entries.count)
            group = known
          } else {
            group = groups.count
            groupOfNames[attributedTo] = groups.count
            groups.append(AttributionGroup(names: attributedTo, entries: [entries.count]))
          }
        }
        let entry = Entry(page: page.index, name: name, attributedTo: attributedTo, group: group)
        entryOfPage[entry.page] = entries.count
        if let name { pagesByName[name].append(entry.page) }
        entries.append(entry)
      }
      var groupsHolding = [Int](repeating: 0, count: keys.count)
      for group in groups {
        for name in group.names { groupsHolding[name] += 1 }
      }
      var groupsByRarestName = [[Int]](repeating: [], count: keys.count)
      for (position, group) in groups.enumerated() {
        // Of the names held by the fewest groups, the first in the keys' order.
        let rarest = group.names.min { left, right in
          groupsHolding[left] != groupsHolding[right]
            ? groupsHolding[left] < groupsHolding[right] : keys[left] < keys[right]
        }
        if let rarest { groupsByRarestName[rarest].append(position) }
      }
      self.keys = keys
      self.entries = entries
      self.entryOfPage = entryOfPage
      self.pagesByName = pagesByName
      self.groups = groups
      self.groupsByRarestName = groupsByRarestName
    }

    /// Removes the repeats of an ascending list, keeping each number once.
    static func removeRepeats(_ numbers: inout [Int]) {
      guard numbers.count > 1 else { return }
      var kept = 1
      for index in 1..<numbers.count where numbers[index] != numbers[kept - 1] {
        numbers[kept] = numbers[index]
        kept += 1
      }
      numbers.removeLast(numbers.count - kept)
    }

    /// Whether an ascending list holds a number, found by halving (a parent may name thousands of funds).
    static func holds(_ numbers: [Int], _ number: Int) -> Bool {
      var (low, high) = (0, numbers.count)
      while low < high {
        let middle = (low + high) / 2
        if numbers[middle] < number { low = middle + 1 } else { high = middle }
      }
      return low < numbers.count && numbers[low] == number
    }

    /// The holders of the person on a cover page.
    ///
    /// - Parameter page: The 1-based index of the parent's page.
    /// - Returns: The 1-based pages of the holders in page order, as ``OwnershipGraph/holders(ofPage:in:)``
    ///   returns them.
    public func holders(ofPage page: Int) -> [Int] {
      guard let position = entryOfPage[page] else { return [] }
      return holders(ofEntry: position)
    }

    /// The holders of every page whose row 11 is attributed to someone, by the page's 1-based index.
    ///
    /// Pages that attribute their row 11 to the same names have the same holders, unless a page's own name is
    /// among those names (a page is never its own holder): the search runs once for such a group. A page
    /// missing from the table has none, as ``holders(ofPage:)`` says.
    public func holdersOfEveryPage() -> [Int: [Int]] {
      var holdersByPage = [Int: [Int]](minimumCapacity: entries.count)
      var holdersByGroup = [[Int]?](repeating: nil, count: groups.count)
      for (position, entry) in entries.enumerated() {
        guard let group = entry.group else { continue }
        // A page named among the names it attributes to is searched for alone: its search leaves it out.
        if let name = entry.name, Index.holds(entry.attributedTo, name) {
          holdersByPage[entry.page] = holders(ofEntry: position)
        } else if let shared = holdersByGroup[group] {
          holdersByPage[entry.page] = shared
        } else {
          let found = holders(ofEntry: position)
          holdersByGroup[group] = found
          holdersByPage[entry.page] = found
        }
      }
      return holdersByPage
    }

    /// The holders of the person of one of ``entries``.
    ///
    /// - Parameter position: The entry's position in ``entries``.
    private func holders(ofEntry position: Int) -> [Int] {
      let page = entries[position].page
      let names = entries[position].attributedTo
      guard !names.isEmpty else { return [] }
      var candidates: [Candidate] = []
      for name in names {
        // A name on two pages makes the sum ambiguous: no holders then.
        var only: Int?
        for other in pagesByName[name] where other != page {
          guard only == nil else { return [] }
          only = other
        }
        if let only { candidates.append(Candidate(page: only, covers: [name], ownName: true)) }
      }
      // Of two managers that report for the same funds, one stands for both (each manager's own sum is checked
      // on its own page): each group gives its first page that is neither the parent nor named among its names.
      for name in names {
        for group in groupsByRarestName[name] {
          let covers = groups[group].names
          guard covers.count < names.count, covers.allSatisfy({ Index.holds(names, $0) }) else { continue }
          let first = groups[group].entries.lazy.map { self.entries[$0] }.first { other in
            other.page != page && !(other.name.map { Index.holds(names, $0) } ?? false)
          }
          if let first { candidates.append(Candidate(page: first.page, covers: covers, ownName: false)) }
        }
      }
      candidates.sort { $0.page < $1.page }
      // The names in the keys' order, the order the search covers them in.
      let ordered = names.sorted { keys[$0] < keys[$1] }
      return OwnershipGraph.exactCover(of: ordered, by: candidates)
    }
  }

  /// A page that may be among a parent's holders, with the parent's names it accounts for.
  struct Candidate {
    /// The candidate's 1-based page.
    let page: Int
    /// The numbers of the parent's names the candidate accounts for (see ``Index``).
    let covers: [Int]
    /// Whether it accounts for its own name (a fund) rather than for names its row 11 gives (a manager).
    let ownName: Bool
  }

  /// The best exact cover of a parent's names by candidates.
  ///
  /// - Parameters:
  ///   - names: The numbers of the names the parent's row 11 is attributed to, each once, in the order the
  ///     search covers them (the order of their keys).
  ///   - candidates: The candidates, in page order, each page once and each set of names once; each covers
  ///     only names among `names`.
  /// - Returns: The 1-based pages of the cover with the most members, then the most covering by their own name,
  ///   then the earliest pages, in page order; empty when no exact cover exists or the search gives up.
  static func exactCover(of names: [Int], by candidates: [Candidate]) -> [Int] {
    // Each name by its position in `names`; each candidate as the positions it covers; each position's
    // candidates in page order. The search covers the first uncovered position with each candidate that holds
    // it and overlaps nothing covered, depth first, on an explicit stack (a parent may name thousands of funds).
    var positionOfName = [Int: Int](minimumCapacity: names.count)
    for (position, name) in names.enumerated() { positionOfName[name] = position }
    let positions = candidates.map { $0.covers.compactMap { positionOfName[$0] } }
    var options = [[Int]](repeating: [], count: names.count)
    for (candidate, covered) in positions.enumerated() {
      for position in covered { options[position].append(candidate) }
    }
    var covered = [Bool](repeating: false, count: names.count)
    var best: (members: Int, ownNames: Int, pages: [Int])?
    var chosen: [Int] = []
    var frames: [(position: Int, option: Int)] = []
    var steps = 0

    var chosenOwnNames = 0

    // Keeps the cover just completed when it is better: compared by counts first, so that the pages are sorted
    // only for a cover that may win.
    func record() {
      if let current = best {
        if chosen.count != current.members {
          guard chosen.count > current.members else { return }
        } else if chosenOwnNames != current.ownNames {
          guard chosenOwnNames > current.ownNames else { return }
        } else {
          let pages = chosen.map { candidates[$0].page }.sorted()
          guard pages.lexicographicallyPrecedes(current.pages) else { return }
          best = (pages.count, chosenOwnNames, pages)
          return
        }
      }
      best = (chosen.count, chosenOwnNames, chosen.map { candidates[$0].page }.sorted())
    }

    /// Starts covering from `position`: records a complete cover, or pushes a frame for the first uncovered name.
    func enter(from position: Int) {
      steps += 1
      guard steps <= searchLimit else { return }
      var next = position
      while next < covered.count && covered[next] { next += 1 }
      if next == covered.count { record() } else { frames.append((next, 0)) }
    }

    enter(from: 0)
    while let top = frames.last, steps <= searchLimit {
      if chosen.count == frames.count {
        // Back from the choice made at the top frame: undo it before trying the next.
        let undone = chosen.removeLast()
        if candidates[undone].ownName { chosenOwnNames -= 1 }
        for position in positions[undone] { covered[position] = false }
      }
      let choices = options[top.position]
      var option = top.option
      while option < choices.count && positions[choices[option]].contains(where: { covered[$0] }) { option += 1 }
      guard option < choices.count else {
        frames.removeLast()
        continue
      }
      frames[frames.count - 1].option = option + 1
      let choice = choices[option]
      chosen.append(choice)
      if candidates[choice].ownName { chosenOwnNames += 1 }
      for position in positions[choice] { covered[position] = true }
      enter(from: top.position + 1)
    }
    return best?.pages ?? []
  }
}
