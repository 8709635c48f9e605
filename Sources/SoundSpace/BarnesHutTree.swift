// A quadtree over 2-D points that sums t-SNE's repulsive forces in O(N log N) (the Barnes-Hut approximation).

/// Quadtree of the current embedding, rebuilt every iteration, stored as flat arrays (no per-node objects).
///
/// Build: recursive 4-way partition of an index permutation, O(N log N) time, O(N) memory, reusing its
/// buffers across rebuilds. Query (`repulsion`): a cell of width w seen from distance d is summarised by its
/// centre of mass when w/d < θ (van der Maaten 2014, §4.2), otherwise opened; leaves are summed exactly.
/// Cost per point O(log N / θ²).
struct BarnesHutTree {
    private(set) var centreOfMassX: [Double] = []
    private(set) var centreOfMassY: [Double] = []
    private(set) var pointCount: [Int32] = []
    private(set) var cellWidth: [Double] = []
    /// Index of the first of 4 consecutive children, or -1 for a leaf.
    private(set) var firstChild: [Int32] = []
    private(set) var leafStart: [Int32] = []
    private(set) var leafEnd: [Int32] = []
    /// Point indices ordered so that every leaf holds a contiguous range.
    private(set) var permutation: [Int32] = []
    private var scratch: [Int32] = []

    /// Deeper than this, coincident points share one leaf (a 2^-40 cell is below float resolution anyway).
    static let maxDepth = 40
    static let stackCapacity = 4 * (maxDepth + 2)

    mutating func rebuild(x: UnsafePointer<Double>, y: UnsafePointer<Double>, count n: Int) {
        centreOfMassX.removeAll(keepingCapacity: true)
        centreOfMassY.removeAll(keepingCapacity: true)
        pointCount.removeAll(keepingCapacity: true)
        cellWidth.removeAll(keepingCapacity: true)
        firstChild.removeAll(keepingCapacity: true)
        leafStart.removeAll(keepingCapacity: true)
        leafEnd.removeAll(keepingCapacity: true)
        permutation = (0..<Int32(n)).map { $0 }
        if scratch.count < n { scratch = [Int32](repeating: 0, count: n) }
        guard n > 0 else { return }
        var minX = x[0], maxX = x[0], minY = y[0], maxY = y[0]
        for i in 1..<n {
            minX = Swift.min(minX, x[i]); maxX = Swift.max(maxX, x[i])
            minY = Swift.min(minY, y[i]); maxY = Swift.max(maxY, y[i])
        }
        let half = Swift.max(maxX - minX, maxY - minY) / 2 * (1 + 1e-6) + 1e-12
        appendNode()
        buildNode(0, lo: 0, hi: n, centreX: (minX + maxX) / 2, centreY: (minY + maxY) / 2, half: half, depth: 0, x: x, y: y)
    }

    private mutating func appendNode() {
        centreOfMassX.append(0); centreOfMassY.append(0); pointCount.append(0); cellWidth.append(0)
        firstChild.append(-1); leafStart.append(0); leafEnd.append(0)
    }

    private mutating func buildNode(_ node: Int, lo: Int, hi: Int, centreX: Double, centreY: Double, half: Double, depth: Int,
                                    x: UnsafePointer<Double>, y: UnsafePointer<Double>) {
        pointCount[node] = Int32(hi - lo)
        cellWidth[node] = 2 * half
        if hi - lo <= 1 || depth >= Self.maxDepth {
            leafStart[node] = Int32(lo); leafEnd[node] = Int32(hi)
            var sumX = 0.0, sumY = 0.0
            for p in lo..<hi { let i = Int(permutation[p]); sumX += x[i]; sumY += y[i] }
            if hi > lo { centreOfMassX[node] = sumX / Double(hi - lo); centreOfMassY[node] = sumY / Double(hi - lo) }
            return
        }
        // Bucket the range by quadrant (bit 0: right half, bit 1: upper half) through the scratch buffer.
        var quadrantCount = (0, 0, 0, 0)
        for p in lo..<hi {
            let i = Int(permutation[p])
            switch (x[i] >= centreX ? 1 : 0) | (y[i] >= centreY ? 2 : 0) {
            case 0: quadrantCount.0 += 1
            case 1: quadrantCount.1 += 1
            case 2: quadrantCount.2 += 1
            default: quadrantCount.3 += 1
            }
        }
        let starts = [lo, lo + quadrantCount.0, lo + quadrantCount.0 + quadrantCount.1,
                      lo + quadrantCount.0 + quadrantCount.1 + quadrantCount.2, hi]
        var fill = (starts[0], starts[1], starts[2], starts[3])
        for p in lo..<hi {
            let i = Int(permutation[p])
            switch (x[i] >= centreX ? 1 : 0) | (y[i] >= centreY ? 2 : 0) {
            case 0: scratch[fill.0] = Int32(i); fill.0 += 1
            case 1: scratch[fill.1] = Int32(i); fill.1 += 1
            case 2: scratch[fill.2] = Int32(i); fill.2 += 1
            default: scratch[fill.3] = Int32(i); fill.3 += 1
            }
        }
        for p in lo..<hi { permutation[p] = scratch[p] }
        let first = centreOfMassX.count
        for _ in 0..<4 { appendNode() }
        firstChild[node] = Int32(first)
        let quarter = half / 2
        var sumX = 0.0, sumY = 0.0
        for q in 0..<4 {
            let childX = centreX + (q & 1 == 1 ? quarter : -quarter)
            let childY = centreY + (q & 2 == 2 ? quarter : -quarter)
            buildNode(first + q, lo: starts[q], hi: starts[q + 1], centreX: childX, centreY: childY, half: quarter, depth: depth + 1, x: x, y: y)
            let weight = Double(pointCount[first + q])
            sumX += weight * centreOfMassX[first + q]
            sumY += weight * centreOfMassY[first + q]
        }
        centreOfMassX[node] = sumX / Double(hi - lo)
        centreOfMassY[node] = sumY / Double(hi - lo)
    }

