// Across programs: each program's share of songs at its own default set against its share at the
// other programs' defaults. If FL Studio's songs sit at 140 because FL starts there, FL's share at
// 140 should exceed other programs' share at 140, and Ableton's share at 120 likewise.
import Foundation
import SoundSpace

public struct CrossProgramRow: Sendable {
    public var tool: String
    public var ownDefault: Double?
    public var songs: Int
    /// Songs at each reference tempo with the Wilson 95% interval of the share.
    public var cells: [(tempo: Double, count: Int, interval: ProportionInterval)]
}

public enum BiasCrossProgram {
    /// One row per tool with songs; the tempo columns are the reference tempos.
    public static func rows(_ tools: [ToolTempoReport]) -> [CrossProgramRow] {
        tools.filter { !$0.songs.isEmpty }.map { tool in
            let cells = BiasTempoBreakdowns.referenceTempos.map { tempo -> (tempo: Double, count: Int, interval: ProportionInterval) in
                let count = tool.songs.filter { BiasTempoBreakdowns.isAt($0.reading.bpm, tempo) }.count
                return (tempo, count, ProportionInterval.wilson(successes: count, trials: tool.songs.count))
            }
            return CrossProgramRow(tool: tool.tool, ownDefault: tool.defaultTempo?.bpm, songs: tool.songs.count, cells: cells)
        }
    }
}
