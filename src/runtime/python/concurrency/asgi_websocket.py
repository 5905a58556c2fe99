"""One WebSocket connection on the ASGI server: the scope, receive() and send(), and a scripted client.

The client is a script, so every run is the same: it asks to connect, and once the app accepts
it sends each of its text messages `gap` virtual seconds apart, then leaves (close code 1000)
`gap` seconds after the last one. Every message in either direction is logged with its time
and its text, so the conversation can be shown message by message.
What the server does when the app breaks the protocol follows the ASGI WebSocket spec and
uvicorn: closing before accepting rejects the handshake with 403; returning without
accepting answers 500; an exception after accepting closes the connection with 1011.
"""

import asyncio

from .asgi_cycle import sent_type
from .asgi_rules import violation

TEXT_CHARS = 200


def make_ws_scope(request, index):
    """The ASGI websocket scope for a workload request (spec: WebSocket, Connection Scope)."""
    raw_path, _, query = request["path"].partition("?")
    headers = [(b"host", b"localhost:8000"), (b"upgrade", b"websocket"), (b"connection", b"Upgrade"),
               (b"sec-websocket-key", b"dGhlIHNhbXBsZSBub25jZQ=="), (b"sec-websocket-version", b"13")]
    headers += [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in request["headers"]]
    return {
        "type": "websocket",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "scheme": "ws",
        "server": ("127.0.0.1", 8000),
        "client": ("127.0.0.1", 50000 + index),
        "root_path": "",
        "path": raw_path,
        "raw_path": raw_path.encode("latin-1"),
        "query_string": query.encode("latin-1"),
        "headers": headers,
        "subprotocols": [],
    }


def _clip(text):
    return text if len(text) <= TEXT_CHARS else text[:TEXT_CHARS] + "…"


class WebSocketCycle:
    """The server side of one WebSocket connection: what the app received and sent."""

    websocket = True

    def __init__(self, loop, request, index):
        self.loop = loop
        self.scope = make_ws_scope(request, index)
        self.script = list(request["websocket"])
        self.gap = request.get("gap", 1.0)
        self.inbox = asyncio.Queue()
        self.events, self.violations = [], []
        self.status, self.headers, self.body = None, [], []
        self.connect_sent = False
        self.started = False       # the handshake was answered (accepted or rejected)
        self.accepted = False
        self.complete = False      # the connection is closed, cleanly
        self.cut = False
        self.close_code = None

    def log(self, direction, message):
        event = {"t": self.loop.time(), "dir": direction, "type": message.get("type")}
        for key in ("code", "subprotocol"):
            if message.get(key) is not None:
                event[key] = message[key]
        if isinstance(message.get("text"), str):
            event["text"] = _clip(message["text"])
        if isinstance(message.get("bytes"), (bytes, bytearray)):
            event["bytes"] = len(message["bytes"])
        self.events.append(event)

    def flag(self, rule, message):
        self.violations.append(violation(rule, message))

    async def receive(self):
        """The app's receive(): websocket.connect, the client's messages, then websocket.disconnect."""
        if not self.connect_sent:
            self.connect_sent = True
            message = {"type": "websocket.connect"}
        elif self.complete or self.cut:
            message = {"type": "websocket.disconnect", "code": self.close_code or 1000}
        else:
            message = await self.inbox.get()
        self.log("receive", message)
        return message

    def _client(self, message):
        if self.complete or self.cut:
            return  # the server closed first: the client's later messages are never sent
        if message["type"] == "websocket.disconnect":
            self.close_code = message["code"]
            self.complete = True
        self.inbox.put_nowait(message)

    def _accept(self, message):
        self.started = self.accepted = True
        self.status = 101
        self.headers = [[k.decode("latin-1"), v.decode("latin-1")] for k, v in message.get("headers", [])
                        if isinstance(k, bytes) and isinstance(v, bytes)]
        now = self.loop.time()
        for i, text in enumerate(self.script, start=1):
            self.loop.call_at(now + i * self.gap, self._client, {"type": "websocket.receive", "text": text})
        self.loop.call_at(now + (len(self.script) + 1) * self.gap, self._client,
                          {"type": "websocket.disconnect", "code": 1000})

    async def send(self, message):
        """The app's send(): accept, send and close, checked against the spec."""
        kind = sent_type(self, message)
        if self.complete or self.cut:
            self.flag("ws-after-close", f"{kind!r} sent after the connection was closed")
            raise RuntimeError(f"Unexpected ASGI message '{kind}', after sending 'websocket.close' "
                               "or response already completed.")
        if not self.started:
            if kind == "websocket.accept":
                self._accept(message)
            elif kind == "websocket.close":
                self.started, self.complete, self.status = True, True, 403   # the handshake is refused
                self.close_code = message.get("code", 1000)
            else:
                self.flag("ws-before-accept", f"{kind!r} was sent before websocket.accept")
                raise RuntimeError(f"Expected ASGI message 'websocket.accept' or 'websocket.close', "
                                   f"but got '{kind}'.")
        elif kind == "websocket.send":
            text, data = message.get("text"), message.get("bytes")
            if (text is None) == (data is None) or not isinstance(text if data is None else data,
                                                                   str if data is None else (bytes, bytearray)):
                self.flag("ws-bad-send", "websocket.send needs exactly one of \"text\" (str) or \"bytes\" (bytes)")
                raise TypeError("websocket.send takes text=str or bytes=bytes, one of them")
            self.body.append((text + "\n").encode("utf-8") if data is None else bytes(data))
        elif kind == "websocket.close":
            self.close_code = message.get("code", 1000)
            self.complete = True
            self.inbox.put_nowait({"type": "websocket.disconnect", "code": self.close_code})
        else:
            self.flag("unknown-message", f"{kind!r} is not a message a WebSocket app can send now")
            raise RuntimeError(f"Expected ASGI message 'websocket.send' or 'websocket.close', but got '{kind}'.")

    def app_returned(self):
        """The app's coroutine ended: close what it left open, as the server would."""
        if not self.started:
            self.flag("ws-never-accepted", "the app returned without accepting or closing the WebSocket")
            self.internal_error()
        elif not (self.complete or self.cut):
            self.close_code = 1000        # the server closes the connection for the app
            self.complete = True

    def app_failed(self):
        """The app raised: 500 before the handshake, a 1011 close after it."""
        if not self.started:
            self.internal_error()
        elif not self.complete:
            self.close_code = 1011
            self.cut = True

    def internal_error(self):
        """The handshake fails with an HTTP 500, as uvicorn answers it."""
        self.status = 500
        self.headers = [["content-type", "text/plain; charset=utf-8"], ["connection", "close"]]
        self.body = [b"Internal Server Error"]
        self.started = self.complete = True