    /// Σ_j q_ij and Σ_j q_ij²·(y_i − y_j) over all j ≠ i, q_ij = 1 / (1 + |y_i − y_j|²), for point i.
    /// `stack` must hold `stackCapacity` entries. No allocation.
    @inline(__always)
    func repulsion(of i: Int, x: UnsafePointer<Double>, y: UnsafePointer<Double>, thetaSquared: Double,
                   nodes: Nodes, stack: UnsafeMutablePointer<Int32>) -> (sumQ: Double, forceX: Double, forceY: Double) {
        let xi = x[i], yi = y[i]
        var sumQ = 0.0, forceX = 0.0, forceY = 0.0
        var top = 1
        stack[0] = 0
        while top > 0 {
            top -= 1
            let node = Int(stack[top])
            let count = nodes.pointCount[node]
            if count == 0 { continue }
            let child = Int(nodes.firstChild[node])
            if child < 0 {
                for p in Int(nodes.leafStart[node])..<Int(nodes.leafEnd[node]) {
                    let j = Int(nodes.permutation[p])
                    if j == i { continue }
                    let dx = xi - x[j], dy = yi - y[j]
                    let q = 1 / (1 + dx * dx + dy * dy)
                    sumQ += q
                    forceX += q * q * dx
                    forceY += q * q * dy
                }
                continue
            }
            let dx = xi - nodes.centreOfMassX[node], dy = yi - nodes.centreOfMassY[node]
            let distanceSquared = dx * dx + dy * dy
            let width = nodes.cellWidth[node]
            if width * width < thetaSquared * distanceSquared {
                let q = 1 / (1 + distanceSquared)
                let weight = Double(count)
                sumQ += weight * q
                forceX += weight * q * q * dx
                forceY += weight * q * q * dy
            } else {
                stack[top] = Int32(child); stack[top + 1] = Int32(child + 1)
                stack[top + 2] = Int32(child + 2); stack[top + 3] = Int32(child + 3)
                top += 4
            }
        }
        return (sumQ, forceX, forceY)
    }

    /// Raw pointers to the node arrays for the hot query loop (valid while the tree is not rebuilt).
    struct Nodes {
        let centreOfMassX: UnsafePointer<Double>
        let centreOfMassY: UnsafePointer<Double>
        let pointCount: UnsafePointer<Int32>
        let cellWidth: UnsafePointer<Double>
        let firstChild: UnsafePointer<Int32>
        let leafStart: UnsafePointer<Int32>
        let leafEnd: UnsafePointer<Int32>
        let permutation: UnsafePointer<Int32>
    }

    func withNodes<R>(_ body: (Nodes) -> R) -> R {
        centreOfMassX.withUnsafeBufferPointer { cx in centreOfMassY.withUnsafeBufferPointer { cy in
            pointCount.withUnsafeBufferPointer { pc in cellWidth.withUnsafeBufferPointer { cw in
                firstChild.withUnsafeBufferPointer { fc in leafStart.withUnsafeBufferPointer { ls in
                    leafEnd.withUnsafeBufferPointer { le in permutation.withUnsafeBufferPointer { pm in
                        body(Nodes(centreOfMassX: cx.baseAddress!, centreOfMassY: cy.baseAddress!, pointCount: pc.baseAddress!,
                                   cellWidth: cw.baseAddress!, firstChild: fc.baseAddress!, leafStart: ls.baseAddress!,
                                   leafEnd: le.baseAddress!, permutation: pm.baseAddress!))
                    } }
                } }
            } }
        } }
    }
}
