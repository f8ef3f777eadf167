import BocheckModel

/// The ownership structure of one filing as the HTML report draws it: who reports for whom, and whether each
/// parent's total equals the sum of the persons it reports for.
///
/// The edges are the holders the rules use (``OwnershipGraph``, the same graph behind the `holders` function
/// of the rule language): a parent's row 11 names the funds whose shares it reports, and its holders are the
/// other cover pages that account for exactly those names, a fund by its own name or a manager standing in
/// for funds without a page of their own. When a parent names someone but no exact set of holders exists
/// (the funds have no cover page, or a name is on two pages), its names are still drawn, as edges that are
/// not summed: to the page of that name if there is one, else to a box for a fund without a cover page.
struct OwnershipStructure: Sendable {
  /// A box in the picture: a reporting person's cover page, or a fund named on a row 11 without a page.
  struct Node: Hashable, Sendable {
    /// The 1-based cover page, or `nil` for a fund without a page.
    var page: Int?
    /// The name as printed (the page's row 1, or the first spelling of a fund's name).
    var name: String
    /// The shares on the page's row 11, when it has a readable amount.
    var shares: ExactDecimal?
  }

  /// One line from a parent to a person or fund it reports for.
  struct Edge: Hashable, Sendable {
    /// The index of the parent's node.
    var parent: Int
    /// The index of the child's node.
    var child: Int
    /// Whether the child is one of the parent's holders (its total is summed), rather than only named.
    var isSummed: Bool
  }

  /// A parent's reported total against the sum of its holders.
  struct Sum: Hashable, Sendable {
    /// The parent's node.
    var node: Int
    /// The 1-based page of the parent.
    var page: Int
    /// The parent's row 11 total.
    var reported: ExactDecimal
    /// The holders' row 11 totals added up, or `nil` when there are no holders or the sum overflows.
    var held: ExactDecimal?
    /// The 1-based pages of the holders, in page order.
    var holders: [Int]
    /// Whether a `parent-sum` finding stands on the parent's page (a part may differ though totals agree).
    var hasFinding: Bool

    /// Whether the totals differ or the rule reported the parent.
    var isBroken: Bool { hasFinding || (held.map { $0.rational != reported.rational } ?? false) }
  }

  /// The boxes: every cover page in page order, then the funds without a page in order of first mention.
  var nodes: [Node]
  /// The edges, by parent page then child order.
  var edges: [Edge]
  /// One sum per parent page whose row 11 names someone, in page order.
  var sums: [Sum]

  /// The structure of a filing.
  ///
  /// - Parameters:
  ///   - filing: The filing as read.
  ///   - findings: The filing's findings; a `parent-sum` finding marks its page's sum as broken.
  init(filing: Filing, findings: [Finding]) {
    var nodes: [Node] = []
    var nodeOfPage: [Int: Int] = [:]
    var pageOfName: [NameKey: Int] = [:]
    var ambiguousNames = Set<NameKey>()
    for page in filing.coverPages {
      nodeOfPage[page.index] = nodes.count
      let name = page.reportingPersonName ?? ""
      nodes.append(Node(page: page.index, name: name, shares: page.rows[.aggregateAmountOwned]?.amount?.shares))
      guard !name.isEmpty else { continue }
      let key = NameKey(name)
      if pageOfName[key] != nil { ambiguousNames.insert(key) } else { pageOfName[key] = page.index }
    }
    var nodeOfFund: [NameKey: Int] = [:]
    var edges: [Edge] = []
    var sums: [Sum] = []
    let holdersOfPage = OwnershipGraph.Index(filing).holdersOfEveryPage()
    let brokenPages = Set(findings.filter { $0.ruleID == "parent-sum" }.compactMap(\.page))
    for page in filing.coverPages {
      guard let parentNode = nodeOfPage[page.index], let amount = page.rows[.aggregateAmountOwned]?.amount,
        !amount.attributedTo.isEmpty
      else { continue }
      let holders = holdersOfPage[page.index] ?? []
      if !holders.isEmpty {
        for holder in holders {
          if let child = nodeOfPage[holder] { edges.append(Edge(parent: parentNode, child: child, isSummed: true)) }
        }
      } else {
        var seen = Set<Int>()
        for name in amount.attributedTo {
          let key = NameKey(name)
          let child: Int
          if !ambiguousNames.contains(key), let named = pageOfName[key], named != page.index,
            let namedNode = nodeOfPage[named]
          {
            child = namedNode
          } else if let fund = nodeOfFund[key] {
            child = fund
          } else {
            child = nodes.count
            nodeOfFund[key] = child
            nodes.append(Node(page: nil, name: name, shares: nil))
          }
          if seen.insert(child).inserted { edges.append(Edge(parent: parentNode, child: child, isSummed: false)) }
        }
      }
      sums.append(
        Sum(
          node: parentNode, page: page.index, reported: amount.shares,
          held: OwnershipStructure.total(of: holders, in: filing), holders: holders,
          hasFinding: brokenPages.contains(page.index)))
    }
    self.nodes = nodes
    self.edges = edges
    self.sums = sums
  }

