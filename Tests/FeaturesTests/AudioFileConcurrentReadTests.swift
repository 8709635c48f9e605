// Reading files on several threads at once, bad ones among them, as `embed` and the atlas do. libsndfile's
// `sf_open_fd` closed our descriptor when it refused a file; our own close then closed whatever another
// thread had just opened under that number, and good files failed as "bad file descriptor", "format not
// recognised" or "no audio frames" (the embedding batch test failed about one run in three).
import Foundation
import Testing
@testable import Features

@Suite struct AudioFileConcurrentReadTests {
    @Test func badFilesRefusedOnOtherThreadsNeverDisturbAGoodRead() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pa-concurrent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let samples = (0..<4_410).map { Float(sin(Double($0) * 0.05)) * 0.5 }
        let good = dir.appendingPathComponent("good.wav"), bad = dir.appendingPathComponent("bad.wav")
        try AudioFile.write(AudioBuffer(sampleRateHz: 44_100, channels: [samples]), to: good)
        try Data("RIFF....WAVEjunk".utf8).write(to: bad)

        let rounds = 400
        let outcomes = Outcomes(count: rounds)
        DispatchQueue.concurrentPerform(iterations: rounds) { i in
            if i % 2 == 0 {
                outcomes.set(i, (try? AudioFile.read(good)).map { $0.channels == [samples] ? nil : "other samples" } ?? "refused")
            } else {
                outcomes.set(i, (try? AudioFile.read(bad)) == nil ? nil : "a bad file was read")
            }
        }
        let wrong = outcomes.all.compactMap { $0 }
        #expect(wrong.isEmpty, "\(wrong.count) of \(rounds) reads went wrong: \(Set(wrong))")
    }
}

private final class Outcomes: @unchecked Sendable {
    private var values: [String?]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: String?) { lock.lock(); values[i] = value; lock.unlock() }
    var all: [String?] { lock.lock(); defer { lock.unlock() }; return values }
}
