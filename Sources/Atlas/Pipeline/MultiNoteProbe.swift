// A patch played at several notes (`atlas --notes 48,60,72`) and embedded as one point.
//
// The point is the MEAN of the notes' embeddings, not their concatenation: it keeps the embedding's
// dimensions and their names (the report's explanations, the standardisation, imported embeddings
// and explore all assume one layout), and averaging is what makes the point stop depending on which note
// was played: the pitch-bound parts of each note's vector (its f0, where its partials fall) average to
// the same value for every patch, while what the patch does at every note (its timbre) stays.
// Concatenation would keep key-scaling differences apart but multiply the dimensions by the note count.
import Synthesis

enum MultiNoteProbe {
    /// The notes other than `settings.render.note` a patch is still to be played at.
    static func otherNotes(_ settings: AtlasSettings) -> [Int] {
        settings.probeNotes.count > 1 ? settings.probeNotes.filter { $0 != settings.render.note } : []
    }

    /// The mean of `first` (the embedding at `settings.render.note`) and the embeddings at the other notes.
    static func embedding(first: [Float], patch: Patch, model: any SynthModel, embed: (AudioBuffer, RenderSettings) throws -> [Float],
                          settings: AtlasSettings) throws -> [Float] {
        var sum = first
        var count: Float = 1
        for note in otherNotes(settings) {
            var probe = settings.render
            probe.note = note
            let vector = try embed(try model.render(patch, settings: probe), probe)
            guard vector.count == sum.count else { throw ProbeError(description: "note \(note) gave \(vector.count) dimensions, not \(sum.count)") }
            for i in sum.indices { sum[i] += vector[i] }
            count += 1
        }
        return sum.map { $0 / count }
    }

    struct ProbeError: Error, CustomStringConvertible {
        var description: String
    }
}