  /// The holders' row 11 totals added up exactly; `nil` without holders or on overflow.
  ///
  /// - Parameters:
  ///   - holders: 1-based pages.
  ///   - filing: The filing.
  static func total(of holders: [Int], in filing: Filing) -> ExactDecimal? {
    guard !holders.isEmpty else { return nil }
    var sum = Rational.zero
    var scale = 0
    for holder in holders {
      guard let page = filing.coverPages.first(where: { $0.index == holder }),
        let shares = page.rows[.aggregateAmountOwned]?.amount?.shares
      else { return nil }
      scale = max(scale, shares.scale)
      guard let next = try? sum + shares.rational else { return nil }
      sum = next
    }
    return try? sum.rounded(toDecimals: scale)
  }

  /// The difference `held − reported`, exactly, when both are known.
  ///
  /// - Parameter sum: A parent's sum.
  static func difference(_ sum: Sum) -> ExactDecimal? {
    guard let held = sum.held, let difference = try? held.rational - sum.reported.rational else { return nil }
    return try? difference.rounded(toDecimals: max(held.scale, sum.reported.scale))
  }
}

/// Lays out an ``OwnershipStructure`` in layers and draws it as inline SVG.
///
/// Persons that report for nobody stand on the bottom layer; a parent stands one layer above the highest of
/// its children, so individuals end up on top, managers in between and funds at the bottom. Within a layer,
/// nodes are ordered by the mean position of their children (then by page), which keeps most lines from
/// crossing. Every coordinate is an integer, so the drawing is the same on every run.
enum OwnershipSVG {
  /// The width of a box, in SVG user units (pixels at 100 %).
  static let boxWidth = 240
  /// The height of a box of a person who reports for nobody: two lines of name and one of detail.
  static let boxHeight = 64
  /// The height of a parent's box, which adds two lines: its holders' sum and the verdict.
  static let parentBoxHeight = 100
  /// The horizontal gap between boxes.
  static let gap = 36
  /// The vertical distance between the tops of two layers.
  static let layerHeight = 170
  /// The margin around the drawing.
  static let margin = 16
  /// The most boxes drawn; a larger structure is shown only as the table of sums.
  static let maximumNodes = 60

  /// The layer of each node: 0 for nodes without children, else one more than the highest child.
  ///
  /// A cycle (possible only in a contradictory filing) is cut where the walk meets a node it is inside.
  ///
  /// - Parameter structure: The structure.
  static func layers(_ structure: OwnershipStructure) -> [Int] {
    var children = Array(repeating: [Int](), count: structure.nodes.count)
    for edge in structure.edges { children[edge.parent].append(edge.child) }
    var layer = Array(repeating: -1, count: structure.nodes.count)
    var visiting = Set<Int>()
    func visit(_ node: Int) -> Int {
      if layer[node] >= 0 { return layer[node] }
      guard visiting.insert(node).inserted else { return -1 }
      var value = 0
      for child in children[node] {
        let childLayer = visit(child)
        if childLayer >= 0 { value = max(value, childLayer + 1) }
      }
      visiting.remove(node)
      layer[node] = value
      return value
    }
    for node in structure.nodes.indices { _ = visit(node) }
    return layer
  }

