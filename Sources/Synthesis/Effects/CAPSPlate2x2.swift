// CAPS 0.4.5 "Plate2x2" (plugins/LadspaEffect/caps/Reverb.cc as bundled with LMMS 1.2.2): Dattorro's plate
// reverb with stereo inputs summed to mono. Ports: 0 in:l, 1 in:r, 2 bandwidth (0.005...0.999), 3 tail
// (0...0.749), 4 damping (0.0005...1), 5 blend (0...1), 6 out:l, 7 out:r.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class CAPSPlate2x2: LMMSEffectProcessor {
    let processorCount = 1
    private let bandwidth: Float, tail: Float, damping: Float, blend: Float

    // PlateStub's tuning "for soft attack, ambience" (sample_t members, so float).
    private let inputDiffusion1 = Double(Float(0.742)), inputDiffusion2 = Double(Float(0.712))
    private let decayDiffusion1 = Double(Float(0.723)), decayDiffusion2 = Double(Float(0.729))

    private var inputBandwidth = CAPSOnePoleLowPass()
    private var inputLattices: [CAPSLattice]
    private var modulatedLattices: [CAPSModulatedLattice]
    private var tankLattices: [CAPSLattice]
    private var tankDelays: [CAPSDelay]
    private var tankDamping = [CAPSOnePoleLowPass(), CAPSOnePoleLowPass()]
    private let taps: [Int]
    /// CAPS's renormal constant: flips sign every sample and once more after every run.
    private var normal: Float = 0.00000000000005

    init(_ settings: LMMSEffectSettings, sampleRateHz fs: Double) {
        // Plugin::getport clamps to the port's range.
        func port(_ index: Int, _ low: Float, _ high: Float, _ fallback: Float) -> Float {
            min(max(settings.port(index) ?? fallback, low), high)
        }
        bandwidth = port(2, 0.005, 0.999, 0.502)
        tail = port(3, 0, 0.749, 0.3745)
        damping = port(4, 0.0005, 1, 0.0005)
        blend = port(5, 0, 1, 0)

        // PlateStub::init: lengths in seconds (float constants) times the sample rate, truncated.
        let lengths: [Float] = [
            0.004771345048889486, 0.0035953092974026408, 0.01273478713752898, 0.0093074829474816042,
            0.022579886428547427, 0.030509727495715868, 0.14962534861059779, 0.060481838647894894,
            0.12499579987231611, 0.14169550754342933, 0.089244313027116023, 0.10628003091293972]
        func l(_ i: Int) -> Int { Int(Double(lengths[i]) * fs) }
        inputLattices = (0..<4).map { CAPSLattice(length: l($0)) }
        let width = Int(0.00040322707570310132 * fs)
        modulatedLattices = [CAPSModulatedLattice(length: l(4), width: width),
                             CAPSModulatedLattice(length: l(5), width: width)]
        tankDelays = [CAPSDelay(length: l(6)), CAPSDelay(length: l(8)), CAPSDelay(length: l(9)), CAPSDelay(length: l(11))]
        tankLattices = [CAPSLattice(length: l(7)), CAPSLattice(length: l(10))]
        let tapSeconds: [Float] = [
            0.0089378717113000241, 0.099929437854910791, 0.064278754074123853, 0.067067638856221232,
            0.066866032727394914, 0.006283391015086859, 0.01186116057928161, 0.12187090487550822,
            0.041262054366452743, 0.089815530392123921, 0.070931756325392295, 0.011256342192802662]
        taps = tapSeconds.map { Int(Double($0) * fs) }
        // PlateStub::activate (run on the first block).
        modulatedLattices[0].lfo.set(frequencyHz: 1.2, sampleRateHz: fs, phase: 0)
        modulatedLattices[1].lfo.set(frequencyHz: 1.2, sampleRateHz: fs, phase: 0.5 * Double.pi)
        inputBandwidth.set(exp(-Double.pi * (1 - Double(bandwidth))))
        let damp = exp(-Double.pi * Double(damping))
        tankDamping[0].set(damp)
        tankDamping[1].set(damp)
    }

    func run(inLeft: UnsafePointer<Float>, inRight: UnsafePointer<Float>,
             outLeft: UnsafeMutablePointer<Float>, outRight: UnsafeMutablePointer<Float>, frames: Int) {
        let decay = tail, dry = 1 - blend
        for i in 0..<frames {
            normal = -normal
            let x = Float(Double(inLeft[i] + inRight[i] + normal) * 0.5)
            let (wetLeft, wetRight) = tank(x, decay: decay)
            outLeft[i] = blend * wetLeft + dry * inLeft[i]
            outRight[i] = blend * wetRight + dry * inRight[i]
        }
        normal = -normal
    }

    /// PlateStub::process: input diffusion, the figure-eight tank, and the output taps.
    @inline(__always) private func tank(_ input: Float, decay: Float) -> (Float, Float) {
        var x = inputBandwidth.process(input)
        x = inputLattices[0].process(x, inputDiffusion1)
        x = inputLattices[1].process(x, inputDiffusion1)
        x = inputLattices[2].process(x, inputDiffusion2)
        x = inputLattices[3].process(x, inputDiffusion2)

        var xl = x + decay * tankDelays[3].get()
        var xr = x + decay * tankDelays[1].get()

        xl = modulatedLattices[0].process(xl, decayDiffusion1)
        xl = tankDelays[0].putGet(xl)
        xl = tankDamping[0].process(xl)
        xl *= decay
        xl = tankLattices[0].process(xl, decayDiffusion2)
        tankDelays[1].put(xl)

        xr = modulatedLattices[1].process(xr, decayDiffusion1)
        xr = tankDelays[2].putGet(xr)
        xr = tankDamping[1].process(xr)
        xr *= decay
        xr = tankLattices[1].process(xr, decayDiffusion2)
        tankDelays[3].put(xr)

        // `xl = .6 * a; xl += .6 * b; ...`: each step in double, stored back to float.
        @inline(__always) func add(_ sum: Float, _ value: Float) -> Float { Float(Double(sum) + 0.6 * Double(value)) }
        @inline(__always) func subtract(_ sum: Float, _ value: Float) -> Float { Float(Double(sum) - 0.6 * Double(value)) }
        var left = Float(0.6 * Double(tankDelays[2][taps[0]]))
        left = add(left, tankDelays[2][taps[1]])
        left = subtract(left, tankLattices[1].delay[taps[2]])
        left = add(left, tankDelays[3][taps[3]])
        left = subtract(left, tankDelays[0][taps[4]])
        left = add(left, tankLattices[0].delay[taps[5]])
        var right = Float(0.6 * Double(tankDelays[0][taps[6]]))
        right = add(right, tankDelays[0][taps[7]])
        right = subtract(right, tankLattices[0].delay[taps[8]])
        right = add(right, tankDelays[1][taps[9]])
        right = subtract(right, tankDelays[2][taps[10]])
        right = add(right, tankLattices[1].delay[taps[11]])
        return (left, right)
    }
}
