// The bias glue end to end: sources read into a report (bad files as one line each, templates and
// tempo-less files apart), random-hit probabilities, the default-tempo table, JSON keys, escaping.
import Foundation
import Synthesis
import Testing
@testable import Atlas
@testable import Formats

private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

@Suite struct BiasReportTests {
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bias-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func midi(microsecondsPerQuarter: Int?) -> Data {
        var track: [UInt8] = []
        if let t = microsecondsPerQuarter { track += [0, 0xff, 0x51, 3, UInt8(t >> 16 & 0xff), UInt8(t >> 8 & 0xff), UInt8(t & 0xff)] }
        track += [0, 0xff, 0x2f, 0]
        let n = track.count
        return Data(Array("MThd".utf8) + [0, 0, 0, 6, 0, 0, 0, 1, 1, 224] + Array("MTrk".utf8)
                    + [UInt8(n >> 24), UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff), UInt8(n & 0xff)] + track)
    }

    @Test func defaultTempoTableParsesQuotedSourcesAndRealFileHasLMMS140() throws {
        let table = try DefaultTempos.parse("tool,default_bpm,source\nX,99.5,\"a, \"\"quoted\"\" source\"\n")
        #expect(table["X"]?.bpm == 99.5)
        #expect(table["X"]?.source == "a, \"quoted\" source")
        #expect(throws: DefaultTempoError.self) { try DefaultTempos.parse("tool,default_bpm,source\nX,fast,y\n") }
        let real = try DefaultTempos.parse(String(contentsOf: packageRoot.appendingPathComponent("Presets/default-tempos.csv"), encoding: .utf8))
        #expect(real["LMMS"]?.bpm == 140)
        #expect(real["MIDI"]?.bpm == 120)
        #expect(real.values.allSatisfy { !$0.source.isEmpty })
    }

    @Test func everyToolTheReadersNameHasADefaultTempo() throws {
        // The tool keys TempoReader produces (Sources/Formats/Tempo/*.swift) must all be in the CSV,
        // else a tool's songs would silently get no statistics.
        let table = try DefaultTempos.parse(String(contentsOf: packageRoot.appendingPathComponent("Presets/default-tempos.csv"), encoding: .utf8))
        for tool in ["LMMS", "Hydrogen", "MIDI", "MOD", "XM", "S3M", "IT", "MuseScore", "Rosegarden", "Ardour",
                     "FL Studio", "Ableton Live", "REAPER"] {
            #expect(table[tool] != nil, "\(tool)")
        }
        // Tracker formats all start at 125 BPM; LMMS at 140; the rest at 120.
        #expect(["MOD", "XM", "S3M", "IT"].allSatisfy { table[$0]?.bpm == 125 })
        #expect(["Hydrogen", "MIDI", "MuseScore", "Rosegarden", "Ardour"].allSatisfy { table[$0]?.bpm == 120 })
    }

    @Test func histogramHasOneBarPerTempoAndTheDefaultInRed() {
        let summary = SoundSpaceSummaryFixture.make()  // 140, 140, 138, 150 against 140
        let svg = BiasFigures.tempoHistogram(tool: "LMMS", summary: summary)
        #expect(svg.components(separatedBy: "<rect x=").count - 1 == 3)  // bins 138, 140, 150
        #expect(svg.components(separatedBy: "fill=\"#c0392b\"><title>").count - 1 == 1)  // one red bar
        #expect(svg.contains("<title>140 BPM: 2</title>"))
    }

    @Test func randomHitProbabilityByScale() {
        let knob = ParameterSpec(id: "k", label: "k", minimum: 0, maximum: 127, defaultValue: 64, scale: .int)
        #expect(BiasParameters.randomAtDefaultProbability(knob) == 1.0 / 128)
        // Linear 0…200 with resolution 0.01: window 0.01 wide → 0.01 / 200.
        let linear = ParameterSpec(id: "l", label: "l", minimum: 0, maximum: 200, defaultValue: 100, scale: .linear, resolution: 0.01)
        #expect(abs(BiasParameters.randomAtDefaultProbability(linear) - 0.01 / 200) < 1e-12)
        // At the range edge only half the window is inside.
        let edge = ParameterSpec(id: "e", label: "e", minimum: 0, maximum: 1, defaultValue: 0, scale: .linear, resolution: 0.1)
        #expect(abs(BiasParameters.randomAtDefaultProbability(edge) - 0.05) < 1e-12)
        // Log 1…1000 around 10 with resolution 2: log(11/9) / log(1000).
        let log = ParameterSpec(id: "g", label: "g", minimum: 1, maximum: 1000, defaultValue: 10, scale: .log, resolution: 2)
        #expect(abs(BiasParameters.randomAtDefaultProbability(log) - Foundation.log(11.0 / 9) / Foundation.log(1000)) < 1e-12)
    }

    @Test func bankAnalysisCountsDefaultsAndDistances() {
        let schema = SynthSchema(id: "toy", name: "Toy", tool: "test", parameters: [
            ParameterSpec(id: "a", label: "A", minimum: 0, maximum: 10, defaultValue: 5, scale: .int),
            ParameterSpec(id: "b", label: "B", minimum: 0, maximum: 1, defaultValue: 0, scale: .bool),
        ])
        let patches = [
            (Patch(synthID: "toy", name: "init"), "f1"),
            (Patch(synthID: "toy", name: "moved", values: ["a": 10]), "f2"),
        ]
        let report = BiasParameters.analyse(schema: schema, patches: patches.map { (patch: $0.0, file: $0.1) })
        #expect(report.parameters[0].atDefault == 1 && report.parameters[1].atDefault == 2)
        #expect(report.untouched.map(\.id) == ["b"])
        #expect(report.distances[0].distance.rms == 0)
        // a: normalised (10 + 0.5)/11 − (5 + 0.5)/11 = 5/11; b unchanged → RMS = (5/11)/sqrt(2).
        #expect(abs(report.distances[1].distance.rms - (5.0 / 11) / 2.0.squareRoot()) < 1e-12)
        #expect(report.distances[1].distance.changedParameters == 1)
    }

    @Test func unknownValuesAreLeftOutNotCountedAtDefault() {
        let schema = SynthSchema(id: "toy", name: "Toy", tool: "test", parameters: [
            ParameterSpec(id: "a", label: "A", minimum: 0, maximum: 10, defaultValue: 5, scale: .int),
        ])
        let unknown = Patch(synthID: "toy", name: "u", attributes: [BiasParameters.unknownParametersAttribute: "a"])
        let report = BiasParameters.analyse(schema: schema, patches: [(Patch(synthID: "toy", name: "i"), "f1"), (unknown, "f2")])
        #expect(report.parameters[0].presets == 1 && report.parameters[0].atDefault == 1)
        #expect(BiasParameters.unknownParametersAttribute == ZynAddSubFXInstrument.unknownParametersAttribute)
    }

    @Test func sourcesToReportWithBadFilesTemplatesAndJSON() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try midi(microsecondsPerQuarter: 500_000).write(to: folder.appendingPathComponent("a.mid"))   // 120
        try midi(microsecondsPerQuarter: 500_000).write(to: folder.appendingPathComponent("b.mid"))   // 120
        try midi(microsecondsPerQuarter: 468_750).write(to: folder.appendingPathComponent("c.mid"))   // 128
        try midi(microsecondsPerQuarter: nil).write(to: folder.appendingPathComponent("d.mid"))       // no tempo
        try Data("MThd garbage".utf8).write(to: folder.appendingPathComponent("broken.mid"))
        try Data(#"<lmms-project creatorversion="1.2.2"><head bpm="140"/></lmms-project>"#.utf8)
            .write(to: folder.appendingPathComponent("mine.mpt"))
        try Data("notes".utf8).write(to: folder.appendingPathComponent("README.txt"))  // not a project: skipped quietly

        let inputs = BiasInputs.read([folder.path, folder.appendingPathComponent("missing.mid").path])
        #expect(inputs.problems.count == 2)  // broken.mid and the missing path
        #expect(inputs.problems.contains { $0.contains("broken.mid") && !$0.contains("\n") })
        #expect(inputs.skippedFiles == 1)
        let defaults = ["MIDI": DefaultTempo(tool: "MIDI", bpm: 120, source: "spec")]
        let report = BiasReport.make(from: inputs, defaults: defaults)
        let midiRow = try #require(report.tempo.first { $0.tool == "MIDI" })
        #expect(midiRow.songs.count == 3 && midiRow.absentTempo.count == 1)
        #expect(midiRow.summary?.atDefault == 2)
        let lmms = try #require(report.tempo.first { $0.tool == "LMMS" })
        #expect(lmms.templates.count == 1 && lmms.songs.isEmpty)
        #expect(report.problems.contains { $0.contains("LMMS") && $0.contains("no default tempo") })

        let json = try JSONSerialization.jsonObject(with: report.json()) as? [String: Any]
        let tempo = try #require(json?["tempo"] as? [[String: Any]])
        let midiJSON = try #require(tempo.first { $0["tool"] as? String == "MIDI" })
        #expect(midiJSON["files"] as? Int == 3)
        #expect(midiJSON["at_default"] as? Int == 2)
        #expect(midiJSON["no_tempo_files"] as? Int == 1)
        #expect(midiJSON.keys.contains("spike_ratio"))
        #expect(json?["parameters"] is [Any])
        // One song row per readable file (templates and no-tempo files included, flagged).
        let songs = try #require(json?["songs"] as? [[String: Any]])
        #expect(songs.count == 5)
        #expect(songs.filter { $0["template"] as? Bool == true }.count == 1)
        #expect(songs.filter { $0["no_tempo"] as? Bool == true }.count == 1)
        #expect(songs.contains { ($0["file"] as? String)?.hasSuffix("c.mid") == true && $0["bpm"] as? Double == 128 })

        let out = folder.appendingPathComponent("report")
        let written = try BiasFigures.write(report, to: out)
        #expect(written.map(\.lastPathComponent).contains("tempo-midi.svg"))
        #expect(written.map(\.lastPathComponent).contains("tempo-comparison.svg"))
        let comparison = try Data(contentsOf: out.appendingPathComponent("tempo-comparison.svg"))
        #expect(throws: Never.self) { try XMLParser.parse(comparison) }
        let markdown = try String(contentsOf: out.appendingPathComponent("bias.md"), encoding: .utf8)
        #expect(markdown.contains("| MIDI | 120 | 3 | 2 |"))
    }

    @Test func svgEscapesNamesAndMarksTheDefault() throws {
        let summary = SoundSpaceSummaryFixture.make()
        let svg = BiasFigures.tempoHistogram(tool: "<Evil & \"Co\">", summary: summary)
        #expect(!svg.contains("<Evil"))
        #expect(svg.contains("&lt;Evil &amp; &quot;Co&quot;&gt;"))
        #expect(svg.contains("default 140"))
        // Well-formed: our own XML parser accepts it.
        #expect(throws: Never.self) { try XMLParser.parse(Data(svg.utf8)) }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent(".cache/factory/usr/share/zynaddsubfx/banks").path),
                   "needs .cache/factory from scripts/install-deps.sh"))
    func zynBankIsReadWithTheRealSchema() throws {
        let bank = packageRoot.appendingPathComponent(".cache/factory/usr/share/zynaddsubfx/banks/Arpeggios").path
        let inputs = BiasInputs.read([bank], schemaFor: { try SynthDefinition.load(packageRoot.appendingPathComponent("Synths/\($0).xml")) })
        #expect(inputs.problems.isEmpty)
        let patches = try #require(inputs.banks["zynaddsubfx"])
        #expect(patches.count >= 10)
        let report = BiasParameters.analyse(schema: try #require(inputs.schemas["zynaddsubfx"]), patches: patches)
        // Real presets move away from the init patch but keep most knobs at their defaults.
        #expect(report.medianDistance > 0 && report.medianDistance < 0.5)
        let svg = BiasFigures.stickiness(report)
        #expect(throws: Never.self) { try XMLParser.parse(Data(svg.utf8)) }
        #expect(svg.components(separatedBy: "#c0392b\" stroke-width").count - 1 == min(BiasFigures.stickinessRows, report.parameters.count))
    }
}

