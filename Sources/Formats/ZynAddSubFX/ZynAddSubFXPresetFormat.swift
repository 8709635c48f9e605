// ZynAddSubFX / Yoshimi instruments (`.xiz`, `.xiy`) as a `PresetFormat` (read for default-bias
// statistics; there is no ZynAddSubFX engine).
import Foundation
import Synthesis

extension PresetFormat {
    public static let zynAddSubFX = PresetFormat(
        name: "ZynAddSubFX instrument", synthID: "zynaddsubfx", extensions: ["xiz", "xiy"],
        sniff: { ZynAddSubFXInstrument.looksLike($0) },
        decode: { data, url, schema in
            do {
                return [try ZynAddSubFXInstrument.read(data, schema: schema,
                                                       fallbackName: url.deletingPathExtension().lastPathComponent)]
            } catch let error as ZynAddSubFXError {
                throw PresetError(file: url.lastPathComponent, problem: error.description)
            } catch {
                throw PresetError(file: url.lastPathComponent, problem: "\(error)")
            }
        })
}
