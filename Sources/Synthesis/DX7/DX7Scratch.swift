// The DX7 engine's per-render buffers (levels, gains and outputs of the six operators, the LFO and its
// amplitude modulation) and its private table copies, shared by DX7Voice and DX7Lanes.

/// Scratch buffers for one render (allocated once, reused by every block), and private copies of
/// the kernel's tables so the hot loops hold plain pointers. A struct of pointers, freed by
/// `deallocate()`: no reference count to touch per span (a class measured 6 % of a lanes render).
struct DX7Scratch {
    private let storage: UnsafeMutablePointer<Int32>
    private static let size = DX7Voice.blockSize
    // Layout: lfo, ampMod, input, 6 levels, 6 gains, 6 outputs, 6 loop inputs, ampMod at AMS 1 and 2.
    private static let buffers = 3 + 18 + 6 + 2
    let cosine: UnsafeMutablePointer<Int32>
    /// The audible carriers' outputs for the mix (up to 6).
    let carriers: UnsafeMutablePointer<UnsafePointer<Int32>?>
    private let levelTable: UnsafeMutablePointer<Int32>
    /// False for scratch that reads another's tables (notes side by side share one cosine table, so
    /// their lookups stay in one cache's worth).
    private let ownsTables: Bool

    /// Buffers of its own, tables of `other`'s (which must outlive this scratch).
    init(sharingTablesOf other: DX7Scratch) {
        storage = .allocate(capacity: Self.size * Self.buffers)
        storage.initialize(repeating: 0, count: Self.size * Self.buffers)
        carriers = .allocate(capacity: 6)
        carriers.initialize(repeating: nil, count: 6)
        cosine = other.cosine
        levelTable = other.levelTable
        ownsTables = false
    }

    init() {
        ownsTables = true
        storage = .allocate(capacity: Self.size * Self.buffers)
        storage.initialize(repeating: 0, count: Self.size * Self.buffers)
        carriers = .allocate(capacity: 6)
        carriers.initialize(repeating: nil, count: 6)
        let cosineCopy = UnsafeMutablePointer<Int32>.allocate(capacity: 4096)
        for (i, v) in DX7OperatorKernel.cosineTable.enumerated() { (cosineCopy + i).initialize(to: v) }
        cosine = cosineCopy
        let levelCopy = UnsafeMutablePointer<Int32>.allocate(capacity: 258)
        for (i, v) in DX7OperatorKernel.levelToIndex.enumerated() { (levelCopy + i).initialize(to: v) }
        levelTable = levelCopy
    }

    func deallocate() {
        storage.deallocate()
        carriers.deallocate()
        guard ownsTables else { return }
        cosine.deallocate()
        levelTable.deallocate()
    }

    /// The level-to-index table at level 0 (valid from -128 to 129).
    var levelToIndex: UnsafePointer<Int32> { UnsafePointer(levelTable + 128) }
    var lfo: UnsafeMutablePointer<Int32> { storage }
    var ampMod: UnsafeMutablePointer<Int32> { storage + Self.size }
    var input: UnsafeMutablePointer<Int32> { storage + 2 * Self.size }
    func level(_ op: Int) -> UnsafeMutablePointer<Int32> { storage + (3 + op) * Self.size }
    func gain(_ op: Int) -> UnsafeMutablePointer<Int32> { storage + (9 + op) * Self.size }
    func output(_ op: Int) -> UnsafeMutablePointer<Int32> { storage + (15 + op) * Self.size }
    func loopInput(_ position: Int) -> UnsafeMutablePointer<Int32> { storage + (21 + position) * Self.size }
    /// The amplitude modulation scaled for AMS 1 or 2 (filled per span by the AVX2 path).
    func ampModScaled(_ sensitivity: Int) -> UnsafeMutablePointer<Int32> { storage + (26 + sensitivity) * Self.size }
    /// An operator's level reduction at AMS 1...3 (AMS 3's scale is 1: the modulation itself).
    func ampModReduction(sensitivity: Int) -> UnsafePointer<Int32> {
        UnsafePointer(sensitivity == 3 ? ampMod : ampModScaled(sensitivity))
    }
}