extension BiasReportTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent(".cache/factory/usr/share/hexter").path),
                   "needs .cache/factory from scripts/install-deps.sh"))
    func tripleOscillatorAndDX7BanksAreWired() throws {
        let share = packageRoot.appendingPathComponent(".cache/factory/usr/share")
        let sources = [share.appendingPathComponent("lmms/presets/TripleOscillator").path,
                       share.appendingPathComponent("hexter/dx7_roms.dx7").path]
        let inputs = BiasInputs.read(sources, schemaFor: { try SynthDefinition.load(packageRoot.appendingPathComponent("Synths/\($0).xml")) })
        #expect(inputs.problems.isEmpty, "\(inputs.problems.prefix(3))")
        // hexter's dx7_roms.dx7: 16,384 bytes of raw 128-byte packed voices = 128 voices.
        #expect(inputs.banks["dx7"]?.count == 128)
        #expect((inputs.banks["tripleoscillator"]?.count ?? 0) >= 60)
        let report = BiasReport.make(from: inputs, defaults: [:])
        #expect(report.parameters.map(\.synthID) == ["dx7", "tripleoscillator"])
    }

    @Test func problemLinesCarryTheWholePathOnce() {
        let line = BiasInputs.oneLine("x.xpf: uses instrument 'kicker', not supported", file: "/a/b/x.xpf")
        #expect(line == "/a/b/x.xpf: uses instrument 'kicker', not supported")
        #expect(BiasInputs.oneLine("bad\nthing", file: "/a/y") == "/a/y: bad thing")
    }
}

