// swift-tools-version: 6.0
// PresetAtlas: maps the sound space of synthesizers. Module layout and data flow: ../shared/DESIGN.md.
import PackageDescription

// -Ounchecked (no overflow or bounds traps) only where a benchmark shows it pays, measured on a loaded
// 2-core machine (release, 1 job, -Ounchecked against -O): DX7 engine 2,116-2,203x against 1,714-1,845x
// realtime per CPU-second; TripleOscillator 226-259x against 155-162x per core; Features embedding of 72
// renders 0.29-0.31 s against 0.37-0.38 s CPU. SoundSpace gained nothing (PRDC on 3,000 points 0.44-0.46 s
// against 0.44-0.51 s; t-SNE 3.00 s against 2.91 s), so it keeps its checks.
let optimised: [SwiftSetting] = [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]

let package = Package(
    name: "PresetAtlas",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "presetatlas", targets: ["presetatlas"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // C libraries from Debian, each behind a module map; only one wrapper file per library imports them.
        .systemLibrary(name: "CSndFile", path: "Sources/CSndFile", pkgConfig: "sndfile",
                       providers: [.apt(["libsndfile1-dev"])]),
        .systemLibrary(name: "CFFTW", path: "Sources/CFFTW", pkgConfig: "fftw3f",
                       providers: [.apt(["libfftw3-dev"])]),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),

        // The one audio type, shared by the engines (Synthesis) and audio files and features (Features).
        .target(name: "Audio"),
        // The DX7 engine's AVX2 loops, in C for a per-function target and a run-time CPU check.
        .target(name: "CDX7Kernels"),
        .target(name: "Synthesis", dependencies: ["Audio", "CDX7Kernels"], swiftSettings: optimised),
        // Taking in a whole named file (regular files only, size-capped): every reader of user files.
        .target(name: "InputFiles"),
        .target(name: "Formats", dependencies: ["Synthesis", "InputFiles", "CLibXML2", "CZlib"]),
        // The .npy exchange format, shared by Features and SoundSpace (which stay independent of each other).
        .target(name: "NumpyFormat", dependencies: ["InputFiles"]),
        .target(name: "Features", dependencies: ["Audio", "CSndFile", "CFFTW", "NumpyFormat"], swiftSettings: optimised),
        // SoundSpace opens OpenBLAS at run time for its distance tiles (SoundSpace/BLAS.swift says why it is not linked).
        .target(name: "SoundSpace", dependencies: ["NumpyFormat"]),
        .target(name: "Atlas", dependencies: [
            "Synthesis", "Formats", "Features", "SoundSpace", "NumpyFormat",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], resources: [.copy("Report/Resources")]),
        .executableTarget(name: "presetatlas", dependencies: [
            "Atlas", "Synthesis", "Formats", "Features", "SoundSpace", "NumpyFormat",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Shared by the test targets: fixture paths, schemas that load or stop the run, seeded generators.
        .target(name: "TestSupport", dependencies: ["Synthesis", "Formats"], path: "Tests/TestSupport"),
        .testTarget(name: "SynthesisTests", dependencies: ["Synthesis", "Formats", "Features", "TestSupport"]),
        .testTarget(name: "FormatsTests", dependencies: ["Formats", "Synthesis", "TestSupport"]),
        .testTarget(name: "NumpyFormatTests", dependencies: ["NumpyFormat"]),
        .testTarget(name: "FeaturesTests", dependencies: ["Features", "NumpyFormat", "TestSupport"]),
        .testTarget(name: "SoundSpaceTests", dependencies: ["SoundSpace", "NumpyFormat", "TestSupport"]),
        .testTarget(name: "AtlasTests", dependencies: ["Atlas", "Formats", "Synthesis", "Features", "SoundSpace", "NumpyFormat",
                                                   "TestSupport"]),
    ]
)
