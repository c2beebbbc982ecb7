/// A field that this shell and another cherry both changed, differently, since this
/// shell last loaded or saved the file (DESIGN §2.4).
///
/// The file keeps the other cherry's value: nothing is silently overwritten. With
/// ``ConflictPolicy/keepTheirs`` the save goes on with the other fields and hands
/// back these, so that the shell can take the other value and say so.
public struct SessionConflict: Equatable, Sendable {
  /// The provider concerned.
  public var providerID: String
  /// The field, as ``SessionMerge/providerFields`` names it (`keys`, `url`…), or
  /// `nil` when the conflict is about the provider as a whole: one side removed it
  /// while the other changed it.
  public var field: String?
  /// This shell's version of the provider, `nil` when this shell removed it.
  public var mine: Provider?
  /// The other cherry's version, now in the file, `nil` when it removed the provider.
  public var theirs: Provider?

  /// Creates a conflict.
  ///
  /// - Parameters:
  ///   - providerID: The provider concerned.
  ///   - field: The field, or `nil` for the whole provider.
  ///   - mine: This shell's version of the provider.
  ///   - theirs: The other cherry's version.
  public init(providerID: String, field: String?, mine: Provider?, theirs: Provider?) {
    self.providerID = providerID
    self.field = field
    self.mine = mine
    self.theirs = theirs
  }

  /// Where the conflict is, as errors name it: `providers.<id>.<field>`, or
  /// `providers.<id>` for the whole provider.
  public var place: String {
    guard let field else { return "providers.\(providerID)" }
    return "providers.\(providerID).\(field)"
  }
}
