// Approximate k-nearest-neighbour graph of a large point set by NN-descent, seeded and deterministic.

/// NN-descent (Dong, Charikar & Li 2011, "Efficient k-nearest neighbor graph construction for generic
/// similarity measures"): start from random neighbour lists improved by random-projection-tree leaves
/// (`RandomProjectionForest`, as pynndescent does) and repeatedly let every point introduce its
/// neighbours (and reverse neighbours) to each other ("a neighbour of a neighbour is likely a neighbour"),
/// keeping the k closest seen. Only pairs involving a list entry that is new since the last round are
/// joined, and at most `maxCandidates` new and old entries per point are sampled each round, in a seeded
/// random order (as pynndescent does). Stops after `maxIterations` or when a round changes fewer than
/// `delta`·N·k list entries (the paper's δ).
///
/// Determinism: points are joined in fixed blocks of 8,192; within a block the distance work runs in
/// parallel but list updates are applied afterwards in point order. Same input, seed and settings give the
/// same graph on any number of cores.
/// Time about O(N·K²·D) per round (K = maxCandidates), typically 6-12 rounds; memory O(N·(k + 2K)).
public struct NNDescent: Sendable {
    public var seed: UInt64
    public var maxIterations = 14
    public var delta = 0.001
    /// New (and, separately, old) candidates joined per point per round, forward and reverse together.
    public var maxCandidates = 24
    /// Random-projection trees whose leaves seed the lists (0: random start only, as before).
    public var treeCount = 8

    static let blockSize = 8192
    static let chunksPerBlock = 32

    public init(seed: UInt64 = 0) { self.seed = seed }

    /// The (approximate) k nearest other points of every point, nearest first; self is never a neighbour.
    /// - Throws: `SoundSpaceError` when k is not in 1..<N.
    public func graph(_ points: Matrix, k: Int) throws -> NeighborGraph {
        let n = points.rows
        guard k >= 1, k < n else { throw SoundSpaceError("NN-descent: k = \(k) needs more than k points (got \(n))") }
        var lists = NeighborLists(count: n, k: k)
        points.values.withUnsafeBufferPointer { values in
            let space = PointSpace(base: values.baseAddress!, dimensions: points.columns)
            initialiseRandomly(&lists, space: space)
            if treeCount > 0 {
                RandomProjectionForest(seed: seed, treeCount: treeCount, leafSize: Swift.max(24, k + 1))
                    .start(&lists, space: space)
            }
            for iteration in 0..<maxIterations {
                let candidates = sampleCandidates(&lists, iteration: iteration)
                let changes = localJoin(&lists, candidates: candidates, space: space)
                if Double(changes) <= delta * Double(n) * Double(k) { break }
            }
        }
        return NeighborGraph(k: k, indices: lists.indices, squaredDistances: lists.distances)
    }

    /// k distinct random other points per point, each point from its own seeded stream.
    func initialiseRandomly(_ lists: inout NeighborLists, space: PointSpace) {
        let n = lists.count, k = lists.k
        lists.indices.withUnsafeMutableBufferPointer { indices in
            lists.distances.withUnsafeMutableBufferPointer { distances in
                let out = UncheckedSendable((indices.baseAddress!, distances.baseAddress!))
                Parallel.forEachChunk(count: n, chunkCount: 64) { _, rows in
                    let (index, distance) = out.value
                    for i in rows {
                        var generator = SeededGenerator(seed: seed &+ UInt64(i) &* 0x9E37_79B9_7F4A_7C15)
                        var filled = 0
                        while filled < k {
                            let j = generator.nextIndex(below: n)
                            if j == i || (0..<filled).contains(where: { index[i * k + $0] == Int32(j) }) { continue }
                            NearestNeighbors.insert(Int32(j), space.squaredDistance(i, j), into: index + i * k, distance + i * k,
                                                    k: filled + 1)
                            filled += 1
                        }
                    }
                }
            }
        }
        for e in 0..<(n * k) { lists.isNew[e] = true }
    }

