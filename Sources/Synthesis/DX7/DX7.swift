// The Yamaha DX7 as a `SynthModel`: renders one note of a `dx7` patch (schema: Synths/dx7.xml),
// modelled on hexter 1.1.1, the emulator that made the reference renders (FORMAT.md).

/// Six-operator FM synthesiser after the Yamaha DX7.
public struct DX7: SynthModel {
    /// How the operators are evaluated. Both give the same samples, bit for bit.
    public enum Kernel: String, Sendable, CaseIterable {
        /// Operators a block at a time (one tight loop per operator); only a feedback loop runs
        /// sample by sample. The default.
        case block
        /// The naive loop: every sample walks all six operators and their modulator lists. Kept as
        /// the baseline of `make bench` and as a cross-check of `block` in the tests.
        case naive
        /// `block`, with the self-feedback operators of several notes side by side (DX7Lanes): what
        /// `renderSideBySide` uses; one note alone renders in one lane. With AVX2 about 1.2x `block`,
        /// without it no faster (measured, BENCHMARKS.md).
        case lanes
    }

    public let schema: SynthSchema
    public var kernel: Kernel
    /// Whether the AVX2 loops run (DX7VectorKernels; same samples either way). On by default where
    /// the processor has AVX2; the benchmark turns it off to measure the scalar loops beside them.
    public var usesAVX2 = DX7VectorKernels.available {
        didSet { if !DX7VectorKernels.available { usesAVX2 = false } }  // never on a processor without it
    }
    /// Whether this processor runs the AVX2 loops.
    public static var processorHasAVX2: Bool { DX7VectorKernels.available }

    public init(schema: SynthSchema) { self.init(schema: schema, kernel: .block) }

    public init(schema: SynthSchema, kernel: Kernel) {
        self.schema = schema
        self.kernel = kernel
    }

    /// Renders `settings.note` at `settings.velocity`, held for `holdSeconds`, then released for
    /// `tailSeconds`; mono. Deterministic for a patch and seed (the seed drives sample-and-hold).
    public func render(_ patch: Patch, settings: RenderSettings) throws -> AudioBuffer {
        if kernel == .lanes { return try renderSideBySide([patch], settings: settings)[0] }
        try Self.check(settings)
        let parameters = try DX7VoiceParameters(patch: patch, schema: schema)
        let frameCount = settings.totalFrames
        var voice = DX7Voice(parameters: parameters, key: settings.note, velocity: settings.velocity,
                             sampleRateHz: settings.sampleRateHz, seed: settings.seed, naive: kernel == .naive,
                             vectorised: usesAVX2)
        // The note writes every sample (DX7Voice.render): no zeroing pass first.
        let samples = [Float](unsafeUninitializedCapacity: frameCount) { buffer, initialised in
            if let base = buffer.baseAddress {
                voice.render(into: base, frameCount: frameCount, noteOffFrame: settings.holdFrames)
            }
            initialised = frameCount
        }
        return AudioBuffer(sampleRateHz: settings.sampleRateHz, channels: [samples])
    }

    /// Renders every patch with the same settings, `DX7Lanes.width(avx2:)` notes side by side: the same
    /// samples as `render` gives each one alone. About 1.2x `block` one at a time with AVX2
    /// (BENCHMARKS.md): about 5 % of an atlas's per-patch cost, so batch rendering does not group for it.
    /// Throws for the first bad patch.
    public func renderSideBySide(_ patches: [Patch], settings: RenderSettings) throws -> [AudioBuffer] {
        try Self.check(settings)
        let frameCount = settings.totalFrames
        var buffers: [AudioBuffer] = []
        buffers.reserveCapacity(patches.count)
        let width = Swift.min(DX7Lanes.width(avx2: usesAVX2), Swift.max(patches.count, 1))
        for groupStart in Swift.stride(from: 0, to: patches.count, by: width) {
            let group = patches[groupStart..<Swift.min(groupStart + width, patches.count)]
            var voices = try group.map { patch in
                DX7Voice(parameters: try DX7VoiceParameters(patch: patch, schema: schema), key: settings.note,
                         velocity: settings.velocity, sampleRateHz: settings.sampleRateHz, seed: settings.seed, lanes: true,
                         vectorised: usesAVX2)
            }
            // Each note renders straight into the array it is returned in (a shared buffer copied out
            // measured 4 % of a lanes render in the copy alone).
            let samples = frameCount == 0 ? voices.map { _ in [] } : Self.arrays(voices.count, of: frameCount) { outputs in
                DX7Lanes.render(&voices, outputs: outputs, frameCount: frameCount, noteOffFrame: settings.holdFrames,
                                avx2: usesAVX2)
            }
            for channel in samples { buffers.append(AudioBuffer(sampleRateHz: settings.sampleRateHz, channels: [channel])) }
        }
        return buffers
    }

    /// `count` arrays of `frameCount` samples, every one written by `body` (DX7Lanes.render) from
    /// pointers to their storage (valid only inside `body`): each array is made inside the previous
    /// one's initialiser.
    private static func arrays(_ count: Int, of frameCount: Int, filledBy body: ([UnsafeMutablePointer<Float>]) -> Void) -> [[Float]] {
        var pointers: [UnsafeMutablePointer<Float>] = []
        func make(_ index: Int) -> [[Float]] {
            guard index < count else {
                body(pointers)
                return []
            }
            var rest: [[Float]] = []
            let array = [Float](unsafeUninitializedCapacity: frameCount) { buffer, initialised in
                initialised = frameCount
                pointers.append(buffer.baseAddress!)
                rest = make(index + 1)
            }
            return [array] + rest
        }
        return make(0)
    }

    /// The settings every render checks first (one line each).
    private static func check(_ settings: RenderSettings) throws {
        guard settings.sampleRateHz.isFinite, settings.sampleRateHz >= 8_000, settings.sampleRateHz <= 384_000 else {
            throw RenderError("dx7: sample rate \(settings.sampleRateHz) Hz is outside 8,000...384,000")
        }
        guard settings.holdSeconds.isFinite, settings.tailSeconds.isFinite,
              settings.holdSeconds >= 0, settings.tailSeconds >= 0,
              settings.holdSeconds + settings.tailSeconds <= 600 else {
            throw RenderError("dx7: hold \(settings.holdSeconds) s + tail \(settings.tailSeconds) s must be finite, >= 0 and at most 600 s")
        }
        guard (0...127).contains(settings.note) else {
            throw RenderError("dx7: note \(settings.note) is outside MIDI 0...127")
        }
    }
}
