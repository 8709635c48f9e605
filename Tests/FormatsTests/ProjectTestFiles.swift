// Builders for small project files the new tempo tests write themselves, laid out from the formats'
// descriptions: FL Studio event streams, Ableton sets, REAPER projects and Renoise songs.
import Foundation

enum ProjectTestFiles {
    /// An FL Studio project: "FLhd" (6 bytes: format 0, `channels`, PPQ 96), "FLdt", then `events`.
    static func flp(channels: Int = 1, events: [UInt8]) -> Data {
        let header = Array("FLhd".utf8) + TempoTestFiles.le32(6) + TempoTestFiles.le16(0) + TempoTestFiles.le16(channels)
            + TempoTestFiles.le16(96)
        return Data(header + Array("FLdt".utf8) + TempoTestFiles.le32(events.count) + events)
    }

    static func wordEvent(_ id: UInt8, _ value: Int) -> [UInt8] { [id] + TempoTestFiles.le16(value) }
    static func dwordEvent(_ id: UInt8, _ value: Int) -> [UInt8] { [id] + TempoTestFiles.le32(value) }

    /// A text event (id ≥ 192): LEB128 length then the bytes.
    static func textEvent(_ id: UInt8, _ text: String) -> [UInt8] {
        let bytes = Array(text.utf8) + [0]
        var length = bytes.count
        var prefix: [UInt8] = []
        repeat {
            var byte = UInt8(length & 0x7f)
            length >>= 7
            if length > 0 { byte |= 0x80 }
            prefix.append(byte)
        } while length > 0
        return [id] + prefix + bytes
    }

    /// A gzip'd Ableton set whose master track's mixer `Tempo` holds `tempoBody`.
    static func als(creator: String = "Ableton Live 9.7.7", master: String = "MasterTrack", tempoBody: String) -> Data {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Ableton MajorVersion="4" MinorVersion="9.5_327" Creator="\(creator)">
          <LiveSet>
            <Tracks><MidiTrack Id="1"><DeviceChain><Mixer><Tempo><Manual Value="99"/></Tempo></Mixer></DeviceChain></MidiTrack></Tracks>
            <\(master)><DeviceChain><Mixer><Tempo>\(tempoBody)</Tempo></Mixer></DeviceChain></\(master)>
          </LiveSet>
        </Ableton>
        """
        return TempoTestFiles.gzip(Array(xml.utf8))
    }

    static func renoise(bpm: String, lines: Int = 4, ticks: Int = 6) -> Data {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <RenoiseSong doc_version="54"><GlobalSongData><BeatsPerMin>\(bpm)</BeatsPerMin><LinesPerBeat>\(lines)</LinesPerBeat><TicksPerLine>\(ticks)</TicksPerLine></GlobalSongData></RenoiseSong>
        """
        return TempoTestFiles.zip([("Song.xml", Array(xml.utf8), true), ("Icon.png", [1, 2, 3], false)])
    }
}