import SoundSpace

enum SoundSpaceSummaryFixture {
    static func make() -> TempoSummary {
        TempoStatistics.summarise(bpms: [140, 140, 138, 150], defaultBPM: 140, resamples: 20)
    }
}

@Suite struct BiasSoundSpaceTests {
    @Test func distancesFromInitInStandardisedSpace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bias-store-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try AtlasStore(reportDirectory: folder)
        // toy: init (0,0); presets (1,0), (0,1); random (2,0), (0,2), (2,2). other: a preset, no init.
        let points: [(key: String, synth: String, origin: String, vector: [Float])] = [
            ("toy|init", "toy", "init", [0, 0]), ("toy|p1", "toy", "preset", [1, 0]), ("toy|p2", "toy", "preset", [0, 1]),
            ("toy|r1", "toy", "random", [2, 0]), ("toy|r2", "toy", "random", [0, 2]), ("toy|r3", "toy", "random", [2, 2]),
            ("other|p", "other", "preset", [5, 5]),
        ]
        try store.write { db in
            for p in points {
                try db.execute(sql: "INSERT INTO patch(key, synth, origin, name, valuesJSON) VALUES (?, ?, ?, ?, '{}')",
                               arguments: [p.key, p.synth, p.origin, p.key])
                try db.execute(sql: "INSERT INTO embedding(patchKey, dimension, vector) VALUES (?, ?, ?)",
                               arguments: [p.key, 2, EmbeddingBlob.encode(p.vector)])
            }
        }
        let (synths, problems) = try BiasSoundSpace.distances(reportDirectory: folder)
        #expect(problems.count == 1 && problems[0].contains("other"))
        let toy = try #require(synths.first { $0.synthID == "toy" })
        // Both axes get the same standardisation scale, so the ratio of medians is the raw one:
        // presets at raw distance 1, random settings at median raw distance 2.
        #expect(abs((toy.presetToRandomRatio ?? 0) - 0.5) < 1e-6)
        #expect(toy.presets.count == 2 && toy.randomDistances.count == 3)
        // Both axes hold 0,1,0,2,0,2,5 → the same deviation d; a preset's distance is 1/d.
        let xs: [Double] = [0, 1, 0, 2, 0, 2, 5]
        let mean = xs.reduce(0, +) / 7
        let deviation = (xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 7).squareRoot()
        #expect(abs((toy.medianPresetDistance ?? 0) - 1 / deviation) < 1e-5)
    }

    @Test func missingStoreIsOneLine() {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bias-none-\(UUID().uuidString)")
        do { _ = try BiasSoundSpace.distances(reportDirectory: folder); Issue.record("expected an error") } catch {
            #expect("\(error)".contains("no atlas store") && !"\(error)".contains("\n"))
        }
    }
}

