// `presetatlas bias` as one library call: read the sources (and an atlas's sound space), and build the
// report; what could not be used is a line in the report, and only "nothing usable at all" fails.
import Foundation

public enum BiasRun {
    /// Every source was unusable: one line per problem.
    public struct NothingUsable: Error, CustomStringConvertible, Sendable {
        public var problems: [String]
        public var description: String { "no readable project, song or preset file in the sources" }
    }

    /// The report of `sources` (files or folders) and, with `atlas` (a report folder), each preset's
    /// distance from the init patch in its sound space; `warnings` are lines for stderr.
    /// - Throws: `NothingUsable` when no file gave a tempo or a patch and the atlas gave nothing.
    public static func report(sources: [String], atlas: URL?, groupBy: BiasGroupBy) throws -> (report: BiasReport, warnings: [String]) {
        var warnings: [String] = []
        let defaults: [String: DefaultTempo]
        do { defaults = try DefaultTempos.load() } catch {
            warnings.append("warning: \(error); tempo statistics need it")
            defaults = [:]
        }
        let inputs = BiasInputs.read(sources)
        var soundSpace: [SoundSpaceInitDistances] = []
        var storeProblems: [String] = []
        if let atlas {
            do { (soundSpace, storeProblems) = try BiasSoundSpace.distances(reportDirectory: atlas) } catch {
                storeProblems.append("\(error)")
            }
        }
        if inputs.tempoReadings.isEmpty && inputs.banks.isEmpty && soundSpace.isEmpty {
            throw NothingUsable(problems: inputs.problems + storeProblems)
        }
        var report = BiasReport.make(from: inputs, defaults: defaults, soundSpace: soundSpace, groupBy: groupBy)
        report.problems += storeProblems
        if let atlas, !soundSpace.isEmpty {
            do { report.defaultNeeds = try DefaultNeeds.read(reportDirectory: atlas) } catch { report.problems.append("\(error)") }
        }
        return (report, warnings)
    }
}
