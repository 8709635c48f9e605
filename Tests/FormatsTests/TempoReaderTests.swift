// Tempo readers: real LMMS projects and Hydrogen songs from Debian's packages (skipped when the deps
// script has not fetched them), and small files written here for every other format, good and bad.
import Foundation
import Testing
@testable import Formats

/// Paths of the package's fetched factory data (`scripts/install-deps.sh`) and `Synths/`.
enum BiasTestPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let factoryShare = packageRoot.appendingPathComponent(".cache/factory/usr/share")
    static let factoryPresent = FileManager.default.fileExists(atPath: BiasTestPaths.factoryShare.appendingPathComponent("lmms/projects").path)
    static let synths = packageRoot.appendingPathComponent("Synths")
    /// MuseScore 3 demos and templates (Debian musescore3-common), fetched by scripts/fetch-song-data.sh.
    static let museScore = packageRoot.appendingPathComponent(".cache/songs/usr/share/mscore3-3.2")
    static let museScorePresent = FileManager.default.fileExists(atPath: museScore.appendingPathComponent("demos").path)
}

@Suite struct TempoReaderTests {
    // MARK: real files (Debian lmms-common, hydrogen-data)

    @Test(.enabled(if: BiasTestPaths.factoryPresent, "needs .cache/factory from scripts/install-deps.sh"))
    func lmmsTemplateIsMarkedAndAt140() throws {
        // Debian's default.mpt says <head bpm="140">; the extension marks it a template.
        let reading = try TempoReader.read(BiasTestPaths.factoryShare.appendingPathComponent("lmms/projects/templates/default.mpt"))
        #expect(reading.tool == "LMMS")
        #expect(reading.bpm == 140)
        #expect(reading.isTemplate)
        #expect(reading.writer?.hasPrefix("LMMS 1.") == true)
    }

    @Test(.enabled(if: BiasTestPaths.factoryPresent, "needs .cache/factory from scripts/install-deps.sh"))
    func lmmsCompressedDemoAndOldRootAreRead() throws {
        // Oglsdl-PpTrip.mmpz (qCompress'd) holds bpm="140"; Greshz-CoolSnip.mmpz is an LMMS 0.4.5
        // <multimedia-project> with bpm="140" (both checked with python's zlib).
        let demo = try TempoReader.read(BiasTestPaths.factoryShare.appendingPathComponent("lmms/projects/demos/Oglsdl-PpTrip.mmpz"))
        #expect(demo.bpm == 140 && !demo.isTemplate && demo.origin == .stored)
        let old = try TempoReader.read(BiasTestPaths.factoryShare.appendingPathComponent("lmms/projects/shorties/Greshz-CoolSnip.mmpz"))
        #expect(old.bpm == 140)
        #expect(old.writer == "LMMS 0.4.5")
    }

    @Test(.enabled(if: BiasTestPaths.factoryPresent, "needs .cache/factory from scripts/install-deps.sh"))
    func hydrogenDemoSongTempo() throws {
        // GM_kit_demo1.h2song: <version>1.2.0</version> <bpm>115</bpm>.
        let reading = try TempoReader.read(BiasTestPaths.factoryShare.appendingPathComponent("hydrogen/data/demo_songs/GM_kit_demo1.h2song"))
        #expect(reading.tool == "Hydrogen")
        #expect(reading.bpm == 115)
        #expect(reading.writer == "Hydrogen 1.2.0")
    }

