"""A loopback HTTP proxy for ConsumerPeerTests: it forwards every request to an
upstream (llmock) and records, one JSON line per request, the method, the path and
the credentials it carried, which llmock's own journal does not keep.

Usage: recording_proxy.py UPSTREAM_URL RECORD_FILE PORT_FILE
It binds 127.0.0.1 on a free port and writes the port to PORT_FILE when ready.
"""
import http.server
import json
import sys
import urllib.error
import urllib.request

UPSTREAM, RECORD, PORT_FILE = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
CREDENTIALS = ("authorization", "x-api-key", "x-goog-api-key", "api-key")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def forward(self):
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else None
        seen = {name: self.headers[name] for name in CREDENTIALS if self.headers.get(name)}
        with open(RECORD, "a") as record:
            record.write(json.dumps({"method": self.command, "path": self.path, **seen}) + "\n")
        headers = {k: v for k, v in self.headers.items()
                   if k.lower() not in ("host", "content-length", "connection", "accept-encoding")}
        request = urllib.request.Request(UPSTREAM + self.path, data=body, headers=headers,
                                         method=self.command)
        try:
            response = urllib.request.urlopen(request, timeout=60)
            status, reply, kind = response.status, response.read(), response.headers.get("content-type")
        except urllib.error.HTTPError as error:
            status, reply, kind = error.code, error.read(), error.headers.get("content-type")
        self.send_response(status)
        self.send_header("content-type", kind or "application/json")
        self.send_header("content-length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    do_GET = do_POST = do_PUT = do_DELETE = forward

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(PORT_FILE + ".tmp", "w") as port:
    port.write(str(server.server_address[1]))
import os
os.rename(PORT_FILE + ".tmp", PORT_FILE)
server.serve_forever()
