// The report's compact parameter table gives back what each point had, NaN for what it lacked, and
// parameters.js lays it out per synth with sorted ids, as the page's lasso CSV reads it.
import Foundation
import Testing
@testable import Atlas

@Suite struct ParameterTableTests {
    @Test func valuesComeBackPerPointWithNaNForWhatAPointLacks() {
        var table = ParameterTable()
        table.append(synth: "dx7", values: ["op1_level": 99, "algorithm": 5])
        table.append(synth: "toy", values: ["cutoff": 0.25])
        table.append(synth: "dx7", values: nil)                                       // unreadable JSON
        table.append(synth: "dx7", values: ["algorithm": 31, "feedback": 7])           // an id first seen late
        #expect(table.ids(of: "dx7") == ["algorithm", "feedback", "op1_level"])
        #expect(table.ids(of: "toy") == ["cutoff"])
        #expect(table.value(point: 0, synth: "dx7", id: "op1_level") == 99)
        #expect(table.value(point: 0, synth: "dx7", id: "feedback").isNaN)             // row made before the id existed
        #expect(table.value(point: 1, synth: "toy", id: "cutoff") == 0.25)
        #expect(table.value(point: 2, synth: "dx7", id: "algorithm").isNaN)
        #expect(table.value(point: 3, synth: "dx7", id: "algorithm") == 31)
        #expect(table.value(point: 3, synth: "dx7", id: "op1_level").isNaN)
        #expect(table.value(point: 9, synth: "dx7", id: "algorithm").isNaN)           // no such point
    }

    @Test func parametersScriptHasEachSynthsSortedIdsAndPointMajorValues() throws {
        var data = ReportData()
        for (synth, values) in [("dx7", ["b": 2.0, "a": 1.0]), ("toy", ["c": 3.0]), ("dx7", ["a": 4.0])] {
            data.points.append(ReportPoint(key: "\(data.points.count)", synth: synth, origin: .random, name: "", author: "",
                                           collection: "", sourcePath: "", x: 0, y: 0, rms: 0.1))
            data.parameterValues.append(synth: synth, values: values)
        }
        let script = ParameterValues.script(data)
        func floats(_ base64: String) -> [Float] {
            let bytes = Data(base64Encoded: base64)!
            var out: [Float] = []
            for i in stride(from: 0, to: bytes.count, by: 4) {
                var bits: UInt32 = 0
                for k in 0..<4 { bits |= UInt32(bytes[bytes.startIndex + i + k]) << UInt32(8 * k) }
                out.append(Float(bitPattern: bits))
            }
            return out
        }
        let dx7 = try #require(script.components(separatedBy: "\"dx7\": ").last?.components(separatedBy: "}").first)
        #expect(dx7.contains("\"ids\": [\"a\",\"b\"]"))
        let values = try #require(dx7.components(separatedBy: "\"values\": \"").last?.components(separatedBy: "\"").first)
        let decoded = floats(values)
        // Points 0 and 2, ids a and b: (1, 2) then (4, NaN).
        #expect(decoded.count == 4)
        #expect(decoded[0] == 1 && decoded[1] == 2 && decoded[2] == 4 && decoded[3].isNaN)
    }
}
