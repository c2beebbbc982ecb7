/// The version `--version` prints.
enum CherryVersion {
  static let text = "cherry 0.1.0"
}
