import CherryShell

/// The relative order of `-f` and `-c`, read from the raw arguments: argument-parser
/// keeps each option's values in order but not the interleaving of the two
/// (DESIGN §2.1).
enum CommandLineOrder {
  /// The inputs in command-line order.
  ///
  /// - Parameters:
  ///   - arguments: The raw arguments, without the program name.
  ///   - files: The `-f` values, in order, as parsed.
  ///   - commands: The `-c` values, in order, as parsed.
  /// - Returns: Files and commands interleaved as typed; if the raw arguments
  ///   cannot be matched up, every `-f` and then every `-c`.
  static func inputs(arguments: [String], files: [String], commands: [String]) -> [ShellInput] {
    var kinds: [Character] = []
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      if argument == "--" { break }
      switch argument {
      case "-f", "-c":
        kinds.append(argument == "-f" ? "f" : "c")
        index += 2
        continue
      case "--session":
        index += 2
        continue
      default:
        if argument.hasPrefix("-f") || argument.hasPrefix("-c") {
          // -fFILE / -f=FILE: the value is attached.
          kinds.append(argument.hasPrefix("-f") ? "f" : "c")
        }
      }
      index += 1
    }
    let fileCount = kinds.filter { $0 == "f" }.count
    if fileCount != files.count || kinds.count - fileCount != commands.count {
      kinds =
        Array(repeating: "f", count: files.count) + Array(repeating: "c", count: commands.count)
    }
    var inputs: [ShellInput] = []
    var nextFile = 0
    var nextCommand = 0
    for kind in kinds {
      if kind == "f" {
        inputs.append(.file(path: files[nextFile]))
        nextFile += 1
      } else {
        nextCommand += 1
        inputs.append(.command(commands[nextCommand - 1], index: nextCommand))
      }
    }
    return inputs
  }
}
