/// The answer every style gives, and the small fixed values of its bodies.
enum DemoReply {
  /// The `created` time of every body (fixed, so bodies are reproducible).
  static let created = 1_747_000_000
  /// The same instant as an ISO 8601 date, for styles that use dates.
  static let createdDate = "2025-05-11T21:46:40Z"

  /// The whole answer for a model.
  static func text(model: String) -> String {
    "Hello! This is the cherry demo server, answering as \(model)."
  }

  /// The answer cut into `count` pieces on word boundaries (at least one piece).
  static func pieces(model: String, count: Int) -> [String] {
    let words = text(model: model).split(separator: " ", omittingEmptySubsequences: false)
    let parts = max(1, min(count, words.count))
    var pieces: [String] = []
    var index = 0
    for part in 0..<parts {
      let take = (words.count - index) / (parts - part)
      let slice = words[index..<(index + take)].joined(separator: " ")
      pieces.append(part == 0 ? slice : " " + slice)
      index += take
    }
    return pieces
  }

  /// A small deterministic embedding vector as a JSON array.
  static func vector(model: String) -> String {
    var seed: UInt32 = 2_166_136_261
    for byte in model.utf8 { seed = (seed ^ UInt32(byte)) &* 16_777_619 }
    let values = (0..<8).map { index -> String in
      let raw = Int((seed >> UInt32(index * 3)) & 0x3ff) - 512
      return String(Double(raw) / 1024)
    }
    return "[" + values.joined(separator: ",") + "]"
  }

  /// Word count of the answer, used as its token count.
  static func tokens(model: String) -> Int {
    text(model: model).split(separator: " ").count
  }
}
