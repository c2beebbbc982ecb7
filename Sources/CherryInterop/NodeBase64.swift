/// Base64 as Node's `Buffer.from(text, 'base64')` reads it, which is how Cherry
/// Studio decodes a link's data: both alphabets (`+/` and `-_`), characters outside
/// them skipped, decoding stopped at the first `=`, a partial last group kept.
enum NodeBase64 {
  /// Decodes text.
  ///
  /// - Parameter text: The base64 text.
  /// - Returns: The bytes (possibly empty; Node never fails).
  static func decode(_ text: String) -> [UInt8] {
    var bytes: [UInt8] = []
    var group: [UInt8] = []
    for byte in text.utf8 {
      if byte == UInt8(ascii: "=") { break }
      guard let value = value(of: byte) else { continue }
      group.append(value)
      if group.count == 4 {
        bytes.append(group[0] << 2 | group[1] >> 4)
        bytes.append(group[1] << 4 | group[2] >> 2)
        bytes.append(group[2] << 6 | group[3])
        group.removeAll(keepingCapacity: true)
      }
    }
    if group.count >= 2 { bytes.append(group[0] << 2 | group[1] >> 4) }
    if group.count == 3 { bytes.append(group[1] << 4 | group[2] >> 2) }
    return bytes
  }

  /// Encodes bytes in the standard alphabet, with `=` padding.
  ///
  /// - Parameter bytes: The bytes.
  /// - Returns: The text.
  static func encode(_ bytes: [UInt8]) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    var out: [UInt8] = []
    var index = 0
    while index < bytes.count {
      let chunk = bytes[index..<min(index + 3, bytes.count)]
      let b0 = chunk[chunk.startIndex]
      let b1 = chunk.count > 1 ? chunk[chunk.startIndex + 1] : 0
      let b2 = chunk.count > 2 ? chunk[chunk.startIndex + 2] : 0
      out.append(alphabet[Int(b0 >> 2)])
      out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
      out.append(chunk.count > 1 ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
      out.append(chunk.count > 2 ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
      index += 3
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func value(of byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte - UInt8(ascii: "A")
    case UInt8(ascii: "a")...UInt8(ascii: "z"): return byte - UInt8(ascii: "a") + 26
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0") + 52
    case UInt8(ascii: "+"), UInt8(ascii: "-"): return 62
    case UInt8(ascii: "/"), UInt8(ascii: "_"): return 63
    default: return nil
    }
  }
}