  /// The SVG of a structure, or `nil` when it has no edge or too many boxes to draw legibly.
  ///
  /// - Parameters:
  ///   - structure: The structure.
  ///   - titleID: The id of the heading that names the picture, for `aria-labelledby`.
  static func render(_ structure: OwnershipStructure, titleID: String) -> String? {
    guard !structure.edges.isEmpty, structure.nodes.count <= maximumNodes else { return nil }
    let layer = layers(structure)
    let top = layer.max() ?? 0
    var rows = Array(repeating: [Int](), count: top + 1)
    var children = Array(repeating: [Int](), count: structure.nodes.count)
    for edge in structure.edges { children[edge.parent].append(edge.child) }
    var slot = Array(repeating: 0, count: structure.nodes.count)
    for current in 0...top {
      var members = structure.nodes.indices.filter { layer[$0] == current }
      if current > 0 {
        // Mean slot of the children, compared as fractions (sum · other count) to stay exact.
        func key(_ node: Int) -> (sum: Int, count: Int) {
          let placed = children[node].filter { layer[$0] < current }
          return (placed.reduce(0) { $0 + slot[$1] }, max(placed.count, 1))
        }
        members.sort { lhs, rhs in
          let (left, right) = (key(lhs), key(rhs))
          let (a, b) = (left.sum * right.count, right.sum * left.count)
          return a != b ? a < b : lhs < rhs
        }
      }
      rows[current] = members
      // Slots are in half-box units so that rows of different widths centre on one another.
      let width = members.count
      for (position, node) in members.enumerated() { slot[node] = position * 2 - width }
    }
    let widest = rows.map(\.count).max() ?? 1
    let width = 2 * margin + widest * boxWidth + max(0, widest - 1) * gap
    let sumOfNode = Dictionary(structure.sums.map { ($0.node, $0) }, uniquingKeysWith: { first, _ in first })
    let bottomHeight = rows[0].contains { sumOfNode[$0] != nil } ? parentBoxHeight : boxHeight
    let height = 2 * margin + top * layerHeight + bottomHeight
    func x(_ node: Int) -> Int {
      let count = rows[layer[node]].count
      let rowWidth = count * boxWidth + max(0, count - 1) * gap
      let start = (width - rowWidth) / 2
      let position = rows[layer[node]].firstIndex(of: node) ?? 0
      return start + position * (boxWidth + gap)
    }
    func y(_ node: Int) -> Int { margin + (top - layer[node]) * layerHeight }

    let broken = Set(structure.sums.filter(\.isBroken).map(\.node))
    var svg =
      "<svg class=\"ownership\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"\(titleID)\" "
      + "viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\">\n"
    svg += "<defs><marker id=\"\(titleID)-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
    svg += "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker>"
    svg += "<marker id=\"\(titleID)-arrow-broken\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
    svg += "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#b00020\"/></marker></defs>\n"
    for edge in structure.edges {
      let parentHeight = sumOfNode[edge.parent] == nil ? boxHeight : parentBoxHeight
      let (x1, y1) = (x(edge.parent) + boxWidth / 2, y(edge.parent) + parentHeight)
      let (x2, y2) = (x(edge.child) + boxWidth / 2, y(edge.child))
      let isBroken = broken.contains(edge.parent)
      var classes = ["edge"]
      if isBroken { classes.append("broken") }
      if !edge.isSummed { classes.append("named") }
      let middle = (y1 + y2) / 2
      svg += "<path class=\"\(classes.joined(separator: " "))\" d=\"M\(x1),\(y1) C\(x1),\(middle) \(x2),\(middle) "
      svg += "\(x2),\(y2)\" marker-end=\"url(#\(titleID)-arrow\(isBroken ? "-broken" : ""))\"/>\n"
    }
    for (index, node) in structure.nodes.enumerated() {
      svg += box(node, sum: sumOfNode[index], x: x(index), y: y(index))
    }
    return svg + "</svg>\n"
  }

