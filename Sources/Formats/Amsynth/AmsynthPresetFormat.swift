// amsynth bank files (`*.bank`) as a `PresetFormat`.
import Foundation
import Synthesis

extension PresetFormat {
    public static let amsynth = PresetFormat(
        name: "amsynth bank", synthID: AmsynthBank.synthID, extensions: ["bank"],
        sniff: { AmsynthBank.sniff($0) },
        decode: { data, url, schema in
            // One patch per preset, in file order; bad lines ride along as the first patch's "amsynth.warnings".
            let name = url.lastPathComponent
            return try AmsynthBank.parse(data, fileName: name, schema: schema).patches(schema: schema, source: name)
        })
}