extension BiasReportTests {
    @Test func perGroupShareCountsEachRepositoryOnce() {
        // Repository a: 9 songs at 140, b: 1 song at 120, c: 1 song at 140. Per file 10/11 sit at 140;
        // per group the shares are 1, 0, 1, mean 2/3.
        func song(_ file: String, _ bpm: Double) -> (file: String, reading: TempoReading) {
            (file, TempoReading(tool: "FL Studio", writer: "FL Studio 20.7.1", bpm: bpm))
        }
        let readings = (0..<9).map { song("/c/flp/a__x__\($0).flp", 140) } + [song("/c/flp/b__y__1.flp", 120), song("/c/flp/c__z__1.flp", 140)]
        let defaults = ["FL Studio": DefaultTempo(tool: "FL Studio", bpm: 140, source: "test")]
        let byName = BiasTempo.analyse(readings, defaults: defaults, groupBy: .namePrefix)[0]
        #expect(byName.summary?.atDefault == 10)
        #expect(byName.groupShare?.groups == 3 && byName.groupShare?.groupsWithDefault == 2)
        #expect(Swift.abs((byName.groupShare?.meanShare ?? 0) - 2.0 / 3) < 1e-12)
        // By parent folder all eleven share one group: the per-file share again.
        let byParent = BiasTempo.analyse(readings, defaults: defaults, groupBy: .parent)[0]
        #expect(byParent.groupShare?.groups == 1 && Swift.abs((byParent.groupShare?.meanShare ?? 0) - 10.0 / 11) < 1e-12)
        #expect(BiasTempoBreakdowns.majorVersion("FL Studio 20.7.1.1773") == "FL Studio 20")
        #expect(BiasTempoBreakdowns.majorVersion("LMMS 1.2.2") == "LMMS 1.2")
        #expect(byName.versions.first?.atTempo[140] == 10)
    }

