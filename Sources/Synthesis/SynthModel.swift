// What every built-in synth model offers: its schema and a render of one note of a patch.

/// A synth engine that renders patches of one schema.
public protocol SynthModel: Sendable {
    var schema: SynthSchema { get }
    /// Renders one note of `patch` with `settings`. Deterministic for a given patch and seed.
    func render(_ patch: Patch, settings: RenderSettings) throws -> AudioBuffer
}

/// Why a patch could not be rendered (one line, for the user).
public struct RenderError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A model whose patches carry more than numbers (BitInvader's drawn wave): random settings draw those too.
public protocol DrawsRandomAttributes: SynthModel {
    /// The attributes of random patch `index` of the run seeded `seed`; the same pair always gives the same ones.
    func randomAttributes(seed: UInt64, index: Int) -> [String: String]
}
