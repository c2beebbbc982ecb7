import CEditLine
import Glibc

/// Connects libedit's completion hook, a C function pointer that cannot capture,
/// to the Swift closure of the editor that is reading.
enum CompletionBridge {
  /// The completer signature of ``LineEditor/completer``.
  typealias Completer = (_ lineBeforeCursor: String) -> (replaceFrom: Int, candidates: [String])

  /// The completer of the read in progress.
  ///
  /// libedit is single-threaded and calls the hook only from inside `readline()` on the reading thread, and only one
  /// editor exists per process, so an unsynchronised global is sound here.
  nonisolated(unsafe) static var completer: Completer?

  /// Registers the hook with libedit; safe to call more than once.
  static func install() {
    cel_configure(attemptCompletion)
  }
}

/// libedit's `rl_attempted_completion_function`: asks the completer and returns a
/// malloc'd, NULL-terminated array of malloc'd strings (libedit frees them).
///
/// - Parameters:
///   - text: libedit's word before the cursor (unused: the whole line is read).
///   - start: Where libedit's word starts, in wide characters.
///   - end: The cursor, in wide characters.
/// - Returns: The matches, or NULL when there are none.
private func attemptCompletion(
  _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
  // Never fall back to file names: the completer decides, `source` included.
  cel_completion_over()
  cel_set_append_character(Int32(UInt8(ascii: " ")))
  guard let completer = CompletionBridge.completer, let buffer = cel_line_buffer() else {
    return nil
  }
  // `end` is the cursor in wide characters, which on Linux are Unicode scalars.
  let scalars = String(cString: buffer).unicodeScalars
  var line = String.UnicodeScalarView()
  line.append(contentsOf: scalars.prefix(max(Int(end), 0)))
  let lineBeforeCursor = String(line)

  let answer = completer(lineBeforeCursor)
  guard
    let plan = CompletionPlan(
      line: lineBeforeCursor, wordStart: Int(start), replaceFrom: answer.replaceFrom,
      candidates: answer.candidates)
  else { return nil }
  if !plan.appendsSpace {
    cel_set_append_character(0)
  }
  return makeMatchArray(plan.matches)
}

/// Copies strings into the malloc'd `char **` layout libedit takes ownership of.
///
/// Two NULLs end the array, not one: libedit's `fn_complete` tests `matches[2] == NULL`
/// before `matches[1]`, so a single match (`[word, NULL]`) would make it read past the
/// end, and whatever the heap held there decided whether a space followed the word.
private func makeMatchArray(
  _ words: [String]
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
  let slots = words.count + 2
  guard let memory = calloc(slots, MemoryLayout<UnsafeMutablePointer<CChar>?>.stride) else {
    return nil
  }
  let array = memory.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: slots)
  for (index, word) in words.enumerated() {
    array[index] = strdup(word)
  }
  return array
}
