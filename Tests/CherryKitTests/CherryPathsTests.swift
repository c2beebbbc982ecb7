import CherryKit
import Testing

/// Where cherry's files live (DESIGN §2.1), for each environment.
@Suite struct CherryPathsTests {
  @Test(arguments: [
    (["HOME": "/home/u"], "/home/u/.config/cherry"),
    (["HOME": "/home/u/"], "/home/u/.config/cherry"),
    (["HOME": "/home/u", "XDG_CONFIG_HOME": "/xdg"], "/xdg/cherry"),
    (["HOME": "/home/u", "XDG_CONFIG_HOME": "/xdg/"], "/xdg/cherry"),
    (["HOME": "/home/u", "XDG_CONFIG_HOME": ""], "/home/u/.config/cherry"),
    (["HOME": "/home/u", "XDG_CONFIG_HOME": "relative/dir"], "/home/u/.config/cherry"),
    (["HOME": "/home/u", "XDG_CONFIG_HOME": "/xdg", "CHERRY_HOME": "/ch"], "/ch"),
    (["HOME": "/home/u", "CHERRY_HOME": "/ch/"], "/ch"),
    (["HOME": "/home/u", "CHERRY_HOME": "rel"], "rel"),
    (["HOME": "/home/u", "CHERRY_HOME": ""], "/home/u/.config/cherry"),
    ([:], "/.config/cherry"),
    (["HOME": "/"], "/.config/cherry"),
  ])
  func home(environment: [String: String], expected: String) {
    #expect(CherryPaths.home(environment: environment) == expected)
    #expect(CherryPaths.sessionFile(environment: environment) == expected + "/session.json")
    #expect(CherryPaths.historyFile(environment: environment) == expected + "/history")
  }

  @Test func theRootAsHomeGivesNoDoubleSlash() {
    #expect(CherryPaths.sessionFile(environment: ["CHERRY_HOME": "/"]) == "/session.json")
  }

  @Test(arguments: [
    (["HOME": "/home/u"], "/home/u/.cherryrc"),
    (["HOME": "/home/u", "CHERRY_RC": "/etc/rc"], "/etc/rc"),
    (["HOME": "/home/u", "CHERRY_RC": ""], "/home/u/.cherryrc"),
    (["HOME": "/home/u", "CHERRY_HOME": "/ch"], "/home/u/.cherryrc"),
    ([:], "/.cherryrc"),
  ])
  func rcFile(environment: [String: String], expected: String) {
    #expect(CherryPaths.rcFile(environment: environment) == expected)
  }
}
