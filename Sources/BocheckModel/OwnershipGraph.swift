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
    holders(ofPage: page, keys: PageKeys.of(filing))
  }

  /// The name keys of every page with a readable row 11, computed once per filing.
  public struct PageKeys: Sendable {
    /// The page's 1-based index.
    public let page: Int
    /// The key of the page's own name, if it has one.
    public let name: NameKey?
    /// The keys of the names its row 11 is attributed to.
    public let attributedTo: Set<NameKey>

    /// The keys of all pages whose row 11 holds an amount.
    ///
    /// - Parameter filing: The filing.
    public static func of(_ filing: Filing) -> [PageKeys] {
      filing.coverPages.compactMap { page in
        guard let amount = page.rows[.aggregateAmountOwned]?.amount else { return nil }
        return PageKeys(
          page: page.index, name: page.reportingPersonName.map(NameKey.init),
          attributedTo: Set(amount.attributedTo.map(NameKey.init)))
      }
    }
  }

  /// The holders of a page, from keys computed once for the whole filing.
  ///
  /// - Parameters:
  ///   - page: The 1-based index of the parent's page.
  ///   - keys: The keys of the filing's pages, from ``PageKeys/of(_:)``.
  /// - Returns: The 1-based pages of the holders in page order, as ``holders(ofPage:in:)`` returns them.
  public static func holders(ofPage page: Int, keys: [PageKeys]) -> [Int] {
    guard let parent = keys.first(where: { $0.page == page }), !parent.attributedTo.isEmpty else { return [] }
    let names = parent.attributedTo
    var candidates: [(page: Int, covers: Set<NameKey>, ownName: Bool)] = []
    for other in keys where other.page != page {
      if let name = other.name, names.contains(name) {
        candidates.append((other.page, [name], true))
      } else if !other.attributedTo.isEmpty {
        let covers = other.attributedTo
        if covers.isSubset(of: names), covers != names { candidates.append((other.page, covers, false)) }
      }
    }
    // A name on two pages makes the sum ambiguous: no holders then. Of two managers that report for the same
    // funds, one stands for both (each manager's own sum is checked on its own page).
    var ownNames = Set<Set<NameKey>>()
    var coveredSets = Set<Set<NameKey>>()
    var distinct: [(page: Int, covers: Set<NameKey>, ownName: Bool)] = []
    for candidate in candidates {
      if candidate.ownName {
        if !ownNames.insert(candidate.covers).inserted { return [] }
        distinct.append(candidate)
      } else if coveredSets.insert(candidate.covers).inserted {
        distinct.append(candidate)
      }
    }
    candidates = distinct
    let ownNamePages = Set(candidates.filter(\.ownName).map(\.page))
    var best: (members: Int, ownNames: Int, pages: [Int])?
    var chosen: [Int] = []
    var steps = 0
    let ordered = names.sorted()

    func better(_ pages: [Int]) -> Bool {
      let ownNames = pages.filter { ownNamePages.contains($0) }.count
      guard let current = best else { return true }
      if pages.count != current.members { return pages.count > current.members }
      if ownNames != current.ownNames { return ownNames > current.ownNames }
      return pages.sorted().lexicographicallyPrecedes(current.pages)
    }

    func search(_ covered: Set<NameKey>) {
      steps += 1
      guard steps <= searchLimit else { return }
      guard let next = ordered.first(where: { !covered.contains($0) }) else {
        if better(chosen) {
          let ownNames = chosen.filter { ownNamePages.contains($0) }.count
          best = (chosen.count, ownNames, chosen.sorted())
        }
        return
      }
      for candidate in candidates where candidate.covers.contains(next) && candidate.covers.isDisjoint(with: covered) {
        chosen.append(candidate.page)
        search(covered.union(candidate.covers))
        chosen.removeLast()
      }
    }

    search([])
    return best?.pages ?? []
  }
}