    /// Per point, up to `maxCandidates` new and old neighbours, forward and reverse, chosen by a seeded
    /// priority; the new ones chosen are then marked old in the lists.
    func sampleCandidates(_ lists: inout NeighborLists, iteration: Int) -> CandidateLists {
        let n = lists.count, k = lists.k
        var fresh = CandidateLists(count: n, capacity: maxCandidates)
        var old = CandidateLists(count: n, capacity: maxCandidates)
        let round = seed ^ (UInt64(iteration + 1) &* 0xD1B5_4A32_D192_ED03)
        for i in 0..<n {
            for s in 0..<k {
                let j = Int(lists.indices[i * k + s])
                let priority = mix(round ^ (UInt64(i) << 32 | UInt64(j)))
                if lists.isNew[i * k + s] {
                    fresh.push(Int32(j), priority: priority, to: i)
                    fresh.push(Int32(i), priority: priority, to: j)
                } else {
                    old.push(Int32(j), priority: priority, to: i)
                    old.push(Int32(i), priority: priority, to: j)
                }
            }
        }
        for i in 0..<n {
            for s in 0..<k where lists.isNew[i * k + s] && fresh.contains(lists.indices[i * k + s], in: i) {
                lists.isNew[i * k + s] = false
            }
        }
        return CandidateLists(new: fresh, old: old)
    }

    /// Joins new×new and new×old candidates of every point, block by block; returns the list entries changed.
    func localJoin(_ lists: inout NeighborLists, candidates: CandidateLists, space: PointSpace) -> Int {
        let n = lists.count
        var changes = 0
        var blockStart = 0
        while blockStart < n {
            let block = blockStart..<Swift.min(n, blockStart + Self.blockSize)
            var updates = [[Update]](repeating: [], count: Self.chunksPerBlock)
            lists.distances.withUnsafeBufferPointer { distances in
                updates.withUnsafeMutableBufferPointer { out in
                    let shared = UncheckedSendable((out.baseAddress!, distances.baseAddress!))
                    Parallel.forEachChunk(count: block.count, chunkCount: Self.chunksPerBlock) { chunk, range in
                        let (out, distances) = shared.value
                        var found: [Update] = []
                        for offset in range {
                            candidates.join(point: block.lowerBound + offset, space: space, k: lists.k,
                                            worst: distances, into: &found)
                        }
                        out[chunk] = found
                    }
                }
            }
            for chunk in updates {
                for update in chunk {
                    if lists.insert(update.second, update.distance, into: Int(update.first)) { changes += 1 }
                    if lists.insert(update.first, update.distance, into: Int(update.second)) { changes += 1 }
                }
            }
            blockStart = block.upperBound
        }
        return changes
    }