    @Test(.enabled(if: BiasTestPaths.factoryPresent, "needs .cache/factory from scripts/install-deps.sh"))
    func everyFactoryProjectReads() throws {
        let folders = ["lmms/projects", "hydrogen/data/demo_songs"].map { BiasTestPaths.factoryShare.appendingPathComponent($0) }
        var count = 0
        for folder in folders {
            let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                guard TempoReader.fileExtensions.contains(url.pathExtension.lowercased()) else { continue }
                let reading = try TempoReader.read(url)
                #expect((40...250).contains(reading.bpm), "\(url.lastPathComponent): \(reading.bpm)")
                count += 1
            }
        }
        #expect(count >= 38)  // 32 LMMS projects and templates + 7 Hydrogen songs in Debian's packages
    }

    @Test(.enabled(if: BiasTestPaths.museScorePresent, "needs .cache/songs from scripts/fetch-song-data.sh"))
    func museScoreDemoScores() throws {
        // <tempo> values read with python: Brassed_Up 2.96667 (178 BPM), Fugue_1 1.4 (84), Reunion.mscz
        // (deflated zip with META-INF/container.xml) 2 (120); Unclaimed_Gift has no tempo marking.
        let demos = BiasTestPaths.museScore.appendingPathComponent("demos")
        let expected: [(String, Double, TempoOrigin)] = [("Brassed_Up.mscx", 178, .stored), ("Fugue_1.mscx", 84, .stored),
                                                         ("Reunion.mscz", 120, .stored), ("Unclaimed_Gift.mscx", 120, .absent)]
        for (file, bpm, origin) in expected {
            let reading = try TempoReader.read(demos.appendingPathComponent(file))
            #expect(abs(reading.bpm - bpm) < 0.01 && reading.origin == origin, "\(file): \(reading.bpm)")
            #expect(reading.writer?.hasPrefix("MuseScore 3.") == true && !reading.isTemplate)
        }
    }

    @Test(.enabled(if: BiasTestPaths.museScorePresent, "needs .cache/songs from scripts/fetch-song-data.sh"))
    func museScoreTemplatesAreTemplates() throws {
        let walker = FileManager.default.enumerator(at: BiasTestPaths.museScore.appendingPathComponent("templates"),
                                                    includingPropertiesForKeys: nil)
        var count = 0
        while let url = walker?.nextObject() as? URL {
            guard ["mscx", "mscz"].contains(url.pathExtension) else { continue }
            #expect(try TempoReader.read(url).isTemplate, "\(url.lastPathComponent)")
            count += 1
        }
        #expect(count == 41)  // 41 templates in 8 folders in musescore3-common 3.2.3
    }

    // MARK: MIDI

    @Test func midiTempoEventGivesBPM() throws {
        // 600,000 µs per quarter note = 100 BPM.
        let data = TempoTestFiles.midi(tracks: [TempoTestFiles.setTempo(600_000), TempoTestFiles.someNotes])
        let reading = try TempoReader.read(data)
        #expect(reading.tool == "MIDI")
        #expect(abs(reading.bpm - 100) < 1e-9)
        #expect(reading.origin == .stored)
    }

    @Test func midiWithoutTempoIs120AndAbsent() throws {
        let reading = try TempoReader.read(TempoTestFiles.midi(tracks: [TempoTestFiles.someNotes]))
        #expect(reading.bpm == 120)
        #expect(reading.origin == .absent)
    }

    @Test func midiEarliestTempoWinsAcrossTracks() throws {
        // Track 0 sets 90 BPM at tick 96; track 1 sets 150 BPM at tick 0 → 150 starts the song.
        let track0 = TempoTestFiles.setTempo(666_667, delta: 96)
        let track1 = TempoTestFiles.setTempo(400_000, delta: 0) + TempoTestFiles.someNotes
        let reading = try TempoReader.read(TempoTestFiles.midi(tracks: [track0, track1]))
        #expect(abs(reading.bpm - 150) < 1e-9)
    }

    @Test func midiTruncatedOrCorruptIsOneLineError() {
        let good = [UInt8](TempoTestFiles.midi(tracks: [TempoTestFiles.setTempo(500_000)]))
        for bad in [Data(good.prefix(10)), Data(good.prefix(20)), Data(Array("MThd".utf8) + [0, 0, 0, 6, 0, 1, 0, 1, 1, 224])] {
            #expect(throws: TempoReadError.self) { try TempoReader.read(bad) }
        }
        // A meta event whose length runs past the track.
        let runaway = TempoTestFiles.midi(tracks: [[0x00, 0xff, 0x01, 0x7f, 0x41]])
        do { _ = try TempoReader.read(runaway); Issue.record("expected an error") } catch {
            #expect(!"\(error)".contains("\n"))
        }
    }

    @Test func riffMIDIIsUnwrapped() throws {
        let smf = [UInt8](TempoTestFiles.midi(tracks: [TempoTestFiles.setTempo(750_000)]))  // 80 BPM
        let body = Array("RMID".utf8) + Array("data".utf8) + TempoTestFiles.le32(smf.count) + smf
        let riff = Data(Array("RIFF".utf8) + TempoTestFiles.le32(body.count) + body)
        #expect(abs(try TempoReader.read(riff).bpm - 80) < 1e-9)
        let noData = Data(Array("RIFF".utf8) + TempoTestFiles.le32(4) + Array("RMID".utf8))
        #expect(throws: TempoReadError.self) { try TempoReader.read(noData) }
    }

    @Test func midiZeroTempoIsRejected() {
        #expect(throws: TempoReadError.self) { try TempoReader.read(TempoTestFiles.midi(tracks: [TempoTestFiles.setTempo(0)])) }
    }

    // MARK: trackers

    @Test func modWithoutEffectKeeps125() throws {
        let reading = try TempoReader.read(TempoTestFiles.mod(firstRow: []))
        #expect(reading.tool == "MOD")
        #expect(reading.bpm == 125 && reading.ticksPerRow == 6)
        #expect(reading.origin == .keptDefault)
    }

    @Test func modFxxSetsTempoAndSpeed() throws {
        // F8C = tempo 140 BPM (≥ 32), F03 = speed 3 (< 32), in the first row of the first pattern.
        let reading = try TempoReader.read(TempoTestFiles.mod(firstRow: [(0, 0xf, 0x8c), (2, 0xf, 0x03)]))
        #expect(reading.bpm == 140)
        #expect(reading.ticksPerRow == 3)
        #expect(reading.origin == .stored)
    }

    @Test func modTempoOnSilentLeadInRowsCountsNotAfterTheFirstNote() throws {
        // F8C on row 2, the first note on row 3: 140 BPM opens the song.
        let leadIn = TempoTestFiles.mod(firstRow: [], later: [(2, 1, 0xf, 0x8c)], notes: [(3, 0)])
        #expect(try TempoReader.read(leadIn).bpm == 140)
        // A note on row 0 and F8C on row 5: the song starts at 125; the change comes later.
        let later = TempoTestFiles.mod(firstRow: [], later: [(5, 1, 0xf, 0x8c)], notes: [(0, 0)])
        let reading = try TempoReader.read(later)
        #expect(reading.bpm == 125 && reading.origin == .keptDefault)
    }

    @Test func modTruncatedPatternIsError() {
        let full = TempoTestFiles.mod(firstRow: [])
        #expect(throws: TempoReadError.self) { try TempoReader.read(full.prefix(1100)) }
    }

    @Test func xmHeaderTempoAndTracker() throws {
        let reading = try TempoReader.read(TempoTestFiles.xm(tracker: "FastTracker v2.00", speed: 6, bpm: 174))
        #expect(reading.tool == "XM" && reading.bpm == 174 && reading.ticksPerRow == 6)
        #expect(reading.writer == "FastTracker v2.00")
        #expect(throws: TempoReadError.self) { try TempoReader.read(TempoTestFiles.xm(tracker: "x", speed: 6, bpm: 0)) }
        #expect(throws: TempoReadError.self) { try TempoReader.read(TempoTestFiles.xm(tracker: "x", speed: 6, bpm: 120).prefix(70)) }
    }

    @Test func s3mHeaderTempoAndTracker() throws {
        // Cwt/v 0x1320 = Scream Tracker 3.20.
        let reading = try TempoReader.read(TempoTestFiles.s3m(cwt: 0x1320, speed: 6, tempo: 150))
        #expect(reading.tool == "S3M" && reading.bpm == 150)
        #expect(reading.writer == "Scream Tracker 3.20")
        // Tempos below 33 are ignored by Scream Tracker, which keeps 125.
        let low = try TempoReader.read(TempoTestFiles.s3m(cwt: 0x1320, speed: 6, tempo: 20))
        #expect(low.bpm == 125 && low.origin == .keptDefault)
    }

    @Test func itHeaderTempoAndTracker() throws {
        let reading = try TempoReader.read(TempoTestFiles.it(cwt: 0x0214, speed: 3, tempo: 128))
        #expect(reading.tool == "IT" && reading.bpm == 128 && reading.ticksPerRow == 3)
        #expect(reading.writer == "Impulse Tracker 2.14")
        let schism = try TempoReader.read(TempoTestFiles.it(cwt: 0x1050, speed: 6, tempo: 125))
        #expect(schism.writer == "Schism Tracker")
        #expect(throws: TempoReadError.self) { try TempoReader.read(TempoTestFiles.it(cwt: 0x0214, speed: 6, tempo: 0)) }
    }

    // MARK: XML-based projects

    @Test func museScoreTempoInBeatsPerSecond() throws {
        let score = """
        <?xml version="1.0" encoding="UTF-8"?>
        <museScore version="3.02"><programVersion>3.6.2</programVersion><Score><Staff id="1"><Measure>
        <voice><Tempo><tempo>1.33333</tempo><text>♩ = 80</text></Tempo></voice></Measure></Staff></Score></museScore>
        """
        let reading = try TempoReader.read(Data(score.utf8))
        #expect(reading.tool == "MuseScore")
        #expect(abs(reading.bpm - 80) < 0.001)
        #expect(reading.writer == "MuseScore 3.6.2")
        let noMarking = try TempoReader.read(Data(#"<museScore version="4.20"><Score/></museScore>"#.utf8))
        #expect(noMarking.bpm == 120 && noMarking.origin == .absent)
    }

    @Test func museScoreZipStoredAndDeflated() throws {
        let score = Array(#"<museScore version="3.02"><Score><Tempo><tempo>2.5</tempo></Tempo></Score></museScore>"#.utf8)
        let container = Array(#"<container><rootfiles><rootfile full-path="piece.mscx"/></rootfiles></container>"#.utf8)
        for deflate in [false, true] {
            let zip = TempoTestFiles.zip([("META-INF/container.xml", container, deflate), ("piece.mscx", score, deflate)])
            let reading = try TempoReader.read(zip)
            #expect(reading.bpm == 150, "deflate: \(deflate)")
        }
        let truncated = TempoTestFiles.zip([("piece.mscx", score, true)]).prefix(40)
        #expect(throws: TempoReadError.self) { try TempoReader.read(truncated) }
    }

    @Test func rosegardenGzipTempoAtTimeZero() throws {
        // tempo units are 1/100,000 BPM: 9,500,000 = 95 BPM.
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE rosegarden-data>
        <rosegarden-data version="20.12"><composition defaultTempo="120.0000" compositionDefaultTempo="12000000">
        <tempo time="0" bph="5700" tempo="9500000"/><tempo time="3840" tempo="12000000"/></composition></rosegarden-data>
        """
        let reading = try TempoReader.read(TempoTestFiles.gzip(Array(xml.utf8)))
        #expect(reading.tool == "Rosegarden" && abs(reading.bpm - 95) < 1e-9)
        #expect(reading.writer == "Rosegarden 20.12")
        let corrupt = TempoTestFiles.gzip(Array(xml.utf8)).prefix(30)
        #expect(throws: TempoReadError.self) { try TempoReader.read(corrupt) }
    }

    @Test func ardourOldAndNewTempoMaps() throws {
        let v7 = """
        <Session version="7003" name="s"><ProgramVersion created-with="Ardour 8.4.0" modified-with="Ardour 8.6.0"/>
        <TempoMap superclocks-per-second="282240000"><Tempos><Tempo npm="128" enpm="128" note-type="4" sclock="0"/></Tempos></TempoMap></Session>
        """
        let new = try TempoReader.read(Data(v7.utf8))
        #expect(new.tool == "Ardour" && new.bpm == 128 && new.writer == "Ardour 8.4.0")
        let v5 = #"<Session version="3001"><TempoMap><Tempo start="1|1|0" beats-per-minute="120" note-type="4"/></TempoMap></Session>"#
        #expect(try TempoReader.read(Data(v5.utf8)).bpm == 120)
        #expect(throws: TempoReadError.self) { try TempoReader.read(Data(#"<Session version="7003"/>"#.utf8)) }
    }

    // MARK: hostile and unknown input

    @Test func unknownAndHostileFilesGiveOneLine() throws {
        let cases: [Data] = [
            Data(), Data("hello world, not a song".utf8), Data([0x1f, 0x8b, 0, 1, 2]),
            Data("<lmms-project><head/></lmms-project>".utf8),          // no bpm
            Data(#"<lmms-project><head bpm="nan"/></lmms-project>"#.utf8),  // NaN tempo
            Data(#"<lmms-project><head bpm="1e9"/></lmms-project>"#.utf8),  // absurd tempo
            Data("<song><bpm>fast</bpm></song>".utf8),
            Data("<notes/>".utf8),
        ]
        for data in cases {
            do { _ = try TempoReader.read(data); Issue.record("accepted \(data.count) bytes") } catch {
                #expect(error is TempoReadError)
                #expect(!"\(error)".contains("\n"))
            }
        }
    }

    @Test func fileErrorsNameTheFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bias-test-\(UUID().uuidString).mid")
        try Data("MThd".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do { _ = try TempoReader.read(url); Issue.record("accepted a truncated MIDI file") } catch {
            #expect("\(error)".hasPrefix(url.path))
        }
    }
}

@Suite struct LMMSHeadExtractionTests {
    @Test func automatedTempoInHeadChild() throws {
        // LMMS 1.x keeps an automated tempo's base value as <head><bpm value="…"/></head>.
        let xml = #"<?xml version="1.0"?><lmms-project version="1.0" creatorversion="1.1.3" type="song"><head mastervol="100"><bpm value="97" id="123"/></head><song><track/></song></lmms-project>"#
        let reading = try TempoReader.read(Data(xml.utf8))
        #expect(reading.bpm == 97 && reading.writer == "LMMS 1.1.3")
    }

    @Test func headCutReadsTempoOfLongProject() throws {
        let xml = #"<lmms-project creatorversion="1.2.2"><head bpm="133" timesig_numerator="4"/><song>"# + String(repeating: "<track name=\"t\"/>", count: 5000) + "</song></lmms-project>"
        #expect(LMMSProjectTempo.headOnly(Data(xml.utf8)) != nil)
        #expect(try TempoReader.read(Data(xml.utf8)).bpm == 133)
    }
}

@Suite struct TempoReaderGarbageTests {
    /// Seeded garbage behind each format's magic bytes: every reader must answer with a reading or a
    /// one-line `TempoReadError`, never crash or index out of bounds.
    @Test func garbageBehindMagicBytesNeverCrashes() {
        var state: UInt64 = 0x5eed
        func nextByte() -> UInt8 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        let prefixes: [(offset: Int, bytes: [UInt8])] = [
            (0, Array("MThd".utf8)), (0, Array("MThd".utf8) + [0, 0, 0, 6, 0, 1, 0, 3, 0, 96] + Array("MTrk".utf8)),
            (0, Array("IMPM".utf8)), (0, Array("Extended Module: ".utf8)), (44, Array("SCRM".utf8)),
            (1080, Array("M.K.".utf8)), (0, [0x50, 0x4b, 0x03, 0x04]), (0, [0x1f, 0x8b, 0x08, 0x00]),
            (0, Array("RIFF".utf8) + [0, 0, 0, 0] + Array("RMID".utf8)), (0, [0, 0, 0, 0x20, 0x78, 0x9c]),
        ]
        var outcomes = 0
        for prefix in prefixes {
            for length in [0, 3, 17, 60, 200, 1100, 1500, 4000] {
                var bytes = (0..<Swift.max(length, prefix.offset + prefix.bytes.count)).map { _ in nextByte() }
                bytes.replaceSubrange(prefix.offset..<prefix.offset + prefix.bytes.count, with: prefix.bytes)
                do {
                    _ = try TempoReader.read(Data(bytes))
                } catch {
                    #expect(error is TempoReadError)
                    #expect(!"\(error)".contains("\n"))
                }
                outcomes += 1
            }
        }
        #expect(outcomes == prefixes.count * 8)
    }
}
