// CMT 1.16 "fbdelay_*" (plugins/LadspaEffect/cmt/src/delay.cpp, feedback variant): a delay line with dry/wet
// balance and feedback. Mono (LMMS runs one per channel). Ports: 0 delay (s; LMMS shows ms), 1 dry/wet (0...1),
// 2 in, 3 out, 4 feedback (-1...1). `maximumSeconds` is the variant's limit (fbdelay_5s: 5).

struct CMTFeedbackDelay: LADSPAMonoKernel {
    private var buffer: [Float]
    private let mask: Int, delay: Int
    private var writePosition = 0
    private let wet: Float, dry: Float, feedback: Float

    init(_ settings: LMMSEffectSettings, processor: Int, sampleRateHz: Float, maximumSeconds: Float) {
        let rate = Float(Int(sampleRateHz))
        var size = 1
        while size < Int(rate * maximumSeconds) { size <<= 1 }
        buffer = [Float](repeating: 0, count: size)
        mask = size - 1
        // LMMS keeps the time in ms and hands the plugin ms / 1000.
        let seconds = (settings.port(0, processor: processor) ?? 1000) / 1000
        delay = Int(min(max(seconds, 0), maximumSeconds) * rate)
        wet = min(max(settings.port(1, processor: processor) ?? 0.5, 0), 1)
        dry = 1 - wet
        feedback = min(max(settings.port(4, processor: processor) ?? 0.5, -1), 1)
    }

    mutating func run(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, frames: Int) {
        let read = writePosition + buffer.count - delay
        for i in 0..<frames {
            let x = input[i]
            let delayed = buffer[(i + read) & mask]
            output[i] = dry * x + wet * delayed
            buffer[(i + writePosition) & mask] = x + delayed * feedback
        }
        writePosition = (writePosition + frames) & mask
    }
}