    @Test func crossProgramFiguresEscapeNamesAndOutlineTheOwnDefault() throws {
        let readings: [(file: String, reading: TempoReading)] = [
            ("/a/1.flp", TempoReading(tool: "<FL & Co>", bpm: 140)), ("/a/2.flp", TempoReading(tool: "<FL & Co>", bpm: 130)),
            ("/b/1.als", TempoReading(tool: "Ableton Live", bpm: 120)),
        ]
        let defaults = ["<FL & Co>": DefaultTempo(tool: "<FL & Co>", bpm: 140, source: "t"),
                        "Ableton Live": DefaultTempo(tool: "Ableton Live", bpm: 120, source: "t")]
        let tools = BiasTempo.analyse(readings, defaults: defaults)
        let shares = BiasFigures.crossProgramShares(tools)
        let strips = BiasFigures.allProgramsHistogram(tools)
        for svg in [shares, strips] {
            #expect(!svg.contains("<FL") && svg.contains("&lt;FL &amp; Co&gt;"))
            #expect(throws: Never.self) { try XMLParser.parse(Data(svg.utf8)) }
        }
        // One outlined bar per program (its own default), 2 programs × 4 reference tempos in all.
        #expect(shares.components(separatedBy: "stroke=\"black\" stroke-width=\"1.5\"").count - 1 == 2)
        #expect(shares.components(separatedBy: "<title>").count - 1 == 1 + 8)
        let cross = BiasCrossProgram.rows(tools)
        let fl = try #require(cross.first { $0.tool == "<FL & Co>" })
        #expect(fl.cells.map(\.count) == [0, 0, 1, 1])  // at 120, 125, 130, 140
    }
}

