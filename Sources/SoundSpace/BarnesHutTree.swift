// A quadtree over 2-D points that sums t-SNE's repulsive forces in O(N log N) (the Barnes-Hut approximation).

/// Quadtree of the current embedding, rebuilt every iteration, stored as one flat array of 40-byte nodes
/// (one cache line per visit, no per-node objects).
///
/// Build: recursive 4-way partition of an index permutation, O(N log N) time, O(N) memory, reusing its
/// buffers across rebuilds. Query (`repulsion`): a cell of width w seen from distance d is summarised by its
/// centre of mass when w/d < θ (van der Maaten 2014, §4.2), otherwise opened; leaves are summed exactly.
/// Cost per point O(log N / θ²).
struct BarnesHutTree {
    struct Node {
        var centreOfMassX: Double
        var centreOfMassY: Double
        var widthSquared: Double
        var pointCount: Int32
        /// Index of the first of 4 consecutive children, or -1 for a leaf.
        var firstChild: Int32
        var leafStart: Int32
        var leafEnd: Int32
    }

    private(set) var nodes: [Node] = []
    /// Point indices ordered so that every leaf holds a contiguous range.
    private(set) var permutation: [Int32] = []
    private var scratch: [Int32] = []

    /// Deeper than this, coincident points share one leaf (a 2^-40 cell is below float resolution anyway).
    static let maxDepth = 40
    static let stackCapacity = 4 * (maxDepth + 2)

    mutating func rebuild(x: UnsafePointer<Double>, y: UnsafePointer<Double>, count n: Int) {
        nodes.removeAll(keepingCapacity: true)
        if permutation.count != n { permutation = [Int32](repeating: 0, count: n); scratch = permutation }
        for i in 0..<n { permutation[i] = Int32(i) }
        guard n > 0 else { return }
        var minX = x[0], maxX = x[0], minY = y[0], maxY = y[0]
        for i in 1..<n {
            minX = Swift.min(minX, x[i]); maxX = Swift.max(maxX, x[i])
            minY = Swift.min(minY, y[i]); maxY = Swift.max(maxY, y[i])
        }
        let half = Swift.max(maxX - minX, maxY - minY) / 2 * (1 + 1e-6) + 1e-12
        nodes.append(Node(centreOfMassX: 0, centreOfMassY: 0, widthSquared: 0, pointCount: 0, firstChild: -1, leafStart: 0, leafEnd: 0))
        buildNode(0, lo: 0, hi: n, centreX: (minX + maxX) / 2, centreY: (minY + maxY) / 2, half: half, depth: 0, x: x, y: y)
    }

