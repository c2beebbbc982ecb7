import CherryKit

extension String {
  /// The string as one line with control and bidi characters made visible
  /// (``VisibleText``): for ids, names and messages that came from outside.
  var visible: String { VisibleText.escaped(self) }
}
