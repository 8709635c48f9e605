// Options with fixed choices are the library's own enums: the parser lists the choices in --help and
// refuses anything else with one line, before any work starts.
import ArgumentParser
import Atlas
import Features
import Synthesis

extension SamplingMethod: ExpressibleByArgument {}
extension DX7.Kernel: ExpressibleByArgument {}
extension EmbeddingKind: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

/// `render --format`: the audio file type of batch outputs.
enum RenderedAudioFormat: String, CaseIterable, ExpressibleByArgument {
    case wav, flac
}
