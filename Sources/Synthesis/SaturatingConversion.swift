// The one way a number read from a file becomes an Int. Swift's `Int(Double)` traps (SIGILL, the
// whole process dies) on NaN, on infinities and on anything beyond ±2^63; a hostile preset can hold
// all of these, so readers convert through this instead.

extension Int {
    /// `value` truncated toward zero like `Int(_:)`, but never trapping: values beyond the range of
    /// `Int` (infinities included) become `Int.max` / `Int.min`, and NaN becomes `nan`.
    public init(saturating value: Double, nan: Int = 0) {
        if value.isNaN {
            self = nan
        } else if value >= 0x1p63 {
            self = .max
        } else if value < -0x1p63 {
            self = .min
        } else {
            self = Int(value)
        }
    }
}