  /// One box: the name on up to two lines, the page and the row 11 total, and for a parent the sum of its
  /// holders and whether it adds up, with a mark and words (not colour alone).
  ///
  /// - Parameters:
  ///   - node: The node.
  ///   - sum: The node's sum, when it is a parent.
  ///   - x: The left edge.
  ///   - y: The top edge.
  static func box(_ node: OwnershipStructure.Node, sum: OwnershipStructure.Sum?, x: Int, y: Int) -> String {
    var classes = ["node"]
    if node.page == nil { classes.append("fund-without-page") }
    if sum?.isBroken == true { classes.append("broken") }
    let height = sum == nil ? boxHeight : parentBoxHeight
    var text = "<g class=\"\(classes.joined(separator: " "))\">"
    text += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(boxWidth)\" height=\"\(height)\" rx=\"6\"/>"
    let name = node.name.isEmpty ? "(no name)" : node.name
    for (number, line) in wrap(name, width: 27, lines: 2).enumerated() {
      text += "<text class=\"name\" x=\"\(x + 10)\" y=\"\(y + 19 + number * 16)\">\(HTMLText.escape(line))</text>"
    }
    let detail: String
    if let page = node.page {
      detail = "page \(page) · " + (node.shares.map { "reports \($0)" } ?? "aggregate not read")
    } else {
      detail = "no cover page"
    }
    text += "<text class=\"detail\" x=\"\(x + 10)\" y=\"\(y + 55)\">\(HTMLText.escape(detail))</text>"
    if let sum {
      let (held, verdict, kind) = sumLines(sum)
      text += "<text class=\"detail\" x=\"\(x + 10)\" y=\"\(y + 73)\">\(HTMLText.escape(held))</text>"
      text += "<text class=\"sum \(kind)\" x=\"\(x + 10)\" y=\"\(y + 91)\">\(HTMLText.escape(verdict))</text>"
    }
    return text + "</g>\n"
  }

  /// A parent's sum in words: what its holders hold, the verdict with its mark, and the verdict's class.
  ///
  /// - Parameter sum: The parent's sum.
  static func sumLines(_ sum: OwnershipStructure.Sum) -> (held: String, verdict: String, kind: String) {
    guard let held = sum.held else {
      return ("no exact set of holders", "– not summed", "unsummed")
    }
    let heldLine = "holders hold \(held)"
    guard sum.isBroken else { return (heldLine, "✔ adds up", "ok") }
    if let difference = OwnershipStructure.difference(sum), difference.significand != 0 {
      let magnitude = ExactDecimal(
        significand: Int128(clamping: difference.significand.magnitude), scale: difference.scale)
      return (heldLine, "✖ sum breaks: off by \(magnitude)", "broken")
    }
    return (heldLine, "✖ sum breaks: a part differs", "broken")
  }

  /// Splits text into at most `lines` lines of about `width` characters at spaces, ending with `…` when cut.
  ///
  /// - Parameters:
  ///   - text: The text.
  ///   - width: The most characters per line (a longer word is cut).
  ///   - lines: The most lines.
  static func wrap(_ text: String, width: Int, lines: Int) -> [String] {
    var pieces: [String] = []
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      var rest = Substring(word)
      while rest.count > width {
        pieces.append(String(rest.prefix(width)))
        rest = rest.dropFirst(width)
      }
      pieces.append(String(rest))
    }
    var result: [String] = []
    var current = ""
    for piece in pieces {
      if current.isEmpty {
        current = piece
      } else if current.count + 1 + piece.count <= width {
        current += " " + piece
      } else {
        result.append(current)
        current = piece
      }
    }
    if !current.isEmpty { result.append(current) }
    if result.count > lines {
      result = Array(result.prefix(lines))
      result[lines - 1] = String(result[lines - 1].prefix(width - 1)) + "…"
    }
    return result
  }
}
