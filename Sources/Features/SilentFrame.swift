// The per-frame values of an all-zero STFT frame, computed once per signal and copied to every other
// silent frame: its FFT, mel bands, logs and descriptors would give the same bits each time.

/// One silent frame's log-mel bands, MFCCs and spectral descriptors, as the frame loop computed them.
struct SilentFrame {
    let logMel: [Float]
    let mfcc: [Float]
    let descriptors: FrameDescriptors

    init(logMel: UnsafeMutableBufferPointer<Float>, mfcc: UnsafeMutableBufferPointer<Float>, descriptors: FrameDescriptors) {
        self.logMel = Array(logMel)
        self.mfcc = Array(mfcc)
        self.descriptors = descriptors
    }

    /// Copies the stored bands and coefficients into another frame's slots.
    func write(logMel target: UnsafeMutableBufferPointer<Float>, mfcc coefficients: UnsafeMutableBufferPointer<Float>) {
        _ = target.update(from: logMel)
        _ = coefficients.update(from: mfcc)
    }
}
