// A preset's user wave is looked for only in the preset's folder and LMMS's sample folders: a path
// elsewhere, however it is written (absolute, "../..", a link), is "not found" whether or not the file
// exists, so a shared report never holds a private file's audio nor tells that it exists.
import Foundation
import Testing
@testable import Formats

@Suite struct LMMSUserWavePrivacyTests {
    static func preset(userWave: String) -> String {
        """
        <lmms-project creatorversion="1.2.2" type="instrumenttracksettings">
          <instrumenttracksettings name="x"><instrumenttrack>
            <instrument name="tripleoscillator"><tripleoscillator wavetype0="7" userwavefile0="\(userWave)"/></instrument>
          </instrumenttrack></instrumenttracksettings>
        </lmms-project>
        """
    }

    /// A temporary home: `presets/Bank/` for the preset and `private/` outside it.
    static func home() throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("pa-wave-\(UUID())")
        for folder in ["presets/Bank", "private"] {
            try FileManager.default.createDirectory(at: home.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        return home
    }

    func problem(_ userWave: String, in home: URL) -> String {
        do {
            let patch = try LMMSTestSupport.parse(Self.preset(userWave: userWave), directory: home.appendingPathComponent("presets/Bank"))
            return "read: \(patch.attributes["tripleoscillator.userwavefile0"] ?? "")"
        } catch { return "\(error)" }
    }

    @Test func aPathOutsideTheAllowedFoldersIsNotFoundWhetherOrNotItExists() throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let secret = home.appendingPathComponent("private/diary.wav")
        try FileManager.default.createSymbolicLink(atPath: home.appendingPathComponent("presets/Bank/innocent.wav").path,
                                                   withDestinationPath: secret.path)
        let ways = [secret.path, "../../private/diary.wav", "innocent.wav"]
        try Data(repeating: 1, count: 64).write(to: secret)
        let whenPresent = ways.map { problem($0, in: home) }
        try FileManager.default.removeItem(at: secret)
        let whenAbsent = ways.map { problem($0, in: home) }
        #expect(whenPresent == whenAbsent)
        for (way, message) in zip(ways, whenPresent) {
            #expect(message == "test.xpf: user wave file '\(way)' of oscillator 1 not found")
        }
    }

    @Test func aWaveInThePresetsFolderIsReadAndATooLargeOneRefused() throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let bank = home.appendingPathComponent("presets/Bank")
        try FileManager.default.createDirectory(at: bank.appendingPathComponent("waves"), withIntermediateDirectories: true)
        try Data(repeating: 1, count: 64).write(to: bank.appendingPathComponent("waves/saw.wav"))
        #expect(problem("waves/saw.wav", in: home).hasSuffix("/presets/Bank/waves/saw.wav"))
        // LMMS's data folder's samples/ (two levels above the preset) is allowed too.
        try FileManager.default.createDirectory(at: home.appendingPathComponent("samples"), withIntermediateDirectories: true)
        try Data(repeating: 1, count: 64).write(to: home.appendingPathComponent("samples/bell.wav"))
        #expect(problem("bell.wav", in: home).hasSuffix("/samples/bell.wav"))
        // A sparse file one byte over the cap: refused by its size, before any read.
        let big = bank.appendingPathComponent("huge.wav")
        #expect(FileManager.default.createFile(atPath: big.path, contents: nil))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: UInt64(LMMSUserWave.maximumBytes + 1))
        try handle.close()
        #expect(problem("huge.wav", in: home) == "test.xpf: user wave file 'huge.wav' is larger than 16 MiB")
    }

    @Test func aWaveInsideTheWorkingFolderIsKeptRelativeToIt() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let home = URL(fileURLWithPath: cwd).appendingPathComponent(".build/pa-wave-\(UUID())")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("presets/Bank"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        try Data(repeating: 1, count: 64).write(to: home.appendingPathComponent("presets/Bank/saw.wav"))
        #expect(problem("saw.wav", in: home) == "read: .build/\(home.lastPathComponent)/presets/Bank/saw.wav")
    }
}
