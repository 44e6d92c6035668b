"""A minimal SMTP responder on a free loopback port that records what it is sent."""

import socketserver
import threading
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage


@dataclass
class Mailbox:
    messages: list[EmailMessage] = field(default_factory=list)
    connections: int = 0
    refuse: set[str] = field(default_factory=set)  # RCPT TO addresses answered with 550
    silent: bool = False  # accept the connection, never answer


class _Handler(socketserver.StreamRequestHandler):
    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        box: Mailbox = self.server.mailbox
        box.connections += 1
        if box.silent:
            self.rfile.readline()
            return
        self.reply("220 test.example ESMTP ready")
        while line := self.rfile.readline():
            verb = line.decode().strip().split(" ", 1)[0].upper()
            if verb == "EHLO":
                self.reply("250-test.example")
                self.reply("250 8BITMIME")
            elif verb == "RCPT":
                address = line.decode().split(":", 1)[1].strip().strip("<>").lower()
                self.reply("550 no such mailbox" if address in box.refuse else "250 OK")
            elif verb == "DATA":
                self.reply("354 go ahead")
                data = b"".join(iter(self.rfile.readline, b".\r\n"))
                box.messages.append(message_from_bytes(data, policy=policy.default))
                self.reply("250 queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:  # HELO, MAIL, RSET, NOOP
                self.reply("250 OK")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class SMTPServer:
    def __init__(self):
        self.mailbox = Mailbox()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.mailbox = self.mailbox
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> "SMTPServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
