/// Text from outside (provider ids, names, error bodies, answers) made safe to
/// show: control and bidi-override characters are written as visible escapes
/// (`\x1b`, `\u202e`), so a hostile provider cannot clear the screen, retitle the
/// window, write the clipboard (OSC 52), overwrite a line with `\r`, or reorder
/// what the user reads (DESIGN §1.3: text from a provider is data).
public enum VisibleText {
  /// How much of the layout to keep.
  public enum Layout: Sendable {
    /// One line: newlines and tabs are escaped too (ids, names, one-line errors).
    case line
    /// Running text: newlines and tabs are kept (a streamed answer).
    case text
  }

  /// The text with every unsafe character escaped.
  ///
  /// - Parameters:
  ///   - text: Text that came from outside.
  ///   - layout: Whether newlines and tabs stay.
  /// - Returns: The text unchanged when it is safe (the common case costs one scan).
  public static func escaped(_ text: String, layout: Layout = .line) -> String {
    guard text.unicodeScalars.contains(where: { isUnsafe($0, layout: layout) }) else {
      return text
    }
    var result = ""
    result.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      if isUnsafe(scalar, layout: layout) {
        result += escape(scalar)
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Whether a scalar must not reach a terminal raw.
  ///
  /// - Parameters:
  ///   - scalar: The character.
  ///   - layout: Whether newlines and tabs are allowed.
  /// - Returns: `true` for C0 and C1 controls, DEL, and bidi embedding, override
  ///   and isolate controls (and for `\n` and `\t` on one line).
  public static func isUnsafe(_ scalar: Unicode.Scalar, layout: Layout = .line) -> Bool {
    switch scalar.value {
    case 0x0A, 0x09: return layout == .line
    case 0x00...0x1F, 0x7F...0x9F: return true
    // LRE RLE PDF LRO RLO, LRI RLI FSI PDI, ALM: they reorder the text around them.
    case 0x202A...0x202E, 0x2066...0x2069, 0x061C: return true
    default: return false
    }
  }

  /// `\n`, `\t`, `\r` by name; other controls as `\xHH`; the rest as `\uHHHH`.
  private static func escape(_ scalar: Unicode.Scalar) -> String {
    switch scalar.value {
    case 0x0A: return "\\n"
    case 0x09: return "\\t"
    case 0x0D: return "\\r"
    case 0x00...0xFF: return "\\x" + hex(scalar.value, digits: 2)
    default: return "\\u" + hex(scalar.value, digits: 4)
    }
  }

  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
