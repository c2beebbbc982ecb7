// swift-tools-version: 6.1
import PackageDescription

/// Upcoming features every cherry target opts into: imports are internal unless
/// declared `public import`, and existential types are spelled `any P`.
let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("ExistentialAny"),
]

/// How `cherry` is linked: for its start-up (DESIGN §5, measured by scripts/bench).
///
/// With the toolchain's lld, relative relocations packed (`-z pack-relative-relocs`:
/// 16 KB to read instead of 1.8 MB), and no symbol table exported (the static
/// runtime's start-up looks its own address up in it, across 27,000 symbols). About
/// 1.7 ms of 14.
let startUpLinking: [LinkerSetting] = [
  .unsafeFlags([
    "-use-ld=lld",
    "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
    "-Xlinker", "--no-export-dynamic",
  ])
]

let package = Package(
  name: "cherry",
  // Linux only: the targets import Glibc, libedit comes from pkg-config, and the
  // terminal tests drive tmux (CherrySystem stops a build anywhere else).
  products: [
    .executable(name: "cherry", targets: ["cherry"]),
    .executable(name: "cherry-demo", targets: ["cherry-demo"]),
    .executable(name: "cherry-interop", targets: ["cherry-interop"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
    .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
    .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
    .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
    .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
  ],
  targets: [
    // Small POSIX primitives (write-all, EINTR-safe reads) shared by every layer.
    .target(name: "CherrySystem", swiftSettings: strictSettings),

    // The rules of the domain: pure, no network, no terminal I/O.
    .target(name: "CherryKit", dependencies: ["CherrySystem"], swiftSettings: strictSettings),

    // HTTP per API style, errors, the connection test and the health check.
    .target(
      name: "CherryProviders",
      dependencies: [
        "CherryKit",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ],
      swiftSettings: strictSettings
    ),

    // The command table, dispatch, rendering, completion and scripts.
    .target(
      name: "CherryShell",
      dependencies: ["CherryKit", "CherryProviders", "CherrySystem", "CherryInteropCore"],
      swiftSettings: strictSettings
    ),

    // Import and export (DESIGN §1.7). The pure part (the messages, the merge) is
    // what cherry links; the formats need YAML, zip and LevelDB, which load all of
    // Foundation, so they live in cherry-interop, which cherry runs as git runs its
    // subcommands, keeping them out of cherry's start-up (DESIGN §5).
    .target(
      name: "CherryInteropCore", dependencies: ["CherryKit"], swiftSettings: strictSettings),
    .systemLibrary(
      name: "CLevelDB",
      path: "Sources/CLevelDB",
      providers: [.apt(["libleveldb-dev"])]
    ),
    .target(
      name: "CherryInterop",
      dependencies: [
        "CherryInteropCore", "CherryKit", "CLevelDB",
        .product(name: "Yams", package: "Yams"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "cherry-interop",
      dependencies: ["CherryInterop", "CherrySystem"],
      swiftSettings: strictSettings
    ),

    // libedit, behind a small C shim for its variadic calls.
    .systemLibrary(
      name: "CLibEdit",
      path: "Sources/CLibEdit",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .target(name: "CEditLine", dependencies: ["CLibEdit"]),
    .target(
      name: "LineEditor",
      dependencies: ["CEditLine", "CLibEdit", "CherrySystem"],
      swiftSettings: strictSettings
    ),

    // The local provider server that speaks every style.
    .target(
      name: "CherryDemo",
      dependencies: [
        "CherryKit",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ],
      swiftSettings: strictSettings
    ),

    .executableTarget(
      name: "cherry",
      dependencies: [
        "CherryShell", "LineEditor", "CherryDemo", "CherryKit", "CherrySystem",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictSettings,
      linkerSettings: startUpLinking
    ),
    .executableTarget(
      name: "cherry-demo",
      dependencies: ["CherryDemo", "CherryKit"],
      swiftSettings: strictSettings
    ),

    // A child process for the store's crash and concurrency tests: it loads,
    // changes and saves a session as told on its command line.
    .executableTarget(
      name: "cherry-store-probe",
      dependencies: ["CherryKit", "CherrySystem"],
      path: "Tests/Probes/cherry-store-probe",
      swiftSettings: strictSettings
    ),

    // In-process measurements for scripts/bench (a Tab completion over 10,000 ids).
    .executableTarget(
      name: "cherry-bench-probe",
      dependencies: ["CherryShell", "CherryKit"],
      path: "Tests/Probes/cherry-bench-probe",
      swiftSettings: strictSettings
    ),

    // Helpers shared by the test targets: temporary folders, running the binary, tags.
    .target(
      name: "CherryTestSupport",
      dependencies: ["CherryKit", "CherrySystem"],
      swiftSettings: strictSettings
    ),

    .testTarget(
      name: "CherrySystemTests",
      dependencies: ["CherrySystem", "CherryTestSupport"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "CherryKitTests",
      dependencies: [
        "CherryKit", "CherrySystem", "CherryTestSupport",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "CherryProvidersTests",
      dependencies: ["CherryProviders", "CherryDemo", "CherryKit", "CherryTestSupport"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "CherryShellTests",
      dependencies: ["CherryShell", "CherryDemo", "CherryKit", "CherryTestSupport"],
      resources: [.copy("Transcripts")],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "CherryInteropTests",
      dependencies: [
        "CherryInterop", "CherryInteropCore", "CherryKit", "CherryTestSupport",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      exclude: ["Peers"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "CherryDemoTests",
      dependencies: ["CherryDemo", "CherryKit", "CherryTestSupport"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "LineEditorTests",
      dependencies: ["LineEditor"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "CherryTerminalTests",
      dependencies: ["CherryTestSupport"],
      swiftSettings: strictSettings
    ),
  ]
)
