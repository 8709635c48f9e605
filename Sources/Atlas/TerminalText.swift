// Text bound for a terminal (error lines naming files): a file name can hold escape sequences that
// recolour, retitle or rewrite the user's terminal, newlines that fake extra lines, and bidi overrides
// that reverse what is shown. Each such character is shown as a visible code instead.

public enum TerminalText {
    /// `text` with C0 and C1 control characters, DEL and bidi controls replaced by `\u{XX}` escapes.
    public static func safe(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true           // C0 (ESC, CR, LF, BEL...), DEL, C1 (CSI...)
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // bidi marks and overrides
        default: return false
        }
    }
}
