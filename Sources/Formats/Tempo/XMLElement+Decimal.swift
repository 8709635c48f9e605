// Tempo readers take numbers from XML attributes through `TempoRange.decimal`, never through
// `Double(String)`, which also reads hexadecimal ("0x10" as 16 BPM), "nan" and "inf".
import Foundation

extension XMLElement {
    /// An attribute as a plain decimal number, or nil when absent or not one.
    func decimal(_ attribute: String) -> Double? { TempoRange.decimal(attributes[attribute]) }

    /// The attribute's raw text when it is present but not a plain decimal number (for error lines).
    func nonDecimal(_ attribute: String) -> String? {
        guard let raw = attributes[attribute], TempoRange.decimal(raw) == nil else { return nil }
        return String(raw.prefix(20))
    }
}