    private mutating func buildNode(_ node: Int, lo: Int, hi: Int, centreX: Double, centreY: Double, half: Double, depth: Int,
                                    x: UnsafePointer<Double>, y: UnsafePointer<Double>) {
        nodes[node].pointCount = Int32(hi - lo)
        nodes[node].widthSquared = 4 * half * half
        if hi - lo <= 1 || depth >= Self.maxDepth {
            nodes[node].leafStart = Int32(lo); nodes[node].leafEnd = Int32(hi)
            var sumX = 0.0, sumY = 0.0
            for p in lo..<hi { let i = Int(permutation[p]); sumX += x[i]; sumY += y[i] }
            if hi > lo { nodes[node].centreOfMassX = sumX / Double(hi - lo); nodes[node].centreOfMassY = sumY / Double(hi - lo) }
            return
        }
        // Bucket the range by quadrant (bit 0: right half, bit 1: upper half) through the scratch buffer.
        var counts: (Int, Int, Int, Int) = (0, 0, 0, 0)
        permutation.withUnsafeMutableBufferPointer { perm in
            scratch.withUnsafeMutableBufferPointer { out in
                for p in lo..<hi {
                    let i = Int(perm[p])
                    switch (x[i] >= centreX ? 1 : 0) | (y[i] >= centreY ? 2 : 0) {
                    case 0: counts.0 += 1
                    case 1: counts.1 += 1
                    case 2: counts.2 += 1
                    default: counts.3 += 1
                    }
                }
                var fill = (lo, lo + counts.0, lo + counts.0 + counts.1, lo + counts.0 + counts.1 + counts.2)
                for p in lo..<hi {
                    let i = perm[p]
                    switch (x[Int(i)] >= centreX ? 1 : 0) | (y[Int(i)] >= centreY ? 2 : 0) {
                    case 0: out[fill.0] = i; fill.0 += 1
                    case 1: out[fill.1] = i; fill.1 += 1
                    case 2: out[fill.2] = i; fill.2 += 1
                    default: out[fill.3] = i; fill.3 += 1
                    }
                }
                for p in lo..<hi { perm[p] = out[p] }
            }
        }
        let starts = [lo, lo + counts.0, lo + counts.0 + counts.1, lo + counts.0 + counts.1 + counts.2, hi]
        let first = nodes.count
        for _ in 0..<4 {
            nodes.append(Node(centreOfMassX: 0, centreOfMassY: 0, widthSquared: 0, pointCount: 0, firstChild: -1, leafStart: 0, leafEnd: 0))
        }
        nodes[node].firstChild = Int32(first)
        let quarter = half / 2
        var sumX = 0.0, sumY = 0.0
        for q in 0..<4 {
            let childX = centreX + (q & 1 == 1 ? quarter : -quarter)
            let childY = centreY + (q & 2 == 2 ? quarter : -quarter)
            buildNode(first + q, lo: starts[q], hi: starts[q + 1], centreX: childX, centreY: childY, half: quarter, depth: depth + 1, x: x, y: y)
            let weight = Double(nodes[first + q].pointCount)
            sumX += weight * nodes[first + q].centreOfMassX
            sumY += weight * nodes[first + q].centreOfMassY
        }
        nodes[node].centreOfMassX = sumX / Double(hi - lo)
        nodes[node].centreOfMassY = sumY / Double(hi - lo)
    }

    /// Σ_j q_ij and Σ_j q_ij²·(y_i − y_j) over all j ≠ i, q_ij = 1 / (1 + |y_i − y_j|²), for point i.
    /// `stack` must hold `stackCapacity` entries. No allocation.
    @inline(__always)
    static func repulsion(of i: Int, x: UnsafePointer<Double>, y: UnsafePointer<Double>, thetaSquared: Double,
                          nodes: UnsafePointer<Node>, permutation: UnsafePointer<Int32>,
                          stack: UnsafeMutablePointer<Int32>) -> (sumQ: Double, forceX: Double, forceY: Double) {
        let xi = x[i], yi = y[i]
        var sumQ = 0.0, forceX = 0.0, forceY = 0.0
        var top = 1
        stack[0] = 0
        while top > 0 {
            top -= 1
            let node = nodes[Int(stack[top])]
            let child = Int(node.firstChild)
            if child < 0 {
                // A leaf: its points one by one (usually one point; several only when coincident).
                if node.pointCount == 1 {
                    if Int(permutation[Int(node.leafStart)]) == i { continue }
                    let dx = xi - node.centreOfMassX, dy = yi - node.centreOfMassY
                    let q = 1 / (1 + dx * dx + dy * dy)
                    sumQ += q; forceX += q * q * dx; forceY += q * q * dy
                    continue
                }
                for p in Int(node.leafStart)..<Int(node.leafEnd) {
                    let j = Int(permutation[p])
                    if j == i { continue }
                    let dx = xi - x[j], dy = yi - y[j]
                    let q = 1 / (1 + dx * dx + dy * dy)
                    sumQ += q; forceX += q * q * dx; forceY += q * q * dy
                }
                continue
            }
            let dx = xi - node.centreOfMassX, dy = yi - node.centreOfMassY
            let distanceSquared = dx * dx + dy * dy
            if node.widthSquared < thetaSquared * distanceSquared {
                let weight = Double(node.pointCount)
                let q = 1 / (1 + distanceSquared)
                sumQ += weight * q
                forceX += weight * q * q * dx
                forceY += weight * q * q * dy
            } else {
                // Push only non-empty children.
                for c in child..<(child + 4) where nodes[c].pointCount > 0 {
                    stack[top] = Int32(c)
                    top += 1
                }
            }
        }
        return (sumQ, forceX, forceY)
    }
}
