// The DAW and Renoise readers, tracker first rows, strict decimals and MIDI chunk overruns, on small
// files written here from the formats' descriptions (expected values follow from the bytes written).
import Foundation
import Testing
@testable import Formats

@Suite struct ProjectTempoReaderTests {
    // MARK: FL Studio

    @Test func flStudioNewerTempoIsInThousandthsOfABPM() throws {
        // Event 156 = 128 + 28 (u32) holds BPM × 1000; 199 = 192 + 7 the version text; 64 opens a channel; 65 names a pattern.
        let events = ProjectTestFiles.textEvent(199, "20.7.1.1773") + ProjectTestFiles.dwordEvent(156, 128_500)
            + ProjectTestFiles.wordEvent(64, 0) + ProjectTestFiles.wordEvent(64, 1) + ProjectTestFiles.wordEvent(65, 1)
            + ProjectTestFiles.wordEvent(65, 2) + ProjectTestFiles.wordEvent(65, 1) + [0x09, 0x01]
        let reading = try TempoReader.read(ProjectTestFiles.flp(channels: 2, events: events))
        #expect(reading.tool == "FL Studio")
        #expect(reading.bpm == 128.5)
        #expect(reading.writer == "FL Studio 20.7.1.1773")
        #expect(reading.patterns == 2 && reading.channels == 2)
    }

    @Test func flStudioOldTempoIsCoarseWordPlusFineThousandths() throws {
        // FL 3.4 to 9: event 66 whole BPM, event 93 thousandths.
        let events = ProjectTestFiles.textEvent(199, "9.0.0") + ProjectTestFiles.wordEvent(66, 140) + ProjectTestFiles.wordEvent(93, 250)
        #expect(try TempoReader.read(ProjectTestFiles.flp(events: events)).bpm == 140.25)
    }

    @Test func flStudioWithoutTempoOrTruncatedIsOneClearError() throws {
        let noTempo = ProjectTestFiles.flp(events: ProjectTestFiles.textEvent(199, "12.4.2"))
        #expect(throws: TempoReadError.self) { try TempoReader.read(noTempo) }
        // A text event claiming 300 bytes where 3 remain.
        let truncated = ProjectTestFiles.flp(events: [199, 0xac, 0x02, 0x31, 0x32, 0x33])
        do { _ = try TempoReader.read(truncated); Issue.record("truncated FLP read") } catch let error as TempoReadError {
            #expect(error.description.contains("runs past the end"))
        }
    }

    @Test func flpExtensionWithOtherContentIsNotFLStudio() {
        // A Forte source (text) named .flp: no FLhd, so no FL reading and one line saying so.
        #expect(throws: TempoReadError.self) { try TempoReader.read(Data("PROGRAM demo\nBEGIN\nEND\n".utf8)) }
        #expect(!FLStudioProjectTempo.looksLike(ByteReader(Array("FLhd\u{6}\u{0}\u{0}\u{0}xxxxxxNOPE".utf8))))
    }

    // MARK: Ableton Live

