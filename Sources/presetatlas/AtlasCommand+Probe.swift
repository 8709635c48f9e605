// `atlas`'s probe options (--note, --velocity, --hold, --tail, --notes) and the imported embedding's
// pair of files (--embedding, --ids): checked before any work, each problem one usage line (exit 64).
import ArgumentParser
import Foundation

extension AtlasCommand {
    func validateProbe() throws {
        if let note, !(0...127).contains(note) { throw ValidationError("--note must be a MIDI note 0...127 (60 = middle C), not \(note)") }
        if note != nil && notes != nil { throw ValidationError("give --note or --notes, not both (with --notes, previews are the middle note's)") }
        if let notes { _ = try Self.parseNotes(notes) }
        guard (1...127).contains(velocity) else { throw ValidationError("--velocity must be 1...127, not \(velocity)") }
        // Non-finite or absurd times would trap when turned into frame counts.
        guard (0...600).contains(hold), (0...600).contains(tail), hold + tail > 0 else {
            throw ValidationError("--hold and --tail must be seconds in 0...600, not both 0")
        }
        if (embedding == nil) != (ids == nil) { throw ValidationError("--embedding and --ids go together: the vectors and the patch each row belongs to") }
    }

    /// "48,60,72" -> [48, 60, 72]: two to sixteen different MIDI notes, returned in ascending order.
    static func parseNotes(_ text: String) throws -> [Int] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var notes: [Int] = []
        for part in parts {
            guard let note = Int(part), (0...127).contains(note) else {
                throw ValidationError("--notes must be MIDI notes 0...127 separated by commas (e.g. 48,60,72); \"\(part)\" is not one")
            }
            notes.append(note)
        }
        guard Set(notes).count == notes.count else { throw ValidationError("--notes lists a note twice: \(text)") }
        guard (2...16).contains(notes.count) else { throw ValidationError("--notes takes 2 to 16 notes (one note: --note), not \(notes.count)") }
        return notes.sorted()
    }
}
