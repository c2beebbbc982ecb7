import CherryKit
import Testing

/// Every spelling of this machine is loopback (it never goes through a proxy from the
/// environment), and nothing else is; no name is ever resolved.
struct LoopbackHostTests {
  static let loopback = [
    "localhost", "LOCALHOST", "localhost.", "api.localhost", "a.b.localhost.",
    "127.0.0.1", "127.0.0.2", "127.255.255.254", "127.1", "127.0.1", "2130706433",
    "0x7f000001", "0X7F000001", "0x7f.1", "0177.0.0.1", "017700000001", "127.0.0.1.",
    "0.0.0.0", "0", "[::1]", "::1", "[0:0:0:0:0:0:0:1]", "[::ffff:127.0.0.1]",
    "[::ffff:7f00:1]", "[0:0:0:0:0:ffff:127.1.2.3]", "[::]", "[::ffff:0.0.0.0]",
  ]

  static let elsewhere = [
    "example.com", "localhost.example.com", "mylocalhost", "localhostx", "128.0.0.1",
    "126.255.255.255", "10.0.0.1", "192.168.1.1", "2130706431", "0x80000001", "[::2]",
    "[::ffff:128.0.0.1]", "[2001:db8::1]", "[::127.0.0.1]", "256.0.0.1", "1.2.3.4.5",
    "127.0.0.1.example.com", "", "[", "[::1", "0x7g000001",
  ]

  @Test(arguments: loopback)
  func isLoopback(_ host: String) {
    #expect(LoopbackHost.isLoopback(host))
  }

  @Test(arguments: elsewhere)
  func isNotLoopback(_ host: String) {
    #expect(!LoopbackHost.isLoopback(host))
  }

  @Test(arguments: [
    ("127.0.0.1", "127.0.0.1"), ("2130706433", "127.0.0.1"), ("0x7f000001", "127.0.0.1"),
    ("0177.1", "127.0.0.1"), ("192.168.257", "192.168.1.1"), ("1.2.3.4.", "1.2.3.4"),
    ("0x", "0.0.0.0"), ("4294967295", "255.255.255.255"),
  ])
  func readsIPv4AsABrowserDoes(host: String, dotted: String) {
    #expect(IPv4Literal(parsing: host)?.dotted == dotted)
  }

  @Test(arguments: ["4294967296", "1.256.0.0", "1.2.3.4.5", "0x1g", "08", "1..2", "", "a.b"])
  func refusesWhatABrowserRefuses(host: String) {
    #expect(IPv4Literal(parsing: host) == nil)
  }

  @Test(arguments: [
    ("::1", [0, 0, 0, 0, 0, 0, 0, 1]), ("1::", [1, 0, 0, 0, 0, 0, 0, 0]),
    ("1:2:3:4:5:6:7:8", [1, 2, 3, 4, 5, 6, 7, 8]),
    ("::ffff:1.2.3.4", [0, 0, 0, 0, 0, 0xFFFF, 0x0102, 0x0304]),
    ("2001:db8::ff00:42:8329", [0x2001, 0xDB8, 0, 0, 0, 0xFF00, 0x42, 0x8329]),
  ])
  func readsIPv6(text: String, pieces: [UInt16]) {
    #expect(IPv6Literal(parsing: text)?.pieces == pieces)
  }

  @Test(arguments: [
    ":1", "1:::2", "1:2:3:4:5:6:7:8:9", "::1::", "12345::", "::ffff:1.2.3", "::01.2.3.4",
    "fe80::1%eth0", "1:2:3:4:5:6:7", "::1.2.3.4.5",
  ])
  func refusesBadIPv6(text: String) {
    #expect(IPv6Literal(parsing: text) == nil)
  }
}
