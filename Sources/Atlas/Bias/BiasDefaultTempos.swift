// Loads `Presets/default-tempos.csv` (tool, default BPM, where the figure comes from) and finds the
// `Presets/` folder (`PackageData`).
import Formats
import Foundation

/// One tool's default tempo and its source.
public struct DefaultTempo: Sendable, Equatable {
    public var tool: String
    public var bpm: Double
    public var source: String
}

public struct DefaultTempoError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

public enum DefaultTempos {
    /// Parses the CSV text: a header line, then `tool,default_bpm,source` rows; `source` may be quoted
    /// (RFC 4180: doubled quotes inside).
    public static func parse(_ text: String, file: String = "default-tempos.csv") throws -> [String: DefaultTempo] {
        var table: [String: DefaultTempo] = [:]
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        for (number, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let fields = splitCSV(line)
            guard fields.count >= 3, let bpm = Double(fields[1]), bpm > 0, bpm.isFinite else {
                throw DefaultTempoError(description: "\(file) line \(number + 1): expected tool,default_bpm,source")
            }
            table[fields[0]] = DefaultTempo(tool: fields[0], bpm: bpm, source: fields[2])
        }
        return table
    }

    static func splitCSV(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = Array(line).makeIterator()
        var pending: Character? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { current.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { current.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                fields.append(current); current = ""
            } else {
                current.append(c)
            }
        }
        fields.append(current)
        return fields.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The table from `Presets/default-tempos.csv` (`PackageData.presetsFolder`).
    public static func load() throws -> [String: DefaultTempo] {
        let url = try presetsDirectory().appendingPathComponent("default-tempos.csv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw DefaultTempoError(description: "\(url.path): cannot read")
        }
        return try parse(text, file: url.path)
    }

    public static func presetsDirectory() throws -> URL {
        do { return try PackageData.presetsFolder() } catch let error as PackageData.NotFound {
            throw DefaultTempoError(description: error.description)
        }
    }
}
