// The shipped synth schemas for tests. A schema that does not load stops the run with its error: there
// is no empty-schema fallback under which an engine would quietly render defaults or silence.
import Foundation
import Formats
import Synthesis

public enum TestSchemas {
    /// `Synths/<id>.xml`, or the loader's error.
    public static func load(_ id: String) throws -> SynthSchema {
        try SynthDefinition.load(TestPaths.package("Synths/\(id).xml"))
    }

    /// `Synths/<id>.xml` for static test fixtures; a broken or missing file ends the run naming it.
    public static func required(_ id: String) -> SynthSchema {
        do { return try load(id) } catch {
            fatalError("Synths/\(id).xml does not load, so no test of it can mean anything: \(error)")
        }
    }
}