    /// SplitMix64's finaliser: a well-spread 64-bit priority from a key.
    func mix(_ key: UInt64) -> UInt64 {
        var z = key &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A pair found closer than one of its ends' current k-th neighbour.
struct Update {
    var first: Int32
    var second: Int32
    var distance: Float
}

/// Rows of a matrix behind a pointer, for the distance kernel of graph algorithms.
struct PointSpace: @unchecked Sendable {
    let base: UnsafePointer<Float>
    let dimensions: Int

    /// Float32 squared Euclidean distance by differences (SIMD8 accumulation), fixed order so it is reproducible.
    @inline(__always)
    func squaredDistance(_ i: Int, _ j: Int) -> Float {
        squaredDistance(to: base + i * dimensions, j)
    }

    @inline(__always)
    func squaredDistance(to query: UnsafePointer<Float>, _ j: Int) -> Float {
        let a = UnsafeRawPointer(query), b = UnsafeRawPointer(base + j * dimensions)
        var accumulator = SIMD8<Float>()
        var c = 0
        while c + 8 <= dimensions {
            let delta = a.loadUnaligned(fromByteOffset: c * 4, as: SIMD8<Float>.self)
                - b.loadUnaligned(fromByteOffset: c * 4, as: SIMD8<Float>.self)
            accumulator += delta * delta
            c += 8
        }
        var sum = accumulator.sum()
        while c < dimensions {
            let delta = query[c] - base[j * dimensions + c]
            sum += delta * delta
            c += 1
        }
        return sum
    }
}

/// Each point's k current neighbours, nearest first, with a flag for entries added since they were last joined.
struct NeighborLists {
    let count: Int
    let k: Int
    var indices: [Int32]
    var distances: [Float]
    var isNew: [Bool]

    init(count: Int, k: Int) {
        self.count = count
        self.k = k
        indices = [Int32](repeating: -1, count: count * k)
        distances = [Float](repeating: .infinity, count: count * k)
        isNew = [Bool](repeating: false, count: count * k)
    }

    /// Puts `neighbor` into point p's list if it is closer than the k-th and not there yet; true if it went in.
    mutating func insert(_ neighbor: Int32, _ distance: Float, into p: Int) -> Bool {
        let start = p * k
        guard distance < distances[start + k - 1], Int(neighbor) != p else { return false }
        for s in 0..<k where indices[start + s] == neighbor { return false }
        var position = k - 1
        while position > 0 && distances[start + position - 1] > distance {
            distances[start + position] = distances[start + position - 1]
            indices[start + position] = indices[start + position - 1]
            isNew[start + position] = isNew[start + position - 1]
            position -= 1
        }
        distances[start + position] = distance
        indices[start + position] = neighbor
        isNew[start + position] = true
        return true
    }
}

/// Per point, a bounded set of candidate indices kept by smallest priority (a max-heap on priority).
struct CandidateLists: @unchecked Sendable {
    let capacity: Int
    var members: [Int32]
    var priorities: [UInt64]
    var sizes: [Int32]
    /// Set when this value holds both the new and the old candidates (see `init(new:old:)`).
    private var oldMembers: [Int32] = []
    private var oldSizes: [Int32] = []

    init(count: Int, capacity: Int) {
        self.capacity = capacity
        members = [Int32](repeating: -1, count: count * capacity)
        priorities = [UInt64](repeating: 0, count: count * capacity)
        sizes = [Int32](repeating: 0, count: count)
    }

    /// The new candidates with the old ones attached, as the local join reads them.
    init(new: CandidateLists, old: CandidateLists) {
        self = new
        oldMembers = old.members
        oldSizes = old.sizes
        priorities = []
    }

    func contains(_ value: Int32, in p: Int) -> Bool {
        let start = p * capacity
        for s in 0..<Int(sizes[p]) where members[start + s] == value { return true }
        return false
    }

    /// Adds `value` to p's set unless present; when full, it replaces the largest priority if smaller.
    mutating func push(_ value: Int32, priority: UInt64, to p: Int) {
        let start = p * capacity
        let size = Int(sizes[p])
        if size == capacity && priority >= priorities[start] { return }
        if contains(value, in: p) { return }
        if size < capacity {
            // Sift up.
            var child = size
            while child > 0 {
                let parent = (child - 1) / 2
                if priorities[start + parent] >= priority { break }
                priorities[start + child] = priorities[start + parent]
                members[start + child] = members[start + parent]
                child = parent
            }
            priorities[start + child] = priority
            members[start + child] = value
            sizes[p] += 1
            return
        }
        // Replace the root and sift down.
        var parent = 0
        while true {
            let left = 2 * parent + 1
            if left >= capacity { break }
            var larger = left
            if left + 1 < capacity && priorities[start + left + 1] > priorities[start + left] { larger = left + 1 }
            if priorities[start + larger] <= priority { break }
            priorities[start + parent] = priorities[start + larger]
            members[start + parent] = members[start + larger]
            parent = larger
        }
        priorities[start + parent] = priority
        members[start + parent] = value
    }

    /// Distances of point v's new×new and new×old candidate pairs; pairs closer than either end's current
    /// k-th neighbour (`worst` lists, read only) are appended as updates.
    func join(point v: Int, space: PointSpace, k: Int, worst distances: UnsafePointer<Float>, into found: inout [Update]) {
        let start = v * capacity
        let newCount = Int(sizes[v]), oldCount = Int(oldSizes[v])
        for a in 0..<newCount {
            let p = Int(members[start + a])
            let worstP = distances[p * k + k - 1]
            for b in (a + 1)..<Swift.max(a + 1, newCount) {
                let q = Int(members[start + b])
                let d = space.squaredDistance(p, q)
                if d < worstP || d < distances[q * k + k - 1] { found.append(Update(first: Int32(p), second: Int32(q), distance: d)) }
            }
            for b in 0..<oldCount {
                let q = Int(oldMembers[start + b])
                if q == p { continue }
                let d = space.squaredDistance(p, q)
                if d < worstP || d < distances[q * k + k - 1] { found.append(Update(first: Int32(p), second: Int32(q), distance: d)) }
            }
        }
    }
}