    @Test func abletonMasterTrackManualTempoNotATrackOne() throws {
        // A MIDI track's mixer also has a Tempo (99): only the master track's counts.
        let reading = try TempoReader.read(ProjectTestFiles.als(tempoBody: #"<ArrangerAutomation><Events><FloatEvent Time="-63072000" Value="120"/></Events></ArrangerAutomation><Manual Value="174"/>"#))
        #expect(reading.tool == "Ableton Live" && reading.bpm == 174 && reading.writer == "Ableton Live 9.7.7")
    }

    @Test func abletonLive8UsesFirstAutomationEventAndLive12MainTrack() throws {
        let live8 = ProjectTestFiles.als(creator: "Ableton Live 8.2.2", tempoBody: #"<ArrangerAutomation><Events><FloatEvent Time="-63072000" Value="126"/><FloatEvent Time="16" Value="90"/></Events></ArrangerAutomation>"#)
        #expect(try TempoReader.read(live8).bpm == 126)
        let live12 = ProjectTestFiles.als(creator: "Ableton Live 12.0", master: "MainTrack", tempoBody: #"<Manual Value="121.5"/>"#)
        #expect(try TempoReader.read(live12).bpm == 121.5)
    }

    @Test func abletonHexTempoIsRejected() {
        let hex = ProjectTestFiles.als(tempoBody: #"<Manual Value="0x10"/>"#)
        #expect(throws: TempoReadError.self) { try TempoReader.read(hex) }
    }

    // MARK: REAPER

    @Test func reaperProjectTempoLineAtProjectLevel() throws {
        let text = """
        <REAPER_PROJECT 0.1 "6.82/win64" 1690000000
          RIPPLE 0
          <TRACK {ABC}
            NAME "TEMPO 99 is a name"
          >
          TEMPO 87.5 3 4
        >
        """
        let reading = try TempoReader.read(Data(text.utf8))
        #expect(reading.tool == "REAPER" && reading.bpm == 87.5 && reading.writer == "REAPER 6.82")
        #expect(throws: TempoReadError.self) { try TempoReader.read(Data("<REAPER_PROJECT 0.1 \"5.0\" 1\n>\n".utf8)) }
    }

    // MARK: Renoise

    @Test func renoiseSongReadsBPMLinesAndTicks() throws {
        let reading = try TempoReader.read(ProjectTestFiles.renoise(bpm: "136", lines: 16, ticks: 12))
        #expect(reading.tool == "Renoise" && reading.bpm == 136 && reading.rowsPerBeat == 16 && reading.ticksPerRow == 12)
        #expect(reading.rowsPerBeatBPM == nil)  // Renoise's BPM already counts beats
        #expect(throws: TempoReadError.self) { try TempoReader.read(ProjectTestFiles.renoise(bpm: "0x10")) }
    }

    // MARK: strict numbers and MIDI chunks (issue 10)

    @Test func hexadecimalNanAndInfAreNotTempos() {
        #expect(TempoRange.decimal("0x10") == nil)
        #expect(TempoRange.decimal("nan") == nil && TempoRange.decimal("inf") == nil && TempoRange.decimal("") == nil)
        #expect(TempoRange.decimal(" 97.5 ") == 97.5 && TempoRange.decimal("1e2") == 100)
        let lmms = #"<?xml version="1.0"?><lmms-project version="1.0" creatorversion="1.2.2"><head bpm="0x10"/><song/></lmms-project>"#
        do { _ = try TempoReader.read(Data(lmms.utf8)); Issue.record("0x10 read as a tempo") } catch let error as TempoReadError {
            #expect(error.description.contains("0x10"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func midiTrackLongerThanTheFileIsAnError() {
        // A track declaring 0xFFFFFFFF bytes used to mean "no tempo" silently.
        var bytes = [UInt8](TempoTestFiles.midi(tracks: [TempoTestFiles.setTempo(600_000)]))
        bytes.replaceSubrange(18..<22, with: [0xff, 0xff, 0xff, 0xff])
        do { _ = try TempoReader.read(Data(bytes)); Issue.record("overrunning track accepted") } catch let error as TempoReadError {
            #expect(error.description.contains("4294967295"))
        } catch { Issue.record("unexpected \(error)") }
    }

    // MARK: tracker first rows

    @Test func xmFirstRowSpeedAndTempoOverrideTheHeader() throws {
        // Header speed 6, BPM 125; pattern 0 row 0: channel 0 F03 (packed: flags 0x98 = effect+param),
        // channel 1 F96 unpacked (note, instrument, volume, effect, parameter) → speed 3, 150 BPM.
        var bytes = [UInt8](TempoTestFiles.xm(tracker: "FastTracker v2.00", speed: 6, bpm: 125).prefix(60 + 276))
        bytes.replaceSubrange(68..<70, with: TempoTestFiles.le16(2))  // 2 channels
        let rows: [UInt8] = [0x98, 0x0f, 0x03, 0x00, 0x00, 0x00, 0x0f, 0x96]
        bytes += TempoTestFiles.le32(9) + [0] + TempoTestFiles.le16(1) + TempoTestFiles.le16(rows.count) + rows
        let reading = try TempoReader.read(Data(bytes))
        #expect(reading.bpm == 150 && reading.ticksPerRow == 3)
        #expect(reading.rowsPerBeatBPM == 300)  // 150 × 6 / 3
    }

    @Test func s3mAndITFirstRowCommands() throws {
        // S3M: 1 order (pattern 0), 0 instruments, 1 pattern at paragraph 8 (byte 128): row 0 channel 0
        // command A (1) 04 and T (20) 0x20..: here A04 on channel 0, T8C (140) on channel 1.
        var s3m = [UInt8](TempoTestFiles.s3m(cwt: 0x1320, speed: 6, tempo: 125).prefix(0x60))
        s3m.replaceSubrange(0x20..<0x26, with: TempoTestFiles.le16(1) + TempoTestFiles.le16(0) + TempoTestFiles.le16(1))
        s3m += [0] + TempoTestFiles.le16(8)
        s3m += [UInt8](repeating: 0, count: 128 - s3m.count)
        let row: [UInt8] = [0x80, 1, 4, 0x81, 20, 0x8c, 0]
        s3m += TempoTestFiles.le16(row.count + 2) + row
        let s3mReading = try TempoReader.read(Data(s3m))
        #expect(s3mReading.bpm == 140 && s3mReading.ticksPerRow == 4)

        // IT: 1 order, no instruments or samples, 1 pattern at 0xD0: channel 1 with mask 8 (command), T 0x96.
        var it = [UInt8](TempoTestFiles.it(cwt: 0x0214, speed: 6, tempo: 125).prefix(0xc0))
        it += [UInt8](repeating: 0, count: 0xc0 - it.count)
        it.replaceSubrange(0x20..<0x28, with: TempoTestFiles.le16(1) + TempoTestFiles.le16(0) + TempoTestFiles.le16(0) + TempoTestFiles.le16(1))
        it += [0] + TempoTestFiles.le32(0xd0)
        it += [UInt8](repeating: 0, count: 0xd0 - it.count)
        let itRow: [UInt8] = [0x81, 8, 20, 0x96, 0]
        it += TempoTestFiles.le16(itRow.count) + TempoTestFiles.le16(64) + [0, 0, 0, 0] + itRow
        let itReading = try TempoReader.read(Data(it))
        #expect(itReading.bpm == 150 && itReading.ticksPerRow == 6)
    }

    /// Every truncation and every single-byte inversion of `good`: each must read or throw
    /// TempoReadError (one line), never crash or throw anything else. Returns (read, refused).
    static func bendEveryByte(_ good: [UInt8]) -> (read: Int, refused: Int) {
        var outcomes = (read: 0, refused: 0)
        func attempt(_ bytes: [UInt8]) {
            do { _ = try TempoReader.read(Data(bytes)); outcomes.read += 1 } catch let error as TempoReadError {
                if error.description.contains("\n") { Issue.record("error over two lines: \(error)") }
                outcomes.refused += 1
            } catch { Issue.record("not a TempoReadError: \(error)") }
        }
        for length in 0..<good.count { attempt(Array(good.prefix(length))) }
        for index in good.indices {
            var bent = good
            bent[index] ^= 0xff
            attempt(bent)
        }
        return outcomes
    }

    @Test func hostileRenoiseZipsEndInOneLineNeverACrash() {
        // The zip reader bounds-checks each field; inflation is size-capped.
        let good = [UInt8](ProjectTestFiles.renoise(bpm: "136"))
        let outcomes = Self.bendEveryByte(good)
        #expect(outcomes.read + outcomes.refused == 2 * good.count)
        #expect(outcomes.refused >= good.count)  // every truncation loses the end-of-directory record
    }

    @Test func hostileFLStudioAbletonAndReaperFilesEndInOneLine() {
        let flp = [UInt8](ProjectTestFiles.flp(events: ProjectTestFiles.textEvent(199, "20.7.1") + ProjectTestFiles.dwordEvent(156, 140_000)
            + ProjectTestFiles.wordEvent(65, 1)))
        let als = [UInt8](ProjectTestFiles.als(tempoBody: #"<Manual Value="120"/>"#))
        let rpp = Array("<REAPER_PROJECT 0.1 \"6.82/win64\" 1\n  TEMPO 120 4 4\n>\n".utf8)
        for good in [flp, als, rpp] {
            let outcomes = Self.bendEveryByte(good)
            #expect(outcomes.read + outcomes.refused == 2 * good.count)
            #expect(outcomes.read > 0 && outcomes.refused > 0)
        }
    }
}
