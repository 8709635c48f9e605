// The synth registry is the one list of synths: every definition in Synths/ is registered, every
// registered synth's formats return its own patches, and every engine renders its init patch.
import Foundation
import Formats
import Synthesis
import Testing
import TestSupport
@testable import Atlas

@Suite struct SynthRegistryTests {
    static let synthsFolder = TestPaths.package("Synths")

    @Test func everySynthDefinitionIsRegisteredOnce() throws {
        let definitions = try FileManager.default.contentsOfDirectory(atPath: Self.synthsFolder.path)
            .filter { $0.hasSuffix(".xml") }.map { String($0.dropLast(4)) }
        let registered = SynthRegistry.builtIn.map(\.id)
        #expect(Set(registered).count == registered.count, "a synth is registered twice")
        #expect(Set(registered) == Set(definitions))
    }

    @Test func everyFormatBelongsToItsSynthAndSharedExtensionsAreToldApartByContent() throws {
        var owners: [String: [PresetFormat]] = [:]
        for synth in SynthRegistry.builtIn {
            #expect(!synth.formats.isEmpty, "\(synth.id) reads no preset format")
            for format in synth.formats {
                #expect(format.synthID == synth.id, "\(format.name) returns \(format.synthID) patches, registered under \(synth.id)")
                for ext in format.extensions { owners[ext, default: []].append(format) }
            }
        }
        // LMMS's instruments all save .xpf: formats may share an extension only when their sniffers split the
        // files, so every sample file of it in Tests/Fixtures is claimed by exactly one of them.
        let fixtures = TestPaths.package("Tests/Fixtures")
        let files = FileManager.default.enumerator(at: fixtures, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL } ?? []
        for (ext, formats) in owners where formats.count > 1 {
            let samples = files.filter { $0.pathExtension.lowercased() == ext }
            #expect(samples.count >= formats.count, ".\(ext) is shared by \(formats.map(\.name)) but has too few sample files")
            for sample in samples {
                let data = try Data(contentsOf: sample)
                let claimed = formats.filter { $0.sniff(data) }.map(\.name)
                #expect(claimed.count == 1, "\(sample.lastPathComponent) is claimed by \(claimed)")
            }
            let synths = Set(samples.compactMap { try? PresetLoader.contents(of: $0) }
                .compactMap { PresetLoader.format(of: $0, among: formats)?.synthID })
            #expect(synths.count == formats.count, ".\(ext) samples reach only \(synths.sorted())")
        }
    }

    @Test func everyEngineRendersItsInitPatch() throws {
        let settings = RenderSettings(note: 60, velocity: 100, holdSeconds: 0.2, tailSeconds: 0.1, sampleRateHz: 22_050)
        #expect(SynthRegistry.renderable.count >= 2)
        for synth in SynthRegistry.renderable {
            let schema = try TestSchemas.load(synth.id)
            let makeEngine = try #require(synth.makeEngine)
            let engine = makeEngine(schema)
            let audio = try engine.render(schema.initPatch(), settings: settings)
            let peak = audio.channels.flatMap { $0 }.map(abs).max() ?? 0
            #expect(peak > 0.01, "\(synth.id)'s init patch is silent")
        }
    }

    @Test func aFileNoRegisteredFormatReadsIsOneLineNamingTheFormats() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("registry-\(UUID().uuidString).txt")
        try Data("just some text\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            _ = try PresetRendering().patches(file)
            Issue.record("a text file was read as a preset")
        } catch {
            let line = "\(error)"
            #expect(line.hasPrefix(file.lastPathComponent + ": not a preset format"))
            #expect(line.contains("LMMS preset (.xpf)") && line.contains("DX7 SysEx (.dx7/.syx)"))
            #expect(!line.contains("\n"))
        }
    }

    @Test func aPatchOfASynthWithoutEngineIsRefusedWithOneLine() {
        let patch = Patch(synthID: "zynaddsubfx", name: "pad")
        let settings = RenderSettings(note: 60, velocity: 100, holdSeconds: 0.1, tailSeconds: 0.1, sampleRateHz: 22_050)
        #expect(throws: PresetError.self) { _ = try PresetRendering().render(patch, settings: settings, file: "pad.xiz") }
    }
}
