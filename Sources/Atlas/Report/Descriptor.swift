// The sound descriptors a reader can colour the map by: a few dimensions of the descriptor embedding with
// names a musician uses (loudness, pitch, brightness, attack), picked by their dimension names.
import Features

struct Descriptor {
    var label: String
    var unit: String
    var dimension: String

    static let all = [
        Descriptor(label: "loudness", unit: "dBFS, loudest 400 ms", dimension: "loudness.db"),
        Descriptor(label: "pitch", unit: "octaves from A440", dimension: "pitch.f0.log2_over_a440"),
        Descriptor(label: "brightness", unit: "log2 Hz, spectral centroid", dimension: "centroid.sustain.log2hz"),
        Descriptor(label: "attack", unit: "log10 s, 10-90 % rise", dimension: "envelope.attack.log10s"),
    ]

    /// Positions of the descriptors in the descriptor embedding.
    static let positions: [Int] = all.compactMap { EmbeddingLayout.names.firstIndex(of: $0.dimension) }

    /// The descriptors of one embedding vector; empty when the vector is not the descriptor embedding.
    static func pick(_ vector: [Float]) -> [Float] {
        guard vector.count == EmbeddingLayout.count, positions.count == all.count else { return [] }
        return positions.map { vector[$0] }
    }
}
