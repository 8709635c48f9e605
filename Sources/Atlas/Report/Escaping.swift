// Escaping for every text that reaches the report: HTML/SVG text and attributes, JSON inside <script>,
// Markdown table cells. Names come from files anyone can write; none may become markup.
import Formats

enum Escape {
    /// HTML and SVG text or attribute value (both quote styles); see `Formats.xmlEscaped`.
    static func html(_ text: String) -> String { xmlEscaped(text) }

    /// A JSON string literal safe inside `<script>`: `<`, `>`, `&` and the JS line separators as
    /// \u escapes, so no name can close the script element or open a comment.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A Markdown table cell: HTML-escaped (code hosts render inline HTML) with pipes, backticks and
    /// line breaks neutralised.
    static func markdownCell(_ text: String) -> String {
        html(text).replacingOccurrences(of: "|", with: "&#124;").replacingOccurrences(of: "`", with: "&#96;")
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "[", with: "&#91;")
    }

    /// A number for JSON/JS: finite or null.
    static func number(_ value: Double, digits: Int = 4) -> String {
        guard value.isFinite else { return "null" }
        let scale = pow10(digits)
        let rounded = (value * scale).rounded() / scale
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : "\(rounded)"
    }

    private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { r, _ in r * 10 } }
}
